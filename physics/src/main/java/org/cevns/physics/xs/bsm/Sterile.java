package org.cevns.physics.xs.bsm;

import org.cevns.physics.constants.PhysicalConstants;

/**
 * A sterile neutrino N reached from the active flavours through a transition magnetic moment (the dipole
 * portal, Brdar, Greljo, Kopp, Opferkuch, JCAP 01 (2021) 039): ν_α + A → N + A, and its decay N → ν γ through
 * the same moments ({@link #decayWidthMeV()}, {@link #decayLengthM}, {@link #photonEnergyRangeMeV}; the decay is
 * computed, not simulated: event files hold the nuclear recoil only).
 *
 * @param massMeV m_N in MeV, &gt; 0
 * @param dipoleMuB transition moment d_α per active flavour, in Bohr magnetons
 */
public record Sterile(double massMeV, PerFlavour dipoleMuB) {
  /** e/(2 m_e) in MeV⁻¹ per μ_B with e = √(4πα): a moment in μ_B times this is d in natural units. */
  private static final double MEV_M1_PER_MUB = Math.sqrt(4 * Math.PI * PhysicalConstants.FINE_STRUCTURE_CONSTANT)
      / (2 * PhysicalConstants.ELECTRON_MASS_MEV);

  /** Validates the mass (finite, &gt; 0) and that the moments are present. */
  public Sterile {
    if (!(massMeV > 0) || Double.isInfinite(massMeV)) {
      throw new IllegalArgumentException("sterile mass_mev: must be finite and > 0, got " + massMeV);
    }
    if (dipoleMuB == null) {
      throw new IllegalArgumentException("sterile dipole_mub: must be given");
    }
  }

  /**
   * Total width of N → ν γ in MeV, summed over the final flavours: Γ = Σ_α |d_α|² m_N³/(4π) (Brdar, Greljo, Kopp,
   * Opferkuch 2021, the width of the dipole portal's decay; d in MeV⁻¹ = d_μB · e/2m_e), i.e.
   * Γ = α m_N³ Σ_α d_α,μB² / (4 m_e²). 0 when every moment is 0 (then N does not decay through the dipole).
   */
  public double decayWidthMeV() {
    double sum = 0;
    for (String f : PerFlavour.KEYS) {
      double d = dipoleMuB.get(f) * MEV_M1_PER_MUB;
      sum += d * d;
    }
    return sum * massMeV * massMeV * massMeV / (4 * Math.PI);
  }

  /** Proper lifetime τ = ħ/Γ in seconds (infinite when Γ = 0). */
  public double lifetimeS() {
    return NewPhysicsConstants.HBAR_MEV_S / decayWidthMeV();
  }

  /**
   * Mean decay length in the laboratory, in metres, of an N of total energy {@code energyMeV} (&gt; m_N):
   * L = βγ c τ = (p/m_N) ħc/Γ.
   */
  public double decayLengthM(double energyMeV) {
    if (!(energyMeV >= massMeV)) {
      throw new IllegalArgumentException("sterile decay length: energy must be >= m_N = " + massMeV + " MeV, got "
          + energyMeV);
    }
    double p = Math.sqrt(energyMeV * energyMeV - massMeV * massMeV);
    return p / massMeV * PhysicalConstants.HBARC_MEV_FM * NewPhysicsConstants.METERS_PER_FM / decayWidthMeV();
  }

  /**
   * The range of the photon energy in the laboratory, {E_min, E_max} in MeV, from the decay of an N of total
   * energy {@code energyMeV}: m_N/2 in the N rest frame, boosted, E_γ ∈ [(E − p)/2, (E + p)/2] (uniform in that
   * range for an isotropic decay; the angular distribution of a polarised N is not modelled).
   */
  public double[] photonEnergyRangeMeV(double energyMeV) {
    if (!(energyMeV >= massMeV)) {
      throw new IllegalArgumentException("sterile photon energy: energy must be >= m_N = " + massMeV + " MeV, got "
          + energyMeV);
    }
    double p = Math.sqrt(energyMeV * energyMeV - massMeV * massMeV);
    return new double[] {(energyMeV - p) / 2, (energyMeV + p) / 2};
  }
}
