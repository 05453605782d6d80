package org.cevns.analysis.fit;

/**
 * The conditional fits of a {@link ProfileLikelihood}: the fit with some parameters held (the parameter of interest
 * at a scan point or an interval end), from the warm start or the predicted start of an interval search, from each
 * other minimum of a likelihood with several ({@link GlobalFit}), and from the global fit when the first did not
 * converge. Stateless.
 */
final class ConditionalFit {
  private ConditionalFit() {}

  /**
   * The conditional fit with the parameters {@code indices} held at their values in {@code warmStart}, from
   * {@code predicted} if not null (an interval search's fit starts where the previous one predicts,
   * {@link ProfilePredictor}; other fits — μ = 0 for q0, scans — from the warm start: far from it a linear prediction
   * can cross a kink into another local minimum), else from the warm start (the previous conditional fit); then
   * from each other minimum of {@code global}, keeping the lowest (with several minima the profile is the lowest over
   * the basins, and a warm-started fit stays in its basin; no fit for a likelihood seen with one minimum); if that
   * fit did not converge, also from the global fit {@code best} with those values set, keeping the better. A warm
   * start alone carries the end point of an unconverged fit from one point of a scan to the next (the profile then
   * depends on the order in which the points are evaluated).
   */
  static FitResult fit(Fitter fitter, double[] predicted, double[] warmStart, int[] indices, int[] fixed,
      FitResult best, GlobalFit global, boolean errors) {
    FitResult a = fitter.fit(predicted != null ? predicted : warmStart, fixed, errors);
    if (global != null && global.minima().size() >= 2) {
      for (FitResult m : global.minima()) {
        FitResult b = fitter.fit(withValues(m.parameters(), warmStart, indices), fixed, errors);
        if (b.deviance() < a.deviance() - GlobalFit.DEVIANCE_TOLERANCE) {
          a = b;
        }
      }
    }
    if (a.converged()) {
      return a;
    }
    FitResult b = fitter.fit(withValues(best.parameters(), warmStart, indices), fixed, errors);
    return b.deviance() < a.deviance() || b.converged() && b.deviance() <= a.deviance() ? b : a;
  }

  /** {@code x} (modified) with the parameters {@code indices} set to their values in {@code from}. */
  private static double[] withValues(double[] x, double[] from, int[] indices) {
    for (int k : indices) {
      x[k] = from[k];
    }
    return x;
  }

  /**
   * {@code values} of the parameters {@code indices}, each checked against its bounds (μ's from {@code options});
   * a value beyond a bound by rounding only (1e-12 relative, e.g. an interval end solved at the bound) is the bound.
   *
   * @throws IllegalArgumentException for a value outside its bounds
   */
  static double[] withinBounds(BinnedModel model, FitOptions options, int[] indices, double[] values) {
    double[] out = values.clone();
    for (int a = 0; a < indices.length; a++) {
      int k = indices[a];
      double lo = k == 0 ? options.muLower() : model.lowerBound(k);
      double hi = k == 0 ? options.muUpper() : model.upperBound(k);
      double tolerance = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
      if (out[a] > hi && out[a] <= hi + tolerance) {
        out[a] = hi;
      } else if (out[a] < lo && out[a] >= lo - tolerance) {
        out[a] = lo;
      }
      if (!(out[a] >= lo && out[a] <= hi)) {
        throw new IllegalArgumentException(model.parameterNames().get(k) + " must be in [" + lo + ", " + hi
            + "], got " + out[a]);
      }
    }
    return out;
  }
}
