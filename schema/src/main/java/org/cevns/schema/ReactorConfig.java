package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.source.HighEnergyModel;
import org.cevns.physics.source.LowEnergyModel;
import org.cevns.physics.source.ReactorParameters;

/**
 * A {@code reactor} source (ν̄_e from fission), a point source at the core. Optional keys not given
 * stay empty and the source factory applies its defaults (typical fission fractions, Ma et al. 2013 energies
 * per fission, its low/high-energy models and maximum energy).
 *
 * @param name unique source name
 * @param thermalPowerMW thermal power (MW), > 0
 * @param fissionFractions fission fractions of U235, U238, Pu239, Pu241: each >= 0, summing to 1 within
 *     {@value #FRACTION_SUM_TOLERANCE}
 * @param energyPerFissionMeV energy released per fission (MeV), each in [150, 250]
 * @param lowEnergyModel spectrum model below 2 MeV
 * @param highEnergyModel spectrum model above 8 MeV
 * @param maxEnergyMeV upper end of the simulated spectrum (MeV), in [8, 20]
 * @param exposure default exposure (live days on/off) for every detector
 * @param neutronCapturesPerFission ²³⁸U(n,γ) captures per fission, in [0, 2]; empty: 0 (no ²³⁹U/²³⁹Np ν̄)
 */
public record ReactorConfig(
    String name,
    double thermalPowerMW,
    Optional<FissionValues> fissionFractions,
    Optional<FissionValues> energyPerFissionMeV,
    Optional<LowEnergyModel> lowEnergyModel,
    Optional<HighEnergyModel> highEnergyModel,
    OptionalDouble maxEnergyMeV,
    ReactorExposure exposure,
    OptionalDouble neutronCapturesPerFission) implements SourceConfig {

  /** Binds a {@code sources[i]} map of type {@code reactor} ({@link ConfigBinding}). */
  @JsonCreator
  static ReactorConfig bind(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") SourceType type,
      @JsonProperty(value = "thermal_power_mw", required = true) double thermalPowerMW,
      @JsonProperty("fission_fractions") Optional<FissionValues> fissionFractions,
      @JsonProperty("energy_per_fission_mev") Optional<FissionValues> energyPerFissionMeV,
      @JsonProperty("low_energy_model") Optional<LowEnergyModel> lowEnergyModel,
      @JsonProperty("high_energy_model") Optional<HighEnergyModel> highEnergyModel,
      @JsonProperty("max_energy_mev") OptionalDouble maxEnergyMeV,
      @JsonProperty("neutron_captures_per_fission") OptionalDouble neutronCapturesPerFission,
      @JsonProperty(value = "exposure", required = true) ReactorExposure exposure) {
    return new ReactorConfig(name, thermalPowerMW, fissionFractions, energyPerFissionMeV, lowEnergyModel,
        highEnergyModel, maxEnergyMeV, exposure, neutronCapturesPerFission);
  }

  /** A reactor without neutron-capture ν̄. */
  public ReactorConfig(String name, double thermalPowerMW, Optional<FissionValues> fissionFractions,
      Optional<FissionValues> energyPerFissionMeV, Optional<LowEnergyModel> lowEnergyModel,
      Optional<HighEnergyModel> highEnergyModel, OptionalDouble maxEnergyMeV, ReactorExposure exposure) {
    this(name, thermalPowerMW, fissionFractions, energyPerFissionMeV, lowEnergyModel, highEnergyModel,
        maxEnergyMeV, exposure, OptionalDouble.empty());
  }

  /** Allowed deviation of the sum of the fission fractions from 1. */
  public static final double FRACTION_SUM_TOLERANCE = 1e-6;
  /** Allowed energies per fission (MeV): a guard against other units; real values are 200-215 MeV. */
  public static final DoubleRange ENERGY_PER_FISSION_MEV = DoubleRange.closed(150, 250);

  public ReactorConfig {
    Checks.name("name", name);
    PhysicalRanges.THERMAL_POWER_MW.check("thermal_power_mw", thermalPowerMW);
    fissionFractions = Checks.optional(fissionFractions);
    fissionFractions.ifPresent(f -> {
      f.check("fission_fractions", DoubleRange.closed(0, 1));
      if (Math.abs(f.sum() - 1) > FRACTION_SUM_TOLERANCE) {
        throw new ConfigException("fission_fractions", "must sum to 1 (within 1e-6)", ConfigException.renderRounded(f.sum()));
      }
    });
    energyPerFissionMeV = Checks.optional(energyPerFissionMeV);
    energyPerFissionMeV.ifPresent(e -> e.check("energy_per_fission_mev", ENERGY_PER_FISSION_MEV));
    lowEnergyModel = Checks.optional(lowEnergyModel);
    highEnergyModel = Checks.optional(highEnergyModel);
    maxEnergyMeV = Checks.optional("max_energy_mev", maxEnergyMeV, DoubleRange.closed(
        ReactorParameters.MIN_MAX_ENERGY_MEV, ReactorParameters.MAX_MAX_ENERGY_MEV));
    Checks.present("exposure", exposure);
    neutronCapturesPerFission = Checks.optional("neutron_captures_per_fission", neutronCapturesPerFission,
        DoubleRange.closed(0, 2));
  }

  @Override
  public SourceType type() {
    return SourceType.REACTOR;
  }

  /** Always true: the core is a point source. */
  @Override
  public boolean pointSource() {
    return true;
  }
}
