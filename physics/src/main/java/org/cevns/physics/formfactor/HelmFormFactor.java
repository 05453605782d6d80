package org.cevns.physics.formfactor;

import org.cevns.physics.constants.PhysicalConstants;

/**
 * Helm form factor (R. H. Helm, Phys. Rev. 104 (1956) 1466), with the parametrisation of J. D. Lewin and
 * P. F. Smith, Astropart. Phys. 6 (1996) 87:
 * <pre>
 *   F(q) = 3 j₁(qR₀)/(qR₀) · exp(−q²s²/2)
 *   R₀² = c² + (7/3) π² a² − 5 s²,  c = 1.23 A^{1/3} − 0.60 fm,  a = 0.52 fm,  s = 0.9 fm
 * </pre>
 * A uniform sphere of radius R₀ folded with a Gaussian of width s; its rms radius is R² = (3/5) R₀² + 3 s², so
 * an imposed rms radius R gives R₀² = (5/3)(R² − 3s²) (Lewin &amp; Smith 1996).
 */
public final class HelmFormFactor implements FormFactor {

  /** Skin thickness s in fm (Lewin &amp; Smith 1996). */
  public static final double SKIN_THICKNESS_FM = 0.9;
  /** Surface diffuseness a in fm entering the Lewin–Smith R₀ (Lewin &amp; Smith 1996). */
  public static final double LEWIN_SMITH_DIFFUSENESS_FM = 0.52;
  /** Coefficient of A^{1/3} in c, fm (Lewin &amp; Smith 1996). */
  public static final double LEWIN_SMITH_C_SLOPE_FM = 1.23;
  /** Offset of c, fm (Lewin &amp; Smith 1996). */
  public static final double LEWIN_SMITH_C_OFFSET_FM = -0.60;

  private final double boxRadiusFm;
  private final double skinFm;
  private final double boxRadiusPerMeV;
  private final double halfSkinSquaredPerMeV2;

  private HelmFormFactor(double boxRadiusFm, double skinFm) {
    this.boxRadiusFm = boxRadiusFm;
    this.skinFm = skinFm;
    this.boxRadiusPerMeV = boxRadiusFm / PhysicalConstants.HBARC_MEV_FM;
    double sPerMeV = skinFm / PhysicalConstants.HBARC_MEV_FM;
    this.halfSkinSquaredPerMeV2 = 0.5 * sPerMeV * sPerMeV;
  }

  /** Lewin–Smith default for mass number {@code a}. */
  public static HelmFormFactor lewinSmith(int massNumber) {
    if (massNumber < 1) {
      throw new IllegalArgumentException("Helm form factor mass number: must be >= 1, got " + massNumber);
    }
    double c = LEWIN_SMITH_C_SLOPE_FM * Math.cbrt(massNumber) + LEWIN_SMITH_C_OFFSET_FM;
    double a = LEWIN_SMITH_DIFFUSENESS_FM;
    double s = SKIN_THICKNESS_FM;
    double r0Squared = c * c + 7.0 / 3.0 * Math.PI * Math.PI * a * a - 5 * s * s;
    if (!(r0Squared > 0)) {
      throw new IllegalArgumentException("Helm form factor mass number: Lewin-Smith R0^2 = " + r0Squared
          + " fm^2 is not positive for A = " + massNumber + "; impose an rms radius instead");
    }
    return new HelmFormFactor(Math.sqrt(r0Squared), s);
  }

  /** The smallest rms radius in fm {@link #withRmsRadius} can take: the skin's alone, √3·s = 1.559 fm. */
  public static final double MIN_RMS_RADIUS_FM = Math.sqrt(3) * SKIN_THICKNESS_FM;

  /** Helm form factor with skin s = 0.9 fm and rms radius {@code rmsRadiusFm} (must exceed √3·s = 1.559 fm). */
  public static HelmFormFactor withRmsRadius(double rmsRadiusFm) {
    double s = SKIN_THICKNESS_FM;
    double r0Squared = 5.0 / 3.0 * (rmsRadiusFm * rmsRadiusFm - 3 * s * s);
    if (!(r0Squared > 0) || !Double.isFinite(r0Squared)) {
      throw new IllegalArgumentException("Helm form factor rmsRadiusFm: must exceed sqrt(3)*s = "
          + MIN_RMS_RADIUS_FM + " fm, got " + rmsRadiusFm);
    }
    return new HelmFormFactor(Math.sqrt(r0Squared), s);
  }

  /** Helm form factor with explicit box radius R₀ and skin thickness s, both in fm (&gt; 0). */
  public static HelmFormFactor of(double boxRadiusFm, double skinThicknessFm) {
    if (!(boxRadiusFm > 0) || !Double.isFinite(boxRadiusFm)) {
      throw new IllegalArgumentException("Helm form factor boxRadiusFm: must be > 0, got " + boxRadiusFm);
    }
    if (!(skinThicknessFm >= 0) || !Double.isFinite(skinThicknessFm)) {
      throw new IllegalArgumentException("Helm form factor skinThicknessFm: must be >= 0, got " + skinThicknessFm);
    }
    return new HelmFormFactor(boxRadiusFm, skinThicknessFm);
  }

  @Override
  public double value(double momentumTransferMeV) {
    double q = momentumTransferMeV;
    return SphericalBessel.threeJ1OverX(q * boxRadiusPerMeV) * Math.exp(-q * q * halfSkinSquaredPerMeV2);
  }

  /** The same R₀ and s: {@link #value} reads only the two numbers derived from them. */
  @Override
  public boolean sameValuesAs(FormFactor other) {
    return other == this || other instanceof HelmFormFactor h && h.boxRadiusFm == boxRadiusFm && h.skinFm == skinFm;
  }

  @Override
  public double rmsRadiusFm() {
    return Math.sqrt(0.6 * boxRadiusFm * boxRadiusFm + 3 * skinFm * skinFm);
  }

  /** Box (diffraction) radius R₀ in fm. */
  public double boxRadiusFm() {
    return boxRadiusFm;
  }

  /** Skin thickness s in fm. */
  public double skinThicknessFm() {
    return skinFm;
  }

  @Override
  public String toString() {
    return String.format("Helm[R0=%.4f fm, s=%.3f fm, rms=%.4f fm]", boxRadiusFm, skinFm, rmsRadiusFm());
  }
}
