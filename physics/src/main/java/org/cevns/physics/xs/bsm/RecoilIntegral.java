package org.cevns.physics.xs.bsm;

import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.xs.GaussLegendre;

/**
 * ∫ dσ/dT dT for the new-physics cross sections, whose integrands may grow like 1/T (electromagnetic terms) or
 * be peaked at T ≲ m²/2M (light mediators): composite 16-point Gauss–Legendre on decades of T (two panels per
 * decade, so 1/T is integrated to ~1e-13 relative), counted down from T_hi; the top decade gets as many panels as
 * the Standard-Model integral uses for the form factor ({@code topPanels}), lower decades √(T/T_hi) of that, plus one panel on [0, 10⁻¹² T_hi] when the lower end
 * is 0.
 */
final class RecoilIntegral {
  /** Smallest T/T_hi resolved by decades when the integral starts at 0. */
  static final double SMALLEST_FRACTION = 1e-12;

  private RecoilIntegral() {}

  static double integrate(DoubleUnaryOperator f, double lo, double hi, int topPanels) {
    if (!(hi > lo)) {
      return 0;
    }
    double floor = lo > 0 ? lo : hi * SMALLEST_FRACTION;
    double sum = lo > 0 ? 0 : GaussLegendre.integrate(f, 0, floor, 1);
    double b = hi;
    while (b > floor) {
      double a = Math.max(floor, b / 10);
      // the form factor varies with q ∝ √T: the panel count of a decade scales like √(b/hi)
      int panels = Math.max(2, (int) Math.ceil(topPanels * Math.sqrt(b / hi)));
      sum += GaussLegendre.integrate(f, a, b, panels);
      b = a;
    }
    return sum;
  }
}
