package org.cevns.detsim.background;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/** Test statistics helpers. */
final class Stats {
  private Stats() {}

  static double ksPValue(double[] x, DoubleUnaryOperator cdf) {
    return KolmogorovSmirnovTest.withDefaults().test(x, cdf).getPValue();
  }

  /** χ² p-value of {@code x} binned in {@code bins} equal bins on [lo, hi] against {@code cdf}. */
  static double binnedChiSquarePValue(double[] x, DoubleUnaryOperator cdf, double lo, double hi, int bins) {
    long[] observed = new long[bins];
    double[] expected = new double[bins];
    for (double v : x) {
      int b = (int) ((v - lo) / (hi - lo) * bins);
      if (b >= 0 && b < bins) {
        observed[b]++;
      }
    }
    for (int b = 0; b < bins; b++) {
      double a = lo + (hi - lo) * b / bins;
      double c = lo + (hi - lo) * (b + 1) / bins;
      expected[b] = cdf.applyAsDouble(c) - cdf.applyAsDouble(a);
    }
    return ChiSquareTest.withDefaults().test(expected, observed).getPValue();
  }
}
