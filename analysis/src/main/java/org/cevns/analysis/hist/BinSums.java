package org.cevns.analysis.hist;

/**
 * The total of a histogram's or template's bin contents, the one summation used by the fit's totals (normsys κ =
 * Σhi/Σnominal, empty-template checks), the summaries and the plots.
 */
public final class BinSums {
  private BinSums() {}

  /**
   * Σ {@code contents} in index order, plain (not compensated: {@code Arrays.stream(x).sum()} would give other
   * doubles, and the fit's totals and the shipped numbers are defined with this order).
   */
  public static double sum(double[] contents) {
    double s = 0;
    for (double v : contents) {
      s += v;
    }
    return s;
  }
}
