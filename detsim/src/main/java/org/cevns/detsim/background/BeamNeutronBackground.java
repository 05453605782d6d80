package org.cevns.detsim.background;

import org.cevns.physics.source.TimeProfile;

/**
 * Beam-related (prompt) neutrons at a spallation source: nuclear recoils (keVnr) following the proton pulse.
 * The time profile is the prompt one (e.g. the pion-decay-at-rest source's proton-pulse/π_prompt profile, or
 * any {@link TimeProfile} in ns since the pulse start; a fitted delay/width may be folded in by the caller).
 * Expected counts N = (counts per POT) · POT with the beam ON, 0 OFF. Example normalisation: COHERENT
 * CENNS-10 fitted 553 ± 34 prompt BRN for 13.8e22 POT (Akimov et al., PRL 126 (2021) 012002).
 */
public final class BeamNeutronBackground extends BeamCorrelatedBackground {
  private BeamNeutronBackground(String name, BackgroundSpectrum spectrum, double countsPerPot, TimeProfile profile) {
    super(name, spectrum, countsPerPot, profile);
  }

  /**
   * @param name non-blank
   * @param recoilSpectrumKeVnr nuclear-recoil spectrum (exponential or tabulated) in keVnr
   * @param countsPerPot expected counts per proton on target for this detector, &ge; 0
   * @param pulseTimeProfile times in ns since the pulse start
   */
  public static BeamNeutronBackground perPot(String name, BackgroundSpectrum recoilSpectrumKeVnr,
      double countsPerPot, TimeProfile pulseTimeProfile) {
    return new BeamNeutronBackground(name, recoilSpectrumKeVnr, countsPerPot, pulseTimeProfile);
  }

  /**
   * Rate given per GWh of beam energy, converted with POT per GWh at {@code protonEnergyGeV}.
   *
   * @param countsPerGWh expected counts per GWh, &ge; 0
   * @param protonEnergyGeV proton kinetic energy in GeV, &gt; 0
   */
  public static BeamNeutronBackground perBeamEnergy(String name, BackgroundSpectrum recoilSpectrumKeVnr,
      double countsPerGWh, double protonEnergyGeV, TimeProfile pulseTimeProfile) {
    return perPot(name, recoilSpectrumKeVnr, perPotFromPerGWh(countsPerGWh, protonEnergyGeV), pulseTimeProfile);
  }

  /** Protons on target per GWh of beam energy at {@code protonEnergyGeV}: 1 GWh / E_p. */
  public static double protonsOnTargetPerGWh(double protonEnergyGeV) {
    return potPerGWh(protonEnergyGeV);
  }
}
