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
 *
 * <p>{@link #generate(BinnedModel, Observations, double[], UniformRandomProvider)} draws with every nuisance at its
 * fit to data, the template-statistics factors included: γ̂_i and β̂_i, the no-event content of a bin where a
 * background template is empty ({@link BarlowBeeston}), profiled for the data at p. The counts are then
 * Poisson(γ̂_i ν_i + β̂_i), b_i ~ Gauss(γ̂_i, δ_i), and the empty template's auxiliary measurement — its number of
 * template events in the bin, 0 in the simulation that made it — m_i ~ Poisson(β̂_i/w_i) (w_i the weight of one
 * template event): a re-simulation of the template with that content there. Without β̂ &gt; 0 no m_i is drawn (the
 * draws, and so the toys of a nominal truth, are those of {@link #generate(BinnedModel, double[],
 * UniformRandomProvider)}).
 */
public final class ToyGenerator {
  private ToyGenerator() {}

  /** One toy at parameters {@code p}, drawn from {@code rng}: γ = 1 and β = 0 in every bin. */
  public static Observations generate(BinnedModel model, double[] p, UniformRandomProvider rng) {
    return generate(model, p, null, null, rng);
  }

  /**
   * One toy at parameters {@code p} (e.g. a conditional fit to {@code data}) with the template-statistics factors
   * γ̂, β̂ profiled for {@code data} at p (see the class comment), drawn from {@code rng}.
   */
  public static Observations generate(BinnedModel model, Observations data, double[] p, UniformRandomProvider rng) {
    if (model == null || data == null || p == null || p.length != model.nParameters()) {
      throw new IllegalArgumentException("model, data and parameters of length nParameters must be given");
    }
    double[][] f = templateFactors(model, data, p);
    return generate(model, p, f[0], f[1], rng);
  }

  /**
   * The profiled template-statistics factors of every bin at {@code p} for {@code data}: {γ̂_i} and {β̂_i}
   * ({@link BarlowBeeston#profiledFactors}; 1 and 0 in bins without those terms).
   */
  static double[][] templateFactors(BinnedModel model, Observations data, double[] p) {
    if (data.nBins() != model.nBins()) {
      throw new IllegalArgumentException("data must have nBins=" + model.nBins() + ", got " + data.nBins());
    }
    double[] nu = model.expected(p);
    double[] g = new double[nu.length];
    double[] b = new double[nu.length];
    for (int i = 0; i < nu.length; i++) {
      double d = model.relativeStatError(i);
      double w = model.emptyBinWeight(i);
      double[] f = d > 0 || w > 0
          ? BarlowBeeston.profiledFactors(nu[i], data.count(i), d * d, data.statAuxiliary(i), w,
              data.emptyBinAuxiliary(i))
          : new double[] {1.0, 0.0};
      g[i] = f[0];
      b[i] = f[1];
    }
    return new double[][] {g, b};
  }

  private static Observations generate(BinnedModel model, double[] p, double[] gamma, double[] beta,
      UniformRandomProvider rng) {
    if (model == null || p == null || p.length != model.nParameters() || rng == null) {
      throw new IllegalArgumentException("model, rng and parameters of length nParameters must be given");
    }
    double[] nu = model.expected(p);
    if (gamma != null) {
      for (int i = 0; i < nu.length; i++) {
        nu[i] = gamma[i] * nu[i] + beta[i];
      }
    }
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
      b[i] = d > 0 ? (gamma == null ? 1.0 : gamma[i]) + d * gauss.sample() : 1.0;
    }
    obs = obs.withStatAuxiliary(b);
    if (beta == null) {
      return obs;
    }
    double[] m = new double[nu.length];
    boolean any = false;
    for (int i = 0; i < m.length; i++) {
      double w = model.emptyBinWeight(i);
      if (beta[i] > 0 && w > 0) {
        m[i] = PoissonSampler.of(rng, beta[i] / w).sample();
        any = true;
      }
    }
    return any ? obs.withEmptyBinAuxiliary(m) : obs;
  }
}
