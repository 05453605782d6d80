package org.cevns.detsim.quench;

import org.cevns.physics.Checks;

/**
 * Quenching factor linear in the recoil energy: QF(T) = q0 + q1·T[keVnr], so E_ee = q0 T + q1 T². The
 * inverse is analytic: T = 2 E_ee / (q0 + sqrt(q0² + 4 q1 E_ee)).
 *
 * <p>COHERENT CENNS-10 liquid argon: QF = 0.246 + 0.00078 T[keVnr] (Akimov et al., PRL 126 (2021) 012002 and
 * its data release, arXiv:2006.12659).
 */
public final class LinearQfQuenching implements Quenching {
  /** CENNS-10 LAr QF intercept (arXiv:2006.12659). */
  public static final double LAR_CENNS10_INTERCEPT = 0.246;
  /** CENNS-10 LAr QF slope per keVnr (arXiv:2006.12659). */
  public static final double LAR_CENNS10_SLOPE_PER_KEVNR = 0.00078;

  private final double intercept;
  private final double slopePerKeVnr;

  private LinearQfQuenching(double intercept, double slopePerKeVnr) {
    this.intercept = intercept;
    this.slopePerKeVnr = slopePerKeVnr;
  }

  /**
   * @param intercept q0 in (0, 1]
   * @param slopePerKeVnr q1 per keVnr, finite and &ge; 0 (so that E_ee is increasing)
   */
  public static LinearQfQuenching of(double intercept, double slopePerKeVnr) {
    if (!(intercept > 0 && intercept <= 1)) {
      throw Checks.fail("intercept", "in (0, 1]", intercept);
    }
    Checks.nonNegative("slopePerKeVnr", slopePerKeVnr);
    return new LinearQfQuenching(intercept, slopePerKeVnr);
  }

  /** COHERENT CENNS-10 liquid argon: QF = 0.246 + 0.00078 T[keVnr]. */
  public static LinearQfQuenching coherentLAr() {
    return of(LAR_CENNS10_INTERCEPT, LAR_CENNS10_SLOPE_PER_KEVNR);
  }

  public double intercept() {
    return intercept;
  }

  public double slopePerKeVnr() {
    return slopePerKeVnr;
  }

  @Override
  public double visibleKeVee(double recoilKeVnr) {
    MonotoneInverse.checkEnergy("recoilKeVnr", recoilKeVnr);
    return recoilKeVnr * (intercept + slopePerKeVnr * recoilKeVnr);
  }

  @Override
  public double recoilKeVnr(double visibleKeVee) {
    MonotoneInverse.checkEnergy("visibleKeVee", visibleKeVee);
    return 2.0 * visibleKeVee
        / (intercept + Math.sqrt(intercept * intercept + 4.0 * slopePerKeVnr * visibleKeVee));
  }

  @Override
  public String toString() {
    return "LinearQf(" + intercept + " + " + slopePerKeVnr + " T)";
  }
}
