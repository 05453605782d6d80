package org.cevns.physics.source;

import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;

/**
 * Parameters of a pion decay-at-rest source (SNS: Akimov et al., PRL 129 (2022) 081801; ESS: Baxter et al., JHEP 02
 * (2020) 123). Facility presets give defaults; every field
 * can be overridden with the {@code with...} methods (each returns a new validated record).
 *
 * @param protonEnergyGeV proton kinetic energy in GeV, finite and &gt; 0
 * @param powerMW beam power in MW, finite and &gt; 0
 * @param repetitionHz pulse repetition rate in Hz, finite and &gt; 0
 * @param pulseShape proton pulse shape
 * @param pulseWidthNs FWHM for {@link PulseShape#GAUSSIAN} (config {@code pulse_fwhm_ns}), length for
 *     {@link PulseShape#FLAT} (config {@code pulse_length_ns}); finite and &gt; 0
 * @param nuPerFlavorPerProton neutrinos of each flavour (ν_μ, ν_e, ν̄_μ) per proton on target, in (0, 10] (the
 *     upper bound only guards against unit mistakes; measured values are 0.08–0.3)
 */
public record PionDarParameters(
    double protonEnergyGeV,
    double powerMW,
    double repetitionHz,
    PulseShape pulseShape,
    double pulseWidthNs,
    double nuPerFlavorPerProton) {

  /** Facility presets (config key {@code facility}). */
  public enum Facility {
    /**
     * SNS (ORNL): ~1 GeV, 1.4 MW design, 60 Hz, Gaussian pulse of 380 ns FWHM, 0.08 ν/flavour/proton (COHERENT
     * 2017; the CsI 2021 analysis uses 0.0848 at 0.984 GeV, the LAr release 0.09; Akimov et al., PRL 129 (2022) 081801; arXiv:2006.12659).
     */
    SNS,
    /** ESS (Lund): 2.0 GeV, 5 MW design, 14 Hz, flat 2.86 ms pulse, ≈ 0.3 ν/flavour/proton (Baxter et al. 2020). */
    ESS,
    /** No preset: every parameter must be given. */
    NONE;

    /** Pulse shape of the preset, empty for {@link #NONE}. */
    public java.util.Optional<PulseShape> presetPulseShape() {
      return this == NONE ? java.util.Optional.empty() : java.util.Optional.of(preset(this).pulseShape());
    }
  }

  public PionDarParameters {
    Checks.positive("protonEnergyGeV", protonEnergyGeV);
    Checks.positive("powerMW", powerMW);
    Checks.positive("repetitionHz", repetitionHz);
    Checks.notNull("pulseShape", pulseShape);
    Checks.positive(pulseShape == PulseShape.GAUSSIAN ? "pulseFwhmNs" : "pulseLengthNs", pulseWidthNs);
    Checks.positive("nuPerFlavorPerProton", nuPerFlavorPerProton);
    Checks.inClosedRange("nuPerFlavorPerProton", nuPerFlavorPerProton, 0.0, 10.0);
  }

  /** SNS preset (see {@link Facility#SNS}). */
  public static PionDarParameters sns() {
    return new PionDarParameters(1.0, 1.4, 60.0, PulseShape.GAUSSIAN, 380.0, 0.08);
  }

  /** ESS preset (see {@link Facility#ESS}). */
  public static PionDarParameters ess() {
    return new PionDarParameters(2.0, 5.0, 14.0, PulseShape.FLAT, 2.86 * Units.NS_PER_MS, 0.3);
  }

  /** Preset of {@code facility}; {@link Facility#NONE} has none and throws. */
  public static PionDarParameters preset(Facility facility) {
    Checks.notNull("facility", facility);
    return switch (facility) {
      case SNS -> sns();
      case ESS -> ess();
      case NONE -> throw new IllegalArgumentException(
          "facility none has no preset: give proton_energy_gev, power_mw, repetition_hz, pulse_shape, the "
              + "pulse width and nu_per_flavor_per_proton");
    };
  }

  public PionDarParameters withProtonEnergyGeV(double v) {
    return new PionDarParameters(v, powerMW, repetitionHz, pulseShape, pulseWidthNs, nuPerFlavorPerProton);
  }

  public PionDarParameters withPowerMW(double v) {
    return new PionDarParameters(protonEnergyGeV, v, repetitionHz, pulseShape, pulseWidthNs, nuPerFlavorPerProton);
  }

  public PionDarParameters withRepetitionHz(double v) {
    return new PionDarParameters(protonEnergyGeV, powerMW, v, pulseShape, pulseWidthNs, nuPerFlavorPerProton);
  }

  /** Gaussian pulse of FWHM {@code fwhmNs}. */
  public PionDarParameters withGaussianPulse(double fwhmNs) {
    return new PionDarParameters(
        protonEnergyGeV, powerMW, repetitionHz, PulseShape.GAUSSIAN, fwhmNs, nuPerFlavorPerProton);
  }

  /** Flat pulse of length {@code lengthNs}. */
  public PionDarParameters withFlatPulse(double lengthNs) {
    return new PionDarParameters(
        protonEnergyGeV, powerMW, repetitionHz, PulseShape.FLAT, lengthNs, nuPerFlavorPerProton);
  }

  public PionDarParameters withNuPerFlavorPerProton(double v) {
    return new PionDarParameters(protonEnergyGeV, powerMW, repetitionHz, pulseShape, pulseWidthNs, v);
  }

  /** Protons on target per second at full power: P / E_p. */
  public double protonsPerSecond() {
    return powerMW * Units.W_PER_MW / PionDarSource.joulesPerProton(protonEnergyGeV);
  }

  /** Protons per pulse: P / (E_p f). */
  public double protonsPerPulse() {
    return protonsPerSecond() / repetitionHz;
  }

  /** Flux of one flavour in ν/cm²/s at {@code distanceM} at full power: r (P/E_p) / (4π L²). */
  public double fluxPerFlavorPerCm2PerS(double distanceM) {
    double l = Checks.positive("distanceM", distanceM) * Units.CM_PER_M;
    return nuPerFlavorPerProton * protonsPerSecond() / (4.0 * Math.PI * l * l);
  }
}
