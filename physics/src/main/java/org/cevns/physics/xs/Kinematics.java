package org.cevns.physics.xs;

/**
 * Two-body elastic kinematics of a massless neutrino of energy E on a target of mass M at rest (all in MeV):
 * T_max = 2E²/(M + 2E), E_min(T) = [T + √(T² + 2MT)]/2, q² = 2MT + T² (elastic two-body kinematics).
 */
final class Kinematics {
  private Kinematics() {}

  /** Largest recoil kinetic energy 2E²/(M + 2E); 0 for E ≤ 0. */
  public static double maxRecoilMeV(double energyMeV, double targetMassMeV) {
    if (!(energyMeV > 0)) {
      return 0;
    }
    return 2 * energyMeV * energyMeV / (targetMassMeV + 2 * energyMeV);
  }

  /** Smallest neutrino energy giving recoil T, [T + √(T² + 2MT)]/2; 0 for T ≤ 0. */
  public static double minEnergyMeV(double recoilMeV, double targetMassMeV) {
    if (!(recoilMeV > 0)) {
      return 0;
    }
    return 0.5 * (recoilMeV + Math.sqrt(recoilMeV * recoilMeV + 2 * targetMassMeV * recoilMeV));
  }

  /** Momentum transfer q = √(2MT + T²) in MeV. */
  public static double momentumTransferMeV(double recoilMeV, double targetMassMeV) {
    return Math.sqrt(2 * targetMassMeV * recoilMeV + recoilMeV * recoilMeV);
  }
}
