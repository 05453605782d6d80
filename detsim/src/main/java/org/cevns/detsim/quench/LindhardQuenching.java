package org.cevns.detsim.quench;

import org.cevns.physics.Checks;

/**
 * Lindhard quenching (J. Lindhard et al., Mat. Fys. Medd. Dan. Vid. Selsk. 33, 10 (1963); ε = 11.5 T Z^(−7/3) and
 * g(ε) as in Lewin &amp; Smith, Astropart. Phys. 6 (1996) 87):
 *
 * <pre>
 *   QF(T) = k g(ε) / (1 + k g(ε)),   ε = 11.5 T[keVnr] Z^(−7/3),   g(ε) = 3 ε^0.15 + 0.7 ε^0.6 + ε,
 *   E_ee = QF(T) · T,                default k = 0.133 Z^(2/3) A^(−1/2).
 * </pre>
 *
 * Measured Ge values of k: 0.162 ± 0.004 (Bonhomme et al., EPJC 82 (2022) 815), 0.179 (Scholz et al. 2016).
 *
 * <p>Optional adiabatic correction for slow recoils (B. J. Scholz et al., PRD 94 (2016) 122003, Eq. 5, their
 * ⁸⁸Y/Be photoneutron measurement in Ge at 77 K): QF(T) → QF(T) · (1 − exp(−T/ξ)), with their best fit
 * k = 0.1789 (+0.0014 −0.0010) and ξ = 0.16 (+0.10 −0.13) keVnr ({@link #SCHOLZ_2016_K},
 * {@link #SCHOLZ_2016_XI_KEVNR}). ξ = 0 is the plain Lindhard model. The product of two increasing functions
 * of T stays increasing, so the inverse exists.
 *
 * <p>The inverse E_ee → E_nr is numerical (Brent), since ε depends on T in keVnr.
 */
public final class LindhardQuenching implements Quenching {
  /** Coefficient of the default k = 0.133 Z^(2/3) A^(−1/2) (Lindhard 1963). */
  public static final double DEFAULT_K_COEFFICIENT = 0.133;
  /** ε = 11.5 T[keVnr] Z^(−7/3): the 11.5 keV⁻¹ factor of the reduced energy (Lindhard 1963). */
  public static final double EPSILON_PER_KEV = 11.5;
  /** Lindhard k of the Ge fit with adiabatic correction, Scholz et al., PRD 94 (2016) 122003, Table I. */
  public static final double SCHOLZ_2016_K = 0.1789;
  /** Adiabatic-correction scale ξ in keVnr of the same fit (Scholz et al. 2016, Eq. 5 and Table I). */
  public static final double SCHOLZ_2016_XI_KEVNR = 0.16;

  private final int z;
  private final double massNumber;
  private final double k;
  private final double adiabaticXiKeVnr;
  private final double epsilonPerKeVnr;

  private LindhardQuenching(int z, double massNumber, double k, double adiabaticXiKeVnr) {
    this.z = z;
    this.massNumber = massNumber;
    this.k = k;
    this.adiabaticXiKeVnr = adiabaticXiKeVnr;
    this.epsilonPerKeVnr = EPSILON_PER_KEV * Math.pow(z, -7.0 / 3.0);
  }

  /**
   * Lindhard model with an explicit k.
   *
   * @param z atomic number of the recoiling nucleus, 1..118
   * @param massNumber mass number A (an average for an element, e.g. 72.63 for Ge), &gt; 0
   * @param k Lindhard k, &gt; 0
   */
  public static LindhardQuenching of(int z, double massNumber, double k) {
    checkZ(z);
    Checks.positive("massNumber", massNumber);
    Checks.positive("k", k);
    return new LindhardQuenching(z, massNumber, k, 0.0);
  }

  /**
   * This model times the adiabatic correction 1 − exp(−T/ξ) of Scholz et al. 2016 (see the class comment).
   *
   * @param xiKeVnr ξ in keVnr, finite and &ge; 0; 0 gives the plain Lindhard model
   */
  public LindhardQuenching withAdiabaticCorrection(double xiKeVnr) {
    if (!(xiKeVnr >= 0) || Double.isInfinite(xiKeVnr)) {
      throw Checks.fail("xiKeVnr", "finite and >= 0", xiKeVnr);
    }
    return new LindhardQuenching(z, massNumber, k, xiKeVnr);
  }

  /** Lindhard model with the default k = 0.133 Z^(2/3) A^(−1/2). */
  public static LindhardQuenching withDefaultK(int z, double massNumber) {
    return of(z, massNumber, defaultK(z, massNumber));
  }

  /** Default Lindhard k = 0.133 Z^(2/3) A^(−1/2). */
  public static double defaultK(int z, double massNumber) {
    checkZ(z);
    Checks.positive("massNumber", massNumber);
    return DEFAULT_K_COEFFICIENT * Math.pow(z, 2.0 / 3.0) / Math.sqrt(massNumber);
  }

  private static void checkZ(int z) {
    if (z < 1 || z > 118) {
      throw Checks.fail("z", "an atomic number in 1..118", z);
    }
  }

  /** Atomic number. */
  public int z() {
    return z;
  }

  /** Mass number used for the default k (informational when k was given). */
  public double massNumber() {
    return massNumber;
  }

  /** Lindhard k. */
  public double k() {
    return k;
  }

  /** Adiabatic-correction scale ξ in keVnr; 0 when the correction is off. */
  public double adiabaticXiKeVnr() {
    return adiabaticXiKeVnr;
  }

  @Override
  public double visibleKeVee(double recoilKeVnr) {
    MonotoneInverse.checkEnergy("recoilKeVnr", recoilKeVnr);
    if (recoilKeVnr == 0) {
      return 0.0;
    }
    double eps = epsilonPerKeVnr * recoilKeVnr;
    double kg = k * (3.0 * Math.pow(eps, 0.15) + 0.7 * Math.pow(eps, 0.6) + eps);
    double visible = recoilKeVnr * kg / (1.0 + kg);
    return adiabaticXiKeVnr > 0 ? visible * -Math.expm1(-recoilKeVnr / adiabaticXiKeVnr) : visible;
  }

  @Override
  public double recoilKeVnr(double visibleKeVee) {
    MonotoneInverse.checkEnergy("visibleKeVee", visibleKeVee);
    // QF < 1 always, so the recoil is above visibleKeVee; start the bracket there.
    return MonotoneInverse.solve(this::visibleKeVee, visibleKeVee, 5.0 * visibleKeVee);
  }

  @Override
  public String toString() {
    return "Lindhard(Z=" + z + ", A=" + massNumber + ", k=" + k
        + (adiabaticXiKeVnr > 0 ? ", adiabatic xi=" + adiabaticXiKeVnr + " keVnr" : "") + ")";
  }
}
