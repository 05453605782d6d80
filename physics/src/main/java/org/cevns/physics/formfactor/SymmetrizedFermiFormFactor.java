package org.cevns.physics.formfactor;

import org.cevns.physics.constants.PhysicalConstants;

/**
 * Symmetrised Fermi form factor (D. W. L. Sprung and J. Martorell, J. Phys. A 30 (1997) 6525), the analytic
 * Fourier transform of the symmetrised two-parameter Fermi density with half-density radius c and diffuseness a:
 * <pre>
 *   F(q) = 3/[qc((qc)² + (πqa)²)] · [πqa/sinh(πqa)] · [πqa sin(qc)/tanh(πqa) − qc cos(qc)]
 * </pre>
 * Its rms radius is R² = (3/5) c² + (7/5) π² a².
 *
 * <p>Choice of (c, a): the diffuseness is fixed at a = 0.52 fm (surface thickness t = 4 ln3 · a ≈ 2.3 fm, the
 * Lewin–Smith value). By default c = 1.23 A^{1/3} − 0.60 fm, which makes the rms radius identical to that of the
 * default Helm form factor (both equal √((3/5)c² + (7/5)π²a²)). With an imposed rms radius R,
 * c² = (5/3)(R² − (7/5)π²a²), i.e. only the half-density radius moves.
 *
 * <p>For (qc)² + (πqa)² &lt; 0.01 the exact Taylor series to order q⁸ (moments of the density, derived
 * symbolically) replaces the closed form, whose bracket cancels to O(q³) there.
 */
final class SymmetrizedFermiFormFactor implements FormFactor {

  /** Diffuseness a in fm (Lewin &amp; Smith 1996 value). */
  public static final double DIFFUSENESS_FM = 0.52;

  private static final double SERIES_LIMIT = 0.01;

  private final double halfDensityRadiusFm;
  private final double diffusenessFm;
  private final double cPerMeV;
  private final double piAPerMeV;
  private final double k2;
  private final double k4;
  private final double k6;
  private final double k8;

  private SymmetrizedFermiFormFactor(double halfDensityRadiusFm, double diffusenessFm) {
    this.halfDensityRadiusFm = halfDensityRadiusFm;
    this.diffusenessFm = diffusenessFm;
    this.cPerMeV = halfDensityRadiusFm / PhysicalConstants.HBARC_MEV_FM;
    this.piAPerMeV = Math.PI * diffusenessFm / PhysicalConstants.HBARC_MEV_FM;
    double c2 = cPerMeV * cPerMeV;
    double b = piAPerMeV * piAPerMeV;
    this.k2 = -(c2 / 10 + 7 * b / 30);
    this.k4 = c2 * c2 / 280 + 3 * b * c2 / 140 + 31 * b * b / 840;
    this.k6 = -(c2 * c2 * c2 / 15120 + 11 * b * c2 * c2 / 15120 + 239 * b * b * c2 / 75600
        + 127 * b * b * b / 25200);
    this.k8 = c2 * c2 * c2 * c2 / 1330560 + 13 * b * c2 * c2 * c2 / 997920 + 41 * b * b * c2 * c2 / 399168
        + 409 * b * b * b * c2 / 997920 + 73 * b * b * b * b / 114048;
  }

  /** Default for mass number {@code massNumber}: c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm. */
  public static SymmetrizedFermiFormFactor of(int massNumber) {
    if (massNumber < 1) {
      throw new IllegalArgumentException("symmetrized Fermi form factor mass number: must be >= 1, got "
          + massNumber);
    }
    double c = HelmFormFactor.LEWIN_SMITH_C_SLOPE_FM * Math.cbrt(massNumber) + HelmFormFactor.LEWIN_SMITH_C_OFFSET_FM;
    return new SymmetrizedFermiFormFactor(c, DIFFUSENESS_FM);
  }

  /** The smallest rms radius in fm {@link #withRmsRadius} can take: the diffuseness's alone, √(7/5)·π·a = 1.933 fm. */
  public static final double MIN_RMS_RADIUS_FM = Math.sqrt(1.4) * Math.PI * DIFFUSENESS_FM;

  /** Form factor with a = 0.52 fm and rms radius {@code rmsRadiusFm} (must exceed √(7/5)·π·a = 1.933 fm). */
  public static SymmetrizedFermiFormFactor withRmsRadius(double rmsRadiusFm) {
    double a = DIFFUSENESS_FM;
    double c2 = 5.0 / 3.0 * (rmsRadiusFm * rmsRadiusFm - 1.4 * Math.PI * Math.PI * a * a);
    if (!(c2 > 0) || !Double.isFinite(c2)) {
      throw new IllegalArgumentException("symmetrized Fermi form factor rmsRadiusFm: must exceed sqrt(7/5)*pi*a = "
          + MIN_RMS_RADIUS_FM + " fm, got " + rmsRadiusFm);
    }
    return new SymmetrizedFermiFormFactor(Math.sqrt(c2), a);
  }

  /** Explicit half-density radius c and diffuseness a in fm (both &gt; 0). */
  public static SymmetrizedFermiFormFactor of(double halfDensityRadiusFm, double diffusenessFm) {
    if (!(halfDensityRadiusFm > 0) || !Double.isFinite(halfDensityRadiusFm)) {
      throw new IllegalArgumentException("symmetrized Fermi halfDensityRadiusFm: must be > 0, got "
          + halfDensityRadiusFm);
    }
    if (!(diffusenessFm > 0) || !Double.isFinite(diffusenessFm)) {
      throw new IllegalArgumentException("symmetrized Fermi diffusenessFm: must be > 0, got " + diffusenessFm);
    }
    return new SymmetrizedFermiFormFactor(halfDensityRadiusFm, diffusenessFm);
  }

  @Override
  public double value(double momentumTransferMeV) {
    double q = Math.abs(momentumTransferMeV);
    double x = q * cPerMeV;
    double y = q * piAPerMeV;
    double r2 = x * x + y * y;
    if (r2 < SERIES_LIMIT) {
      double q2 = q * q;
      return 1 + q2 * (k2 + q2 * (k4 + q2 * (k6 + q2 * k8)));
    }
    if (y > 700) {
      return 0; // y/sinh(y) underflows; |F| < 1e-300 here
    }
    double yOverSinh = y == 0 ? 1 : y / Math.sinh(y);
    double yOverTanh = y == 0 ? 1 : y / Math.tanh(y);
    return 3 / (x * r2) * yOverSinh * (yOverTanh * Math.sin(x) - x * Math.cos(x));
  }

  @Override
  public double rmsRadiusFm() {
    double c = halfDensityRadiusFm;
    double a = diffusenessFm;
    return Math.sqrt(0.6 * c * c + 1.4 * Math.PI * Math.PI * a * a);
  }

  /** Half-density radius c in fm. */
  public double halfDensityRadiusFm() {
    return halfDensityRadiusFm;
  }

  /** Diffuseness a in fm. */
  public double diffusenessFm() {
    return diffusenessFm;
  }

  @Override
  public String toString() {
    return String.format("SymmetrizedFermi[c=%.4f fm, a=%.3f fm, rms=%.4f fm]", halfDensityRadiusFm, diffusenessFm,
        rmsRadiusFm());
  }
}
