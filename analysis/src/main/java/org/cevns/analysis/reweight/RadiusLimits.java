package org.cevns.analysis.reweight;

import org.cevns.schema.PhysicsConfig;

/** Where the configured form-factor model takes a neutron or proton radius (the lower ends of radius ranges). */
final class RadiusLimits {
  private RadiusLimits() {}

  /**
   * The smallest radius ≥ {@value CevnsFamily#RADIUS_MIN_FM} fm that the configured form-factor model takes for
   * mass number {@code a} (bisection below {@code nominalFm}, which it takes; Helm: √3·s = 1.559 fm), 1e-6 fm
   * above it.
   */
  static double smallestValidFm(PhysicsConfig physics, int a, double nominalFm) {
    double min = CevnsFamily.RADIUS_MIN_FM;
    return validRadius(physics, a, min) ? min : boundaryFm(physics, a, min, nominalFm);
  }

  /** The model's smallest radius for mass number {@code a} in (loFm, hiFm], which it takes at hiFm, by bisection. */
  static double boundaryFm(PhysicsConfig physics, int a, double loFm, double hiFm) {
    double lo = loFm;
    double hi = hiFm;
    while (hi - lo > CevnsFamily.RADIUS_TOLERANCE_FM) {
      double mid = 0.5 * (lo + hi);
      if (validRadius(physics, a, mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** The mass number of a nuclide's radius parameter ({@code rn_fm.Ar40}: 40). */
  static int massNumber(String nuclideParameter) {
    return Integer.parseInt(nuclideParameter.replaceAll("^.*?(\\d+)$", "$1"));
  }

  /** Whether the configured form-factor model takes {@code radiusFm} for mass number {@code massNumber}. */
  static boolean validRadius(PhysicsConfig physics, int massNumber, double radiusFm) {
    try {
      physics.formFactor().create(massNumber, radiusFm);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
