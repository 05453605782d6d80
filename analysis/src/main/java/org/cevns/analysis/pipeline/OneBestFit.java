package org.cevns.analysis.pipeline;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.ProfileLikelihood;

/**
 * One best fit for every output of a fit command: the report of a profile-likelihood fit (μ̂ or x̂, its deviance,
 * intervals, q0, scan, pulls, impacts) reads the best fit first, and the conditional fits made after that (scan
 * points, nuisance impacts, another parameter's interval search) can find a lower minimum of a likelihood with
 * several (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554 assume one; {@link ProfileLikelihood#bestFit} then
 * takes the lower one). The report is then made again from the lower best fit, at most {@link #MAX_REDOS} times;
 * nothing is redone when no later fit found a lower one, so such a report keeps its digits. Used by
 * {@link FitReport} ({@code run}, {@code analyze}), {@link PoiFits} (their physics parameters) and {@link PoiScan}
 * ({@code fit}, {@code scan}).
 */
final class OneBestFit {
  /** Redos from a lower best fit (one suffices but for a chain of kinks: reduced connie needed one). */
  static final int MAX_REDOS = 3;

  private OneBestFit() {}

  /** {@code pass}'s report, made again while {@code lowerFound} says its later fits found a lower best fit. */
  static <T> T redo(Supplier<T> pass, Predicate<T> lowerFound) {
    T r = pass.get();
    for (int redo = 0; redo < MAX_REDOS && lowerFound.test(r); redo++) {
      r = pass.get();
    }
    return r;
  }

  /**
   * Gives {@code pl} the minimum {@code lower} that another profile likelihood of the same model, data and held
   * parameters found, if it is below {@code pl}'s best fit: the conditional fit with every floating parameter held
   * at {@code lower} is then below the global fit, from which {@code pl} refits and which it replaces
   * ({@link ProfileLikelihood#fixedFit}; the refit also joins its global search's minima).
   */
  static void adopt(ProfileLikelihood pl, FitResult lower) {
    if (!(lower.deviance() < pl.bestFit().deviance())) {
      return;
    }
    boolean[] floating = lower.floating();
    int n = 0;
    for (boolean f : floating) {
      n += f ? 1 : 0;
    }
    int[] indices = new int[n];
    double[] values = new double[n];
    for (int k = 0, a = 0; k < floating.length; k++) {
      if (floating[k]) {
        indices[a] = k;
        values[a++] = lower.parameters()[k];
      }
    }
    pl.fixedFit(indices, values);
  }
}
