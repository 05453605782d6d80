package org.cevns.physics.formfactor;

import org.cevns.physics.constants.PhysicalConstants;

/**
 * Klein–Nystrand form factor (S. Klein and J. Nystrand, Phys. Rev. C 60 (1999) 014903), used by COHERENT: a
 * hard sphere of radius R_A folded with a Yukawa potential of range a_k,
 * <pre>
 *   F(q) = 3 j₁(qR_A)/(qR_A) · 1/(1 + q² a_k²),  R_A = 1.2 A^{1/3} fm,  a_k = 0.7 fm.
 * </pre>
 * The rms radius is R² = (3/5) R_A² + 6 a_k² (the Yukawa density e^{−r/a}/r has ⟨r²⟩ = 6a²), so an imposed rms
 * radius R gives R_A² = (5/3)(R² − 6 a_k²) with a_k kept at 0.7 fm.
 */
final class KleinNystrandFormFactor implements FormFactor {

  /** Yukawa range a_k in fm (Klein &amp; Nystrand 1999). */
  public static final double YUKAWA_RANGE_FM = 0.7;
  /** Coefficient of A^{1/3} in R_A, fm (Klein &amp; Nystrand 1999). */
  public static final double RADIUS_SLOPE_FM = 1.2;

  private final double sphereRadiusFm;
  private final double sphereRadiusPerMeV;
  private final double rangeSquaredPerMeV2;

  private KleinNystrandFormFactor(double sphereRadiusFm) {
    this.sphereRadiusFm = sphereRadiusFm;
    this.sphereRadiusPerMeV = sphereRadiusFm / PhysicalConstants.HBARC_MEV_FM;
    double ak = YUKAWA_RANGE_FM / PhysicalConstants.HBARC_MEV_FM;
    this.rangeSquaredPerMeV2 = ak * ak;
  }

  /** Default R_A = 1.2 A^{1/3} fm for mass number {@code massNumber}. */
  public static KleinNystrandFormFactor of(int massNumber) {
    if (massNumber < 1) {
      throw new IllegalArgumentException("Klein-Nystrand form factor mass number: must be >= 1, got " + massNumber);
    }
    return new KleinNystrandFormFactor(RADIUS_SLOPE_FM * Math.cbrt(massNumber));
  }

  /** The smallest rms radius in fm {@link #withRmsRadius} can take: the Yukawa range's alone, √6·a_k = 1.715 fm. */
  public static final double MIN_RMS_RADIUS_FM = Math.sqrt(6) * YUKAWA_RANGE_FM;

  /** Form factor with rms radius {@code rmsRadiusFm} (must exceed √6·a_k = 1.715 fm). */
  public static KleinNystrandFormFactor withRmsRadius(double rmsRadiusFm) {
    double a = YUKAWA_RANGE_FM;
    double ra2 = 5.0 / 3.0 * (rmsRadiusFm * rmsRadiusFm - 6 * a * a);
    if (!(ra2 > 0) || !Double.isFinite(ra2)) {
      throw new IllegalArgumentException("Klein-Nystrand form factor rmsRadiusFm: must exceed sqrt(6)*a_k = "
          + MIN_RMS_RADIUS_FM + " fm, got " + rmsRadiusFm);
    }
    return new KleinNystrandFormFactor(Math.sqrt(ra2));
  }

  @Override
  public double value(double momentumTransferMeV) {
    double q = momentumTransferMeV;
    return SphericalBessel.threeJ1OverX(q * sphereRadiusPerMeV) / (1 + q * q * rangeSquaredPerMeV2);
  }

  /** The same R_A: {@link #value} reads only the number derived from it (a_k is a constant). */
  @Override
  public boolean sameValuesAs(FormFactor other) {
    return other == this || other instanceof KleinNystrandFormFactor k && k.sphereRadiusFm == sphereRadiusFm;
  }

  @Override
  public double rmsRadiusFm() {
    return Math.sqrt(0.6 * sphereRadiusFm * sphereRadiusFm + 6 * YUKAWA_RANGE_FM * YUKAWA_RANGE_FM);
  }

  /** Hard-sphere radius R_A in fm. */
  public double sphereRadiusFm() {
    return sphereRadiusFm;
  }

  @Override
  public String toString() {
    return String.format("KleinNystrand[R_A=%.4f fm, a_k=%.2f fm, rms=%.4f fm]", sphereRadiusFm, YUKAWA_RANGE_FM,
        rmsRadiusFm());
  }
}
