package org.cevns.physics.source;

import org.cevns.physics.Checks;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;

/**
 * Survival probability P_ee(E) of solar ν_e in the MSW large-mixing-angle solution, adiabatic propagation out
 * of the production region, averaged over the Sun–Earth distance, three flavours with θ13 (day time; the
 * ≈ 3 % day–night regeneration in the Earth is not included):
 * <pre>
 *   P_ee = cos⁴θ13 · [1/2 + 1/2 cos2θ12 · cos2θ12^m] + sin⁴θ13
 *   cos2θ12^m = (cos2θ12 − β) / √[(cos2θ12 − β)² + sin²2θ12],   β = 2√2 G_F cos²θ13 n_e E / Δm²21
 * </pre>
 * (e.g. PDG Review "Neutrino masses, mixing and oscillations", solar-neutrino section; Bahcall, Gonzalez-Garcia
 * &amp; Peña-Garay 2004). n_e is the electron density where the neutrino is produced, taken at one point:
 * {@link #B8_PRODUCTION_ELECTRON_DENSITY_PER_CM3}. P_ee falls from 0.55 at low energies to ≈ 0.32 at 10 MeV.
 * Immutable.
 *
 * @param sin2Theta12 sin²θ12
 * @param sin2Theta13 sin²θ13
 * @param deltaM2Ev2 Δm²21 in eV²
 * @param electronDensityPerCm3 electron density at production in cm⁻³
 */
public record MswLmaSurvival(double sin2Theta12, double sin2Theta13, double deltaM2Ev2,
    double electronDensityPerCm3) {

  /** sin²θ12 = 0.307 ± 0.013 (PDG 2022, Review of Particle Physics, neutrino mixing summary table). */
  public static final double PDG_SIN2_THETA12 = 0.307;
  /** sin²θ13 = (2.19 ± 0.07)e-2 (PDG 2022 summary table). */
  public static final double PDG_SIN2_THETA13 = 2.19e-2;
  /** Δm²21 = (7.53 ± 0.18)e-5 eV² (PDG 2022 summary table). */
  public static final double PDG_DELTA_M2_21_EV2 = 7.53e-5;
  /**
   * Electron density at ⁸B production, 6.0e25 cm⁻³ = 100 N_A cm⁻³: the centre of the standard solar model
   * (BS05, Bahcall, Serenelli &amp; Basu, ApJ 621 (2005) L85, log10(n_e/N_A) ≈ 2.0 at r = 0). ⁸B is made within
   * r ≲ 0.1 R_⊙ where n_e is up to ~10 % lower; 10 % less n_e raises P_ee at 10 MeV by 2 % (relative).
   * Documented assumption: one production point instead of the ⁸B production profile.
   */
  public static final double B8_PRODUCTION_ELECTRON_DENSITY_PER_CM3 = 100 * PhysicalConstants.AVOGADRO_PER_MOL;

  private static final double EV2_PER_MEV2 = Units.EV_PER_MEV * Units.EV_PER_MEV;

  public MswLmaSurvival {
    Checks.inClosedRange("sin2Theta12", sin2Theta12, 0, 1);
    Checks.inClosedRange("sin2Theta13", sin2Theta13, 0, 1);
    Checks.positive("deltaM2Ev2", deltaM2Ev2);
    Checks.positive("electronDensityPerCm3", electronDensityPerCm3);
  }

  /** PDG 2022 mixing parameters and the ⁸B production density. */
  public static MswLmaSurvival pdgB8() {
    return new MswLmaSurvival(PDG_SIN2_THETA12, PDG_SIN2_THETA13, PDG_DELTA_M2_21_EV2,
        B8_PRODUCTION_ELECTRON_DENSITY_PER_CM3);
  }

  /**
   * The ν_e and the ν_μ (= ν_τ) parts of a solar ν_e density tabulated at {@code energiesMeV}: d·P_ee and
   * d·(1 − P_ee)/2 at each energy (maximal θ23 splits the rest equally).
   *
   * @return {ν_e densities, ν_μ densities}
   */
  public double[][] splitByFlavour(double[] energiesMeV, double[] densitiesPerMeV) {
    double[] ve = new double[energiesMeV.length];
    double[] vx = new double[energiesMeV.length];
    for (int i = 0; i < energiesMeV.length; i++) {
      double p = survivalProbability(energiesMeV[i]);
      ve[i] = densitiesPerMeV[i] * p;
      vx[i] = densitiesPerMeV[i] * (1 - p) / 2;
    }
    return new double[][] {ve, vx};
  }

  /** P_ee at neutrino energy {@code energyMeV}. */
  public double survivalProbability(double energyMeV) {
    double c13sq = 1 - sin2Theta13;
    double cos2t12 = 1 - 2 * sin2Theta12;
    double sin2t12sq = 1 - cos2t12 * cos2t12;
    double hbarcMeVCm = PhysicalConstants.HBARC_MEV_FM / Units.FM_PER_CM;
    double neMeV3 = electronDensityPerCm3 * hbarcMeVCm * hbarcMeVCm * hbarcMeVCm;
    double beta = 2 * Math.sqrt(2) * PhysicalConstants.FERMI_CONSTANT_PER_MEV2 * c13sq * neMeV3 * energyMeV
        / (deltaM2Ev2 / EV2_PER_MEV2);
    double d = cos2t12 - beta;
    double cos2tm = d / Math.sqrt(d * d + sin2t12sq);
    return c13sq * c13sq * (0.5 + 0.5 * cos2t12 * cos2tm) + sin2Theta13 * sin2Theta13;
  }
}
