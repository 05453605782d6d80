package org.cevns.physics.source;

import java.util.List;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;

/**
 * Pion decay-at-rest source (SNS, ESS). Components, each with
 * {@link PionDarParameters#nuPerFlavorPerProton()} neutrinos per proton on target:
 *
 * <ul>
 *   <li>{@value #PI_PROMPT} ν_μ: line at (m_π² − m_μ²)/(2m_π) = 29.792 MeV; time = pulse + π⁺ decay;
 *   <li>{@value #MU_DELAYED} ν_e: Michel {@link MichelSpectrum#nue()}; time = pulse + π⁺ + μ⁺ decays;
 *   <li>{@value #MU_DELAYED} ν̄_μ: Michel {@link MichelSpectrum#numubar()}; same time profile.
 * </ul>
 *
 * <p>Exposure in protons on target, point source, pulsed (times since the pulse start, period {@code beam}).
 * Static helpers convert delivered beam energy or beam time into protons on target: POT = E_beam / E_p
 * (e.g. 13.99 GWh at 0.984 GeV = 3.195e23 POT, Akimov et al., PRL 129 (2022) 081801). Immutable.
 */
public final class PionDarSource implements Source {
  /** Parent label of the prompt ν_μ. */
  public static final String PI_PROMPT = "pi_prompt";
  /** Parent label of the delayed ν_e and ν̄_μ. */
  public static final String MU_DELAYED = "mu_delayed";

  private final String name;
  private final PionDarParameters parameters;
  private final List<SourceComponent> components;

  private PionDarSource(String name, PionDarParameters p) {
    this.name = name;
    this.parameters = p;
    TimeProfile prompt = PulseTimeProfile.pionPrompt(p.pulseShape(), p.pulseWidthNs());
    TimeProfile delayed = PulseTimeProfile.muonDelayed(p.pulseShape(), p.pulseWidthNs());
    double r = p.nuPerFlavorPerProton();
    this.components = List.of(
        new SourceComponent(Flavor.NUMU, PI_PROMPT,
            LineSpectrum.of(PhysicalConstants.PROMPT_NUMU_ENERGY_MEV), prompt, r),
        new SourceComponent(Flavor.NUE, MU_DELAYED, MichelSpectrum.nue(), delayed, r),
        new SourceComponent(Flavor.NUMUBAR, MU_DELAYED, MichelSpectrum.numubar(), delayed, r));
  }

  /** A source named {@code name} with parameters {@code parameters} (e.g. {@link PionDarParameters#sns()}). */
  public static PionDarSource of(String name, PionDarParameters parameters) {
    return new PionDarSource(Checks.label("name", name), Checks.notNull("parameters", parameters));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<SourceComponent> components() {
    return components;
  }

  @Override
  public ExposureUnit exposureUnit() {
    return ExposureUnit.PROTON_ON_TARGET;
  }

  @Override
  public boolean pointSource() {
    return true;
  }

  @Override
  public boolean pulsed() {
    return true;
  }

  public PionDarParameters parameters() {
    return parameters;
  }

  /** Energy of one proton in J: E_p[GeV] × 1e9 eV × e. */
  public static double joulesPerProton(double protonEnergyGeV) {
    Checks.positive("protonEnergyGeV", protonEnergyGeV);
    return protonEnergyGeV * Units.MEV_PER_GEV * Units.EV_PER_MEV * Units.J_PER_EV;
  }

  /** Protons on target delivering {@code beamEnergyGWh} at {@code protonEnergyGeV} per proton. */
  public static double protonsFromBeamEnergy(double beamEnergyGWh, double protonEnergyGeV) {
    Checks.positive("beamEnergyGWh", beamEnergyGWh);
    double joules = beamEnergyGWh * Units.WH_PER_GWH * Units.J_PER_WH;
    return joules / joulesPerProton(protonEnergyGeV);
  }

  /** Protons on target in {@code beamHours} at {@code powerMW} and {@code protonEnergyGeV}. */
  public static double protonsFromBeamHours(double powerMW, double beamHours, double protonEnergyGeV) {
    Checks.positive("powerMW", powerMW);
    Checks.positive("beamHours", beamHours);
    double joules = powerMW * Units.W_PER_MW * beamHours * Units.S_PER_HOUR;
    return joules / joulesPerProton(protonEnergyGeV);
  }

  /** Protons on target per year with {@code beamHoursPerYear} of beam at {@code powerMW}. */
  public static double protonsPerYear(double powerMW, double beamHoursPerYear, double protonEnergyGeV) {
    Checks.positive("beamHoursPerYear", beamHoursPerYear);
    Checks.inClosedRange("beamHoursPerYear", beamHoursPerYear, 0.0, Units.DAYS_PER_YEAR * Units.S_PER_DAY / Units.S_PER_HOUR);
    return protonsFromBeamHours(powerMW, beamHoursPerYear, protonEnergyGeV);
  }

  @Override
  public String toString() {
    return "PionDarSource[" + name + ", " + parameters + "]";
  }
}
