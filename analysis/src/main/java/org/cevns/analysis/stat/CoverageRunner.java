package org.cevns.analysis.stat;

import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.ToyGenerator;

/**
 * Toy coverage study: toys drawn at true parameters (counts Poisson, global observables Gaussian around the
 * true norms, {@link ToyGenerator}), each fitted; counts how often the profile interval of confidence level
 * {@code cl} contains the true μ, and collects μ̂ for the bias. Use {@link FitOptions#unboundedMu()} so that
 * neither the estimator nor the intervals are clipped.
 */
public final class CoverageRunner {
  private CoverageRunner() {}

  /**
   * Runs {@code nToys} toys.
   *
   * @param model the model
   * @param trueParameters the true parameter vector (index 0 is μ)
   * @param nToys &ge; 1
   * @param cl confidence level of the interval, in (0, 1)
   * @param options fit options
   * @param rng random source (toys are drawn in sequence from it)
   */
  public static Result run(BinnedModel model, double[] trueParameters, int nToys, double cl,
      FitOptions options, UniformRandomProvider rng) {
    if (model == null || trueParameters == null || options == null || rng == null) {
      throw new IllegalArgumentException("model, trueParameters, options and rng must be given");
    }
    if (nToys < 1) {
      throw new IllegalArgumentException("nToys must be >= 1, got " + nToys);
    }
    double muTrue = trueParameters[0];
    int covered = 0;
    int used = 0;
    int failed = 0;
    double sum = 0;
    double sum2 = 0;
    for (int t = 0; t < nToys; t++) {
      Observations toy = ToyGenerator.generate(model, trueParameters, rng);
      ProfileLikelihood pl = ProfileLikelihood.of(model, toy, options);
      FitResult best = pl.bestFit();
      Interval interval;
      try {
        interval = pl.interval(cl);
      } catch (IllegalStateException | org.apache.commons.math3.exception.MathIllegalArgumentException e) {
        failed++;
        continue;
      }
      if (!best.converged()) {
        failed++;
        continue;
      }
      used++;
      if (interval.contains(muTrue)) {
        covered++;
      }
      sum += best.mu();
      sum2 += best.mu() * best.mu();
    }
    double frac = used > 0 ? (double) covered / used : Double.NaN;
    double mean = used > 0 ? sum / used : Double.NaN;
    double var = used > 1 ? (sum2 - used * mean * mean) / (used - 1) : Double.NaN;
    double sd = Math.sqrt(Math.max(var, 0));
    return new Result(used, covered, frac, Math.sqrt(frac * (1 - frac) / used), mean, sd / Math.sqrt(used),
        sd, failed);
  }

  /**
   * Coverage and bias.
   *
   * @param nToys toys used (converged)
   * @param nCovered toys whose interval contains the true μ
   * @param coverage nCovered / nToys
   * @param coverageError binomial error √(c(1 − c)/nToys)
   * @param muHatMean mean of μ̂
   * @param muHatMeanError standard error of that mean
   * @param muHatStd standard deviation of μ̂
   * @param nFailed toys that failed (not converged or interval not found), excluded
   */
  public record Result(int nToys, int nCovered, double coverage, double coverageError, double muHatMean,
      double muHatMeanError, double muHatStd, int nFailed) {}
}
