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
 * adaptive tolerance there, only less efficiently).
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
    double start = Math.max(tFromMeV, tToMeV * SCAN_DYNAMIC_RANGE);
    int points = (int) Math.ceil(Math.log(tToMeV / start) / Math.log(SCAN_RATIO)) + 1;
    double[] steps = new double[16];
    int count = 0;
    double previousT = start;
    double previousA = xs.acceptance(Math.nextUp(start));
    for (int i = 1; i <= points; i++) {
      double t = i == points ? tToMeV : start * Math.pow(SCAN_RATIO, i);
      double a = xs.acceptance(i == points ? Math.nextDown(t) : t);
      if (a != previousA) {
        if (count == steps.length) {
          steps = Arrays.copyOf(steps, 2 * count);
        }
        steps[count++] = bisect(xs, previousT, t, previousA);
      }
      previousT = t;
      previousA = a;
    }
    return Arrays.copyOf(steps, count);
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
