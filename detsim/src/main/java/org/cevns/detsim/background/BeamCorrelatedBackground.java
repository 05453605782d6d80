package org.cevns.detsim.background;

import java.util.Objects;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.TimeProfile;

/**
 * Common part of beam-related neutron backgrounds: nuclear recoils (keVnr), a rate per proton on target for
 * this detector as installed (not per kg: neutron fluxes depend on position and shielding, not on the
 * detector mass), zero when the beam is OFF, and a time profile relative to the pulse start.
 */
abstract class BeamCorrelatedBackground implements BackgroundComponent {
  private final String name;
  private final BackgroundSpectrum recoilSpectrum;
  private final double countsPerPot;
  private final TimeProfile timeProfile;

  BeamCorrelatedBackground(String name, BackgroundSpectrum recoilSpectrum, double countsPerPot,
      TimeProfile timeProfile) {
    this.name = Checks.name("name", name);
    this.recoilSpectrum = Objects.requireNonNull(recoilSpectrum, "recoilSpectrum");
    this.countsPerPot = Checks.nonNegative("countsPerPot", countsPerPot);
    this.timeProfile = Objects.requireNonNull(timeProfile, "timeProfile");
  }

  @Override
  public boolean beamRelated() {
    return true;
  }

  /**
   * Protons on target per GWh of beam energy at proton kinetic energy E_p:
   * POT = (1 GWh in J) / (E_p in J) (e.g. 13.99 GWh at 0.984 GeV = 3.195e23 POT).
   *
   * @param protonEnergyGeV &gt; 0
   */
  static double potPerGWh(double protonEnergyGeV) {
    Checks.positive("protonEnergyGeV", protonEnergyGeV);
    double joulePerGWh = Units.WH_PER_GWH * Units.J_PER_WH;
    double joulePerProton = protonEnergyGeV * Units.MEV_PER_GEV * Units.EV_PER_MEV * Units.J_PER_EV;
    return joulePerGWh / joulePerProton;
  }

  /** Converts a rate per GWh of beam energy to a rate per POT. */
  static double perPotFromPerGWh(double countsPerGWh, double protonEnergyGeV) {
    Checks.nonNegative("countsPerGWh", countsPerGWh);
    return countsPerGWh / potPerGWh(protonEnergyGeV);
  }

  /** Expected counts per proton on target. */
  public double countsPerPot() {
    return countsPerPot;
  }

  @Override
  public String name() {
    return name;
  }

  /** Always {@link EnergyScale#NUCLEAR_RECOIL}: neutron backgrounds are nuclear recoils. */
  @Override
  public EnergyScale energyScale() {
    return EnergyScale.NUCLEAR_RECOIL;
  }

  @Override
  public BackgroundSpectrum spectrum() {
    return recoilSpectrum;
  }

  /** N = (counts per POT) · POT when the beam is ON, 0 when OFF. */
  @Override
  public double expectedCounts(BackgroundExposure exposure) {
    return exposure.state() == BeamState.ON ? countsPerPot * exposure.protonsOnTarget() : 0.0;
  }

  /** The pulse-relative profile; requires a pulsed frame. */
  @Override
  public TimeProfile timeProfile(TimeFrame frame) {
    if (!frame.pulsed()) {
      throw Checks.fail("frame of beam-related background '" + name + "'", "a pulsed beam cycle", frame);
    }
    return timeProfile;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ", " + countsPerPot + " /POT, " + recoilSpectrum + ")";
  }
}
