package org.cevns.generator.sample;

import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Test-only EvES-like cross section per Ge-like atom (32 electrons) with the stepping approximation for shell
 * binding (Kopeikin et al. 1997): dσ/dT = Σ_shells n_s θ(T − B_s) · (2 G_F² m_e/π)[g_L² + g_R²(1 − T/E)²
 * − g_L g_R m_e T/E²], split as envelope (all 32 electrons) × acceptance (fraction of electrons with B_s &lt; T).
 * ν_e couplings g_L = 1/2 + s², g_R = s². σ(E) is exact (piecewise polynomial antiderivative).
 */
final class EvesLikeXs implements RecoilCrossSection {
  /** Shell binding energies in keV (Ge-like: K, L1, L2, L3, lumped M, lumped N) and electron counts. */
  static final double[] BINDING_KEV = {11.10, 1.41, 1.25, 1.22, 0.12, 0.01};
  static final int[] ELECTRONS = {2, 2, 2, 4, 18, 4};
  static final int ELECTRON_TOTAL = 32;
  private static final double ME = PhysicalConstants.ELECTRON_MASS_MEV;
  private final double gl = 0.5 + PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private final double gr = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private final double perElectronCm2PerMeV;

  EvesLikeXs() {
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    perElectronCm2PerMeV = 2.0 * gf * gf * ME / Math.PI * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  }

  static double bindingMeV(int shell) {
    return BINDING_KEV[shell] / Units.KEV_PER_MEV;
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return 2.0 * energyMeV * energyMeV / (ME + 2.0 * energyMeV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return 0.5 * (recoilMeV + Math.sqrt(recoilMeV * recoilMeV + 2.0 * ME * recoilMeV));
  }

  private double bracket(double energyMeV, double recoilMeV) {
    double y = 1.0 - recoilMeV / energyMeV;
    return gl * gl + gr * gr * y * y - gl * gr * ME * recoilMeV / (energyMeV * energyMeV);
  }

  /** Antiderivative of the bracket in T. */
  private double bracketIntegral(double energyMeV, double recoilMeV) {
    double y = 1.0 - recoilMeV / energyMeV;
    return gl * gl * recoilMeV - gr * gr * energyMeV * y * y * y / 3.0
        - gl * gr * ME * recoilMeV * recoilMeV / (2.0 * energyMeV * energyMeV);
  }

  @Override
  public double envelopeXsCm2PerMeV(double energyMeV, double recoilMeV) {
    if (recoilMeV < 0.0 || recoilMeV > maxRecoilMeV(energyMeV)) {
      return 0.0;
    }
    return ELECTRON_TOTAL * perElectronCm2PerMeV * bracket(energyMeV, recoilMeV);
  }

  @Override
  public double acceptance(double recoilMeV) {
    int n = 0;
    for (int s = 0; s < BINDING_KEV.length; s++) {
      if (recoilMeV > bindingMeV(s)) {
        n += ELECTRONS[s];
      }
    }
    return (double) n / ELECTRON_TOTAL;
  }

  @Override
  public boolean hasAcceptance() {
    return true;
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    return envelopeXsCm2PerMeV(energyMeV, recoilMeV) * acceptance(recoilMeV);
  }

  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    double sum = 0.0;
    for (int s = 0; s < BINDING_KEV.length; s++) {
      double lo = bindingMeV(s);
      if (lo < tMax) {
        sum += ELECTRONS[s] * (bracketIntegral(energyMeV, tMax) - bracketIntegral(energyMeV, lo));
      }
    }
    return perElectronCm2PerMeV * sum;
  }

  @Override
  public String toString() {
    return "EvesLikeXs(Ge-like shells)";
  }
}
