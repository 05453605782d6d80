package org.cevns.generator.sample;

import java.util.Arrays;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Locates the steps of {@link RecoilCrossSection#acceptance} (EvES shell-binding thresholds), so that integrals
 * over recoil energy can be split there and stay precise.
 *
 * <p>The acceptance is scanned on a logarithmic grid of ratio {@value #SCAN_RATIO} between max(tFrom,
 * tTo·{@value #SCAN_DYNAMIC_RANGE}) and tTo; every change is bisected to the last representable double. Two
 * steps closer than 0.1 % of their energy, or below tTo·10⁻¹², appear as one (the integrals stay correct to the
 * adaptive tolerance there, only less efficiently). When the acceptance never decreases
 * ({@link RecoilCrossSection#acceptanceNonDecreasing}, EvES), the grid intervals holding a change are found by
 * bisection over the grid indices instead of reading all ~28,000 points: the same intervals, hence the same
 * steps to the bit, with a few hundred evaluations.
 */
final class AcceptanceSteps {
  /** Ratio between neighbouring scan points. */
  static final double SCAN_RATIO = 1.001;
  /** Scan start relative to the upper end. */
  static final double SCAN_DYNAMIC_RANGE = 1e-12;

  private AcceptanceSteps() {}

  /**
   * Recoil energies in MeV, sorted, strictly inside (tFromMeV, tToMeV), where the acceptance changes; empty
   * when {@link RecoilCrossSection#hasAcceptance()} is false.
   */
  static double[] find(RecoilCrossSection xs, double tFromMeV, double tToMeV) {
    if (!xs.hasAcceptance() || !(tToMeV > tFromMeV)) {
      return new double[0];
    }
    Grid grid = new Grid(xs, tFromMeV, tToMeV);
    Steps steps = new Steps();
    if (xs.acceptanceNonDecreasing()) {
      // equal values at two grid points mean no step between them: bisect over the grid indices, which finds
      // the same grid intervals as the scan with about log2(points) evaluations per step instead of all points
      locate(grid, 0, grid.acceptance(0), grid.points, grid.acceptance(grid.points), steps);
    } else {
      double previousA = grid.acceptance(0);
      for (int i = 1; i <= grid.points; i++) {
        double a = grid.acceptance(i);
        if (a != previousA) {
          steps.add(bisect(xs, grid.t(i - 1), grid.t(i), previousA));
        }
        previousA = a;
      }
    }
    return steps.toArray();
  }

  /** Steps in grid intervals (lo, hi] of a non-decreasing acceptance, in order. */
  private static void locate(Grid grid, int lo, double aLo, int hi, double aHi, Steps steps) {
    if (aLo == aHi) {
      return;
    }
    if (hi == lo + 1) {
      steps.add(bisect(grid.xs, grid.t(lo), grid.t(hi), aLo));
      return;
    }
    int mid = (lo + hi) >>> 1;
    double aMid = grid.acceptance(mid);
    locate(grid, lo, aLo, mid, aMid, steps);
    locate(grid, mid, aMid, hi, aHi, steps);
  }

  /**
   * The scan grid: points 0..{@code points}, t_i = start · ratio^i and t_points = tTo; the acceptance is read
   * just inside the ends (next double up from the start, next down from tTo).
   */
  private static final class Grid {
    final RecoilCrossSection xs;
    final double start;
    final double end;
    final int points;

    Grid(RecoilCrossSection xs, double tFromMeV, double tToMeV) {
      this.xs = xs;
      this.start = Math.max(tFromMeV, tToMeV * SCAN_DYNAMIC_RANGE);
      this.end = tToMeV;
      this.points = (int) Math.ceil(Math.log(tToMeV / start) / Math.log(SCAN_RATIO)) + 1;
    }

    double t(int i) {
      return i == 0 ? start : i == points ? end : start * Math.pow(SCAN_RATIO, i);
    }

    double acceptance(int i) {
      return xs.acceptance(i == 0 ? Math.nextUp(start) : i == points ? Math.nextDown(end) : t(i));
    }
  }

  /** Growable list of step energies. */
  private static final class Steps {
    private double[] values = new double[16];
    private int count;

    void add(double t) {
      if (count == values.length) {
        values = Arrays.copyOf(values, 2 * count);
      }
      values[count++] = t;
    }

    double[] toArray() {
      return Arrays.copyOf(values, count);
    }
  }

  /** Smallest t in (lo, hi] where the acceptance differs from {@code lowValue}, to machine precision. */
  private static double bisect(RecoilCrossSection xs, double lo, double hi, double lowValue) {
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (!(mid > lo && mid < hi)) {
        return hi;
      }
      if (xs.acceptance(mid) == lowValue) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }
}
