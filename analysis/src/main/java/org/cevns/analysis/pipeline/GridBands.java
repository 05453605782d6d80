package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The confidence set of a 1D scan read from its grid: every band where −2Δln L lies at or below the critical value,
 * so a profile with two minima (e.g. the two NSI solutions, whose weak charges are ±the Standard Model's) gives the
 * union of two intervals, where the crossing search around the best fit ({@link org.cevns.analysis.fit.IntervalEnds})
 * gives only the band of the best fit. Crossings are interpolated linearly between grid points, so a band is as
 * fine as the grid; a band that reaches an end of the grid is marked open there (the set may go on beyond it).
 */
public final class GridBands {
  private GridBands() {}

  /**
   * One band.
   *
   * @param lower lower end (the first grid point if {@code lowerOpen})
   * @param upper upper end (the last grid point if {@code upperOpen})
   * @param lowerOpen the band starts at the grid's first point: its true lower end may be below
   * @param upperOpen the band ends at the grid's last point: its true upper end may be above
   */
  public record Band(double lower, double upper, boolean lowerOpen, boolean upperOpen) {
    public Band {
      if (!(lower <= upper)) {
        throw new IllegalArgumentException("band: need lower <= upper, got " + lower + ", " + upper);
      }
    }
  }

  /**
   * The bands of {@code x} (increasing grid points) where {@code deltaChi2[i] <= critical[i]} (a per-point critical
   * value, constant for Wilks' levels, toy-calibrated otherwise); a NaN point (a failed fit) ends a band at its
   * neighbour. An isolated grid point inside the set gives a band of zero width at the interpolated crossings.
   */
  public static List<Band> of(double[] x, double[] deltaChi2, double[] critical) {
    int n = x.length;
    if (deltaChi2.length != n || critical.length != n || n < 2) {
      throw new IllegalArgumentException("grid bands: need >= 2 points and one value and critical value per point");
    }
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = deltaChi2[i] - critical[i];
    }
    List<Band> out = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (!(f[i] <= 0)) {
        i++;
        continue;
      }
      int start = i;
      while (i + 1 < n && f[i + 1] <= 0) {
        i++;
      }
      int end = i;
      double lower = start == 0 ? x[0] : crossing(x, f, start - 1, start);
      double upper = end == n - 1 ? x[n - 1] : crossing(x, f, end + 1, end);
      out.add(new Band(lower, upper, start == 0, end == n - 1));
      i = end + 1;
    }
    return List.copyOf(out);
  }

  /** {@link #of(double[], double[], double[])} at one critical value for every point (Wilks). */
  public static List<Band> of(double[] x, double[] deltaChi2, double critical) {
    double[] c = new double[x.length];
    java.util.Arrays.fill(c, critical);
    return of(x, deltaChi2, c);
  }

  /** Where f crosses 0 between grid point {@code out} (f > 0 or NaN) and {@code in} (f <= 0); at {@code in} if NaN. */
  private static double crossing(double[] x, double[] f, int out, int in) {
    if (Double.isNaN(f[out])) {
      return x[in];
    }
    return x[in] + (x[out] - x[in]) * f[in] / (f[in] - f[out]);
  }
}
