package org.cevns.generator.sample;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Test-only CEvNS-like cross section (Freedman 1974 vector part without the T²/2E² term):
 * dσ/dT = G_F² M Q_W² / (4π) · [1 − MT/(2E²) − T/E] · F²(q), q² = 2MT, with the Helm form factor
 * (Lewin &amp; Smith 1996): F = 3 j₁(qR₀)/(qR₀) · exp(−q²s²/2), R₀² = c² + 7/3 π² a² − 5 s²,
 * c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm, s = 0.9 fm. The bracket vanishes exactly at T_max = 2E²/(M + 2E).
 * σ(E) by 64-point Gauss–Legendre on [0, T_max] (exact to ~1e-13 for this smooth integrand).
 */
final class CevnsLikeXs implements RecoilCrossSection {
  private static final GaussIntegrator GAUSS64 = new GaussIntegratorFactory().legendre(64);
  private static final double SKIN_FM = 0.9;
  private final double massMeV;
  private final double prefactorCm2PerMeV;
  private final double radiusFm;
  private final boolean formFactor;

  /** Cs-133-like: Z = 55, N = 78, M = 133 u (≈ 123.9 GeV). */
  static CevnsLikeXs cesium(boolean formFactor) {
    return new CevnsLikeXs(55, 78, formFactor);
  }

  CevnsLikeXs(int z, int n, boolean formFactor) {
    int a = z + n;
    this.massMeV = a * PhysicalConstants.ATOMIC_MASS_UNIT_MEV;
    double weakCharge = n - (1.0 - 4.0 * PhysicalConstants.SIN2_THETA_W_LOW_Q) * z;
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    this.prefactorCm2PerMeV = gf * gf * massMeV * weakCharge * weakCharge / (4.0 * Math.PI)
        * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    double c = 1.23 * Math.cbrt(a) - 0.60;
    double diffuseness = 0.52;
    this.radiusFm = Math.sqrt(c * c + 7.0 / 3.0 * Math.PI * Math.PI * diffuseness * diffuseness
        - 5.0 * SKIN_FM * SKIN_FM);
    this.formFactor = formFactor;
  }

  double massMeV() {
    return massMeV;
  }

  double prefactorCm2PerMeV() {
    return prefactorCm2PerMeV;
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return 2.0 * energyMeV * energyMeV / (massMeV + 2.0 * energyMeV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return 0.5 * (recoilMeV + Math.sqrt(recoilMeV * recoilMeV + 2.0 * massMeV * recoilMeV));
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    if (recoilMeV < 0.0 || recoilMeV > maxRecoilMeV(energyMeV)) {
      return 0.0;
    }
    double bracket = 1.0 - massMeV * recoilMeV / (2.0 * energyMeV * energyMeV) - recoilMeV / energyMeV;
    return prefactorCm2PerMeV * Math.max(0.0, bracket) * formFactorSquared(recoilMeV);
  }

  double formFactorSquared(double recoilMeV) {
    if (!formFactor) {
      return 1.0;
    }
    double qFm = Math.sqrt(2.0 * massMeV * recoilMeV) / PhysicalConstants.HBARC_MEV_FM;
    double x = qFm * radiusFm;
    double j1Term = x < 1e-3 ? 1.0 - x * x / 10.0 : 3.0 * (Math.sin(x) / (x * x) - Math.cos(x) / x) / x;
    double f = j1Term * Math.exp(-0.5 * qFm * qFm * SKIN_FM * SKIN_FM);
    return f * f;
  }

  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    if (!formFactor) {
      // ∫0^Tmax [1 − (M/(2E²) + 1/E) T] dT
      return prefactorCm2PerMeV * (tMax - 0.5 * (massMeV / (2.0 * energyMeV * energyMeV) + 1.0 / energyMeV)
          * tMax * tMax);
    }
    double sum = 0.0;
    for (int i = 0; i < GAUSS64.getNumberOfPoints(); i++) {
      sum += GAUSS64.getWeight(i) * xsCm2PerMeV(energyMeV, 0.5 * tMax * (1.0 + GAUSS64.getPoint(i)));
    }
    return 0.5 * tMax * sum;
  }

  @Override
  public String toString() {
    return "CevnsLikeXs(M=" + massMeV + " MeV, ff=" + formFactor + ")";
  }
}
