package org.cevns.detsim.background;

import org.cevns.physics.source.TimeProfile;

/**
 * Neutrino-induced neutrons (NIN; ν_e charged-current on lead shielding emitting neutrons): nuclear
 * recoils (keVnr) following the <b>delayed ν_e</b> time profile (the μ⁺-decay component of the source, in ns
 * since the pulse start). Expected counts N = (counts per POT) · POT with the beam ON, 0 OFF.
 */
public final class NeutrinoInducedNeutronBackground extends BeamCorrelatedBackground {
  private NeutrinoInducedNeutronBackground(
      String name, BackgroundSpectrum spectrum, double countsPerPot, TimeProfile profile) {
    super(name, spectrum, countsPerPot, profile);
  }

  /**
   * @param name non-blank
   * @param recoilSpectrumKeVnr nuclear-recoil spectrum in keVnr
   * @param countsPerPot expected counts per proton on target for this detector, &ge; 0
   * @param delayedNueTimeProfile the delayed ν_e profile in ns since the pulse start
   */
  public static NeutrinoInducedNeutronBackground perPot(String name, BackgroundSpectrum recoilSpectrumKeVnr,
      double countsPerPot, TimeProfile delayedNueTimeProfile) {
    return new NeutrinoInducedNeutronBackground(name, recoilSpectrumKeVnr, countsPerPot, delayedNueTimeProfile);
  }

  /** Rate per GWh of beam energy at {@code protonEnergyGeV}; see {@link BeamNeutronBackground#perBeamEnergy}. */
  public static NeutrinoInducedNeutronBackground perBeamEnergy(String name, BackgroundSpectrum recoilSpectrumKeVnr,
      double countsPerGWh, double protonEnergyGeV, TimeProfile delayedNueTimeProfile) {
    return perPot(name, recoilSpectrumKeVnr, perPotFromPerGWh(countsPerGWh, protonEnergyGeV),
        delayedNueTimeProfile);
  }
}
