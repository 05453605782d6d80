package org.cevns.analysis.fit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Pseudo-experiments of a {@link BinnedModel}: counts n_i ~ Poisson(ν_i(p)) (Commons RNG
 * {@link PoissonSampler}) and, for every constrained norm θ_j with relative width σ_j, the global observable
 * a_j ~ Gauss(θ_j, σ_j) and for every systematic nuisance α the global observable a ~ Gauss(α, 1) (the
 * auxiliary measurements are fluctuated, the "unconditional ensemble"); other global observables are 1
 * (unused); and, where the model has template statistical errors, the Barlow–Beeston-lite auxiliary measurement
 * of bin i, b_i ~ Gauss(1, δ_i) (the template Monte Carlo fluctuated as well as the counts). Physics parameters
 * have no auxiliary measurement.
 */
public final class ToyGenerator {
  private ToyGenerator() {}

  /** One toy at parameters {@code p}, drawn from {@code rng}. */
  public static Observations generate(BinnedModel model, double[] p, UniformRandomProvider rng) {
    if (model == null || p == null || p.length != model.nParameters() || rng == null) {
      throw new IllegalArgumentException("model, rng and parameters of length nParameters must be given");
    }
    double[] nu = model.expected(p);
    double[] n = new double[nu.length];
    for (int i = 0; i < nu.length; i++) {
      if (nu[i] > 0) {
        n[i] = PoissonSampler.of(rng, nu[i]).sample();
      } else if (nu[i] < 0) {
        throw new IllegalArgumentException("expected count of bin " + i + " must be >= 0 to draw a toy, got "
            + nu[i] + " (mu=" + p[0] + ")");
      }
    }
    double[] a = model.nominalGlobalObservables();
    NormalizedGaussianSampler gauss = null;
    for (int j = 0; j < model.norms().size(); j++) {
      NormParameter norm = model.norms().get(j);
      if (norm.kind() == NormParameter.Kind.CONSTRAINED) {
        if (gauss == null) {
          gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        }
        a[j] = p[1 + j] + norm.relativeWidth() * gauss.sample();
      } else {
        a[j] = 1.0;
      }
    }
    for (int j = model.norms().size(); j < a.length; j++) {
      if (gauss == null) {
        gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      }
      a[j] = p[1 + j] + gauss.sample();
    }
    Observations obs = Observations.of(model, n, a);
    if (!model.hasStatErrors()) {
      return obs;
    }
    if (gauss == null) {
      gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }
    double[] b = new double[nu.length];
    for (int i = 0; i < b.length; i++) {
      double d = model.relativeStatError(i);
      b[i] = d > 0 ? 1.0 + d * gauss.sample() : 1.0;
    }
    return obs.withStatAuxiliary(b);
  }
}
