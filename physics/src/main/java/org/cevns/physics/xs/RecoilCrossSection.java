package org.cevns.physics.xs;

/**
 * Differential cross section dσ/dT of one neutrino flavour on one target (a nucleus for CEvNS, all electrons
 * of one atom for EvES), as a function of neutrino energy E and recoil kinetic energy T, both in MeV.
 *
 * <p>For sampling, dσ/dT = {@link #envelopeXsCm2PerMeV} × {@link #acceptance}, where the envelope is smooth
 * in T (tabulated by the sampler) and the acceptance in [0, 1] carries any step in T (the shell-binding
 * steps of EvES), applied exactly by rejection. Smooth cross sections keep the defaults.
 */
public interface RecoilCrossSection {
  /** Largest recoil kinetic energy in MeV at neutrino energy {@code energyMeV} (2E²/(M+2E)). */
  double maxRecoilMeV(double energyMeV);

  /** Smallest neutrino energy in MeV that can give recoil {@code recoilMeV}. */
  double minEnergyMeV(double recoilMeV);

  /** dσ/dT in cm² per MeV per target; 0 outside 0 &le; T &le; T_max(E). */
  double xsCm2PerMeV(double energyMeV, double recoilMeV);

  /**
   * dσ/dT at the fixed recoil {@code recoilMeV} as a function of the neutrino energy in MeV, for integrals over E at
   * one T (the recoil spectrum g(T) = ∫ φ(E) dσ/dT dE): the same doubles as {@link #xsCm2PerMeV}, which the
   * default calls; a cross section may compute its T-dependent factors (form factors) once here.
   */
  default java.util.function.DoubleUnaryOperator atRecoilMeV(double recoilMeV) {
    return energyMeV -> xsCm2PerMeV(energyMeV, recoilMeV);
  }

  /**
   * The coefficients {c₀, c₁, c₂} (cm²/MeV, cm², cm²·MeV) with dσ/dT(E, T) = c₀ + c₁/E + c₂/E² at the fixed recoil
   * {@code recoilMeV} for every E at or above {@link #minEnergyMeV}(T) (0 below), when dσ/dT is such a polynomial
   * in 1/E: then g(T) = ∫ φ(E) dσ/dT dE is c₀ M₀ + c₁ M₋₁ + c₂ M₋₂ with the running moments M_k = ∫ φ E^k dE
   * exactly. Null (the default) when it is not, or not known to be: g(T) is then an integral over E.
   */
  default double[] inverseEnergyCoefficients(double recoilMeV) {
    return null;
  }

  /** Total cross section σ(E) = ∫ dσ/dT dT in cm² per target. */
  double totalXsCm2(double energyMeV);

  /** Smooth part of dσ/dT in cm²/MeV: {@code xs = envelope × acceptance}. Defaults to {@link #xsCm2PerMeV}. */
  default double envelopeXsCm2PerMeV(double energyMeV, double recoilMeV) {
    return xsCm2PerMeV(energyMeV, recoilMeV);
  }

  /** Step factor in [0, 1] applied by rejection; 1 for smooth cross sections. */
  default double acceptance(double recoilMeV) {
    return 1.0;
  }

  /** True when {@link #acceptance} is not identically 1. */
  default boolean hasAcceptance() {
    return false;
  }

  /**
   * True when {@link #acceptance} never decreases with T (the EvES shell steps: Z_eff(T) only grows), so that
   * equal values at two recoils mean no step between them; lets the step search bisect instead of scanning.
   * False by default (no such promise).
   */
  default boolean acceptanceNonDecreasing() {
    return false;
  }

  /**
   * Recoil cutoff in MeV below which dσ/dT is 0 by construction: models whose cross section grows like 1/T
   * (neutrino magnetic moment, millicharge) have an infinite integral from T = 0, so they are cut at a floor
   * ({@code physics.recoil_floor_kev}). Samplers and flux averages start at this floor. 0 by default.
   */
  default double recoilFloorMeV() {
    return 0.0;
  }

  /**
   * Smallest recoil in MeV with dσ/dT &gt; 0 at neutrino energy {@code energyMeV}: the floor, or a kinematic
   * lower edge (sterile-neutrino upscattering has T_min(E) &gt; 0). Defaults to {@link #recoilFloorMeV()}.
   */
  default double minRecoilMeV(double energyMeV) {
    return recoilFloorMeV();
  }

  /**
   * True when dσ/dT is steep at {@link #minRecoilMeV(double)} (a 1/T term): samplers then tabulate the recoil in
   * ln T, where the density is smooth, and follow the moving lower edge. False by default.
   */
  default boolean steepAtMinRecoil() {
    return false;
  }

  /**
   * True when {@code other} returns the same double as this cross section from every method for every argument (the
   * same object, or the same model of the same nucleus with the same parameters), so that an integral of one may
   * stand for the other's; identity by default.
   */
  default boolean sameValuesAs(RecoilCrossSection other) {
    return this == other;
  }
}
