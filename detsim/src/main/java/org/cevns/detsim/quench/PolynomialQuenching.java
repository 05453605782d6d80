package org.cevns.detsim.quench;

import java.util.Arrays;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;

/**
 * Visible energy as a polynomial in the recoil energy, <b>in MeV</b> as published:
 *
 * <pre>
 *   E_ee[MeVee] = c1 x + c2 x² + … + cn xⁿ,   x = E_nr[MeVnr]
 * </pre>
 *
 * (no constant term, so E_ee(0) = 0). Coefficient c_i carries units MeV^(1−i); they are converted to keV
 * internally only through {@link Units#KEV_PER_MEV}.
 *
 * <p>COHERENT CsI[Na] 2021 data release (Akimov et al., PRL 129 (2022) 081801):
 * (c1, c2, c3, c4) = (0.0554628, 4.30681, −111.707, 840.384).
 *
 * <p>Validity range: the polynomial is used on [0, {@code maxRecoilKeVnr}] and must be strictly increasing
 * there (checked at construction on a grid of {@value #MONOTONICITY_GRID} points of dE_ee/dE_nr, plus
 * c1 &gt; 0). Above {@code maxRecoilKeVnr} the quenching factor is held at its value at
 * {@code maxRecoilKeVnr} (E_ee = QF_max · E_nr), which keeps the map continuous and increasing; a quartic
 * fit must not be extrapolated as a polynomial.
 */
public final class PolynomialQuenching implements Quenching {
  /** COHERENT CsI[Na] 2021 polynomial coefficients c1..c4 in MeV units (2021 data release, PRL 129 (2022) 081801). */
  private static final double[] COHERENT_CSI_2021_MEV = {0.0554628, 4.30681, -111.707, 840.384};
  /**
   * Upper end of validity of the CsI preset in keVnr: the 3–60 keVnr span of the COHERENT CsI[Na]
   * quenching measurements (Akimov et al., JINST 17 (2022) P10034). SNS CEvNS recoils on Cs and I stay
   * below ≈ 50 keVnr.
   */
  public static final double COHERENT_CSI_2021_MAX_KEVNR = 60.0;
  /** Number of grid points on which monotonicity is checked. */
  public static final int MONOTONICITY_GRID = 4096;

  private final double[] coefficientsMeV;
  private final double maxRecoilKeVnr;
  private final double visibleAtMaxKeVee;
  private final double quenchingFactorAtMax;

  private PolynomialQuenching(double[] coefficientsMeV, double maxRecoilKeVnr) {
    this.coefficientsMeV = coefficientsMeV;
    this.maxRecoilKeVnr = maxRecoilKeVnr;
    this.visibleAtMaxKeVee = polynomialKeVee(maxRecoilKeVnr);
    this.quenchingFactorAtMax = visibleAtMaxKeVee / maxRecoilKeVnr;
  }

  /**
   * @param coefficientsMeV c1..cn (n &ge; 1) of E_ee[MeVee] = Σ c_i x^i with x in MeVnr; c1 &gt; 0
   * @param maxRecoilKeVnr upper end of the validity range in keVnr, &gt; 0; the polynomial must be
   *     strictly increasing on [0, maxRecoilKeVnr]
   */
  public static PolynomialQuenching ofMeV(double[] coefficientsMeV, double maxRecoilKeVnr) {
    // messages in the configuration's terms (coefficients_mev, max_kevnr): ResponseBuilder puts the key path first
    double[] c = Checks.finiteArray("coefficients_mev", coefficientsMeV, 1);
    Checks.positive("max_kevnr", maxRecoilKeVnr);
    if (!(c[0] > 0)) {
      throw Checks.fail("coefficients_mev[0] (the linear term)", "> 0", c[0]);
    }
    double maxMeV = maxRecoilKeVnr / Units.KEV_PER_MEV;
    for (int j = 1; j <= MONOTONICITY_GRID; j++) {
      double x = maxMeV * j / MONOTONICITY_GRID;
      if (!(derivative(c, x) > 0)) {
        throw Checks.fail(
            "the polynomial",
            "increasing on [0, " + maxRecoilKeVnr + "] keVnr (dE_ee/dE_nr <= 0 at "
                + x * Units.KEV_PER_MEV + " keVnr)",
            Arrays.toString(c));
      }
    }
    return new PolynomialQuenching(c, maxRecoilKeVnr);
  }

  /** COHERENT CsI[Na] 2021 polynomial, valid to {@link #COHERENT_CSI_2021_MAX_KEVNR}. */
  public static PolynomialQuenching coherentCsI2021() {
    return ofMeV(COHERENT_CSI_2021_MEV, COHERENT_CSI_2021_MAX_KEVNR);
  }

  private static double derivative(double[] c, double x) {
    double d = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      d = d * x + (i + 1) * c[i];
    }
    return d;
  }

  private double polynomialKeVee(double recoilKeVnr) {
    double x = recoilKeVnr / Units.KEV_PER_MEV;
    double sum = 0;
    for (int i = coefficientsMeV.length - 1; i >= 0; i--) {
      sum = sum * x + coefficientsMeV[i];
    }
    return sum * x * Units.KEV_PER_MEV;
  }

  /** Coefficients c1..cn in MeV units (copy). */
  public double[] coefficientsMeV() {
    return coefficientsMeV.clone();
  }

  /** Upper end of the polynomial's validity range in keVnr. */
  public double maxRecoilKeVnr() {
    return maxRecoilKeVnr;
  }

  @Override
  public double visibleKeVee(double recoilKeVnr) {
    MonotoneInverse.checkEnergy("recoilKeVnr", recoilKeVnr);
    if (recoilKeVnr <= maxRecoilKeVnr) {
      return polynomialKeVee(recoilKeVnr);
    }
    return quenchingFactorAtMax * recoilKeVnr;
  }

  @Override
  public double recoilKeVnr(double visibleKeVee) {
    MonotoneInverse.checkEnergy("visibleKeVee", visibleKeVee);
    if (visibleKeVee > visibleAtMaxKeVee) {
      return visibleKeVee / quenchingFactorAtMax;
    }
    double guess = Math.min(maxRecoilKeVnr, visibleKeVee / coefficientsMeV[0]);
    // visibleKeVee (not the bare polynomial) is increasing everywhere, so bracket doubling is safe.
    double t = MonotoneInverse.solve(this::visibleKeVee, visibleKeVee, guess);
    return Math.min(t, maxRecoilKeVnr);
  }

  @Override
  public String toString() {
    return "PolynomialQuenching(MeV " + Arrays.toString(coefficientsMeV) + ", max " + maxRecoilKeVnr
        + " keVnr)";
  }
}
