package org.cevns.analysis.fit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The toy-based p-value of the background-only rejection of {@link ProfileLikelihood#toySignificance}: toys drawn
 * from the background-only model at the conditional fit θ̂̂(0) of the data (template-statistics factors γ̂, β̂
 * included: {@link ToyGenerator#generate(BinnedModel, Observations, double[], UniformRandomProvider)}), global
 * observables fluctuated, each fitted with the same options. Stateless.
 */
final class BackgroundOnlyToys {
  private BackgroundOnlyToys() {}

  /** {@code nToys} toys for the data and options of {@code pl}. */
  static ToySignificance run(ProfileLikelihood pl, int nToys, UniformRandomProvider rng) {
    if (nToys < 1 || rng == null) {
      throw new IllegalArgumentException("nToys must be >= 1 and rng given, got nToys=" + nToys);
    }
    double q0Obs = pl.significance().q0();
    double[] p0 = pl.fixedMuFit(0.0).parameters();
    int n = 0;
    int atLeast = 0;
    int failed = 0;
    for (int t = 0; t < nToys; t++) {
      Observations toy = ToyGenerator.generate(pl.model(), pl.data(), p0, rng);
      ProfileLikelihood toyPl = ProfileLikelihood.of(pl.model(), toy, pl.options());
      FitResult f = toyPl.bestFit();
      if (!f.converged()) {
        failed++;
        continue;
      }
      double q0 = toyPl.significance().q0();
      n++;
      if (q0 >= q0Obs) {
        atLeast++;
      }
    }
    double p = n > 0 ? (double) atLeast / n : Double.NaN;
    double err = n > 0 ? Math.sqrt(p * (1 - p) / n) : Double.NaN;
    double z = atLeast == 0 ? Double.POSITIVE_INFINITY : NormalDistribution.of(0, 1).inverseSurvivalProbability(p);
    return new ToySignificance(q0Obs, Math.sqrt(q0Obs), n, atLeast, p, err, z, failed);
  }
}
