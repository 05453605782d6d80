package org.cevns.analysis.fit;

/**
 * Seeds the global fit of a new-physics parameter of interest: conditional fits of the parameter at 1/8, 3/8, 5/8
 * and 7/8 of its range and at 1/64 and 1/8 of the way from its nominal value to each end of the range, so that the
 * profile likelihood's best fit is the lowest of them and the global fit ({@link ProfileLikelihood#fixedFit}
 * refits from a conditional fit that is lower and keeps the lower one). A parameter that enters the rates only
 * quadratically (μ_ν, the pure millicharge term, scalar and tensor NGI, flavour-changing NSI) has zero gradient at
 * its Standard-Model value: a global fit started there cannot leave it, and stops at a stationary point or at a
 * bound (CONUS+ μ_ν: a false minimum at the range's lower end, deviance 1.5 above the true one at 1.27e-10 μ_B,
 * where the Wilks interval search then failed). The points near the nominal value find a minimum close to it:
 * with the rate change u ∝ x², a conditional fit at x_s is below the nominal one when u_s &lt; 2 u_min, i.e.
 * |x_s| &lt; √2 |x_min|, so the points at 1/64 of the half-range find every minimum farther than 1/90 of it (toys
 * of a parameter whose truth is 0 have their minima there; the range's fractions alone missed them). Used by
 * {@code cevns fit}, {@code scan} and {@code toys} alike. No effect on μ, sin²θ_W and the radii.
 */
public final class NewPhysicsSeeds {
  /** Interior points of the parameter's range, as fractions of it, at which {@link #seed} fits. */
  public static final double[] FRACTIONS = {0.125, 0.375, 0.625, 0.875};
  /** Points near the nominal value, as fractions of the distance to each end of the range. */
  public static final double[] NEAR_FRACTIONS = {1.0 / 64, 1.0 / 8};

  private NewPhysicsSeeds() {}

  /**
   * True for a new-physics parameter: a physics parameter of {@code model} other than {@code sin2_theta_w},
   * {@code rn_fm.*} and {@code rp_fm.*} (not μ, not a nuisance).
   */
  public static boolean applies(BinnedModel model, int k) {
    if (k < model.physicsOffset()) {
      return false;
    }
    String name = model.parameterNames().get(k);
    return !(name.equals("sin2_theta_w") || name.startsWith("rn_fm.") || name.startsWith("rp_fm."));
  }

  /** The conditional fits of physics parameter {@code k} of {@code model} (see above), when it applies. */
  public static void seed(ProfileLikelihood pl, BinnedModel model, int k) {
    if (!applies(model, k)) {
      return;
    }
    double lower = model.lowerBound(k);
    double upper = model.upperBound(k);
    double nominal = model.physics().get(k - model.physicsOffset()).nominal();
    for (double f : NEAR_FRACTIONS) {
      for (double end : new double[] {lower, upper}) {
        double x = nominal + f * (end - nominal);
        if (x != nominal) {
          pl.fixedFit(new int[] {k}, new double[] {x});
        }
      }
    }
    for (double f : FRACTIONS) {
      pl.fixedFit(new int[] {k}, new double[] {lower + f * (upper - lower)});
    }
  }
}
