package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.source.PionDarParameters.Facility;
import org.cevns.physics.source.PulseShape;

/**
 * A {@code pion-dar} source (pion decay at rest at a pulsed spallation source). Every key except
 * {@code facility} is optional for {@code sns} and {@code ess}: an empty value means "the facility preset"
 * (applied by the source factory). For {@code facility: none} all of {@code proton_energy_gev},
 * {@code power_mw}, {@code repetition_hz}, {@code pulse_shape}, its width and
 * {@code nu_per_flavor_per_proton} are required.
 *
 * <p>Pulse keys: {@code pulse_fwhm_ns} belongs to the {@code gaussian} shape and {@code pulse_length_ns} to
 * {@code flat}; the width of the other shape is rejected. Changing the shape away from the preset's requires
 * the new shape's width.
 *
 * @param name unique source name
 * @param facility preset: sns | ess | none
 * @param protonEnergyGeV proton kinetic energy (GeV), > 0
 * @param powerMW beam power (MW), > 0
 * @param repetitionHz pulse repetition rate (Hz), > 0
 * @param pulseShape proton pulse shape
 * @param pulseFwhmNs Gaussian pulse FWHM (ns), > 0
 * @param pulseLengthNs flat pulse length (ns), > 0
 * @param nuPerFlavorPerProton neutrinos of each flavour (ν_μ, ν_e, ν̄_μ) per proton on target, > 0
 * @param exposure default exposure for every detector
 */
public record PionDarConfig(
    String name,
    Facility facility,
    OptionalDouble protonEnergyGeV,
    OptionalDouble powerMW,
    OptionalDouble repetitionHz,
    Optional<PulseShape> pulseShape,
    OptionalDouble pulseFwhmNs,
    OptionalDouble pulseLengthNs,
    OptionalDouble nuPerFlavorPerProton,
    PionDarExposure exposure) implements SourceConfig {

  /** Binds a {@code sources[i]} map of type {@code pion-dar} ({@link ConfigBinding}). */
  @JsonCreator
  static PionDarConfig bind(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") SourceType type,
      @JsonProperty(value = "facility", required = true) Facility facility,
      @JsonProperty("proton_energy_gev") OptionalDouble protonEnergyGeV,
      @JsonProperty("power_mw") OptionalDouble powerMW,
      @JsonProperty("repetition_hz") OptionalDouble repetitionHz,
      @JsonProperty("pulse_shape") Optional<PulseShape> pulseShape,
      @JsonProperty("pulse_fwhm_ns") OptionalDouble pulseFwhmNs,
      @JsonProperty("pulse_length_ns") OptionalDouble pulseLengthNs,
      @JsonProperty("nu_per_flavor_per_proton") OptionalDouble nuPerFlavorPerProton,
      @JsonProperty(value = "exposure", required = true) PionDarExposure exposure) {
    return new PionDarConfig(name, facility, protonEnergyGeV, powerMW, repetitionHz, pulseShape, pulseFwhmNs,
        pulseLengthNs, nuPerFlavorPerProton, exposure);
  }

  public PionDarConfig {
    Checks.name("name", name);
    Checks.present("facility", facility);
    protonEnergyGeV = Checks.optional("proton_energy_gev", protonEnergyGeV, PhysicalRanges.PROTON_ENERGY_GEV);
    powerMW = Checks.optional("power_mw", powerMW, PhysicalRanges.BEAM_POWER_MW);
    repetitionHz = Checks.optional("repetition_hz", repetitionHz, PhysicalRanges.REPETITION_HZ);
    pulseShape = Checks.optional(pulseShape);
    pulseFwhmNs = Checks.optional("pulse_fwhm_ns", pulseFwhmNs, PhysicalRanges.PULSE_NS);
    pulseLengthNs = Checks.optional("pulse_length_ns", pulseLengthNs, PhysicalRanges.PULSE_NS);
    nuPerFlavorPerProton = Checks.optional("nu_per_flavor_per_proton", nuPerFlavorPerProton,
        PhysicalRanges.NU_PER_FLAVOR_PER_PROTON);
    Checks.present("exposure", exposure);
    if (facility == Facility.NONE) {
      String why = "required key is missing (facility none has no preset)";
      requireKey("proton_energy_gev", protonEnergyGeV, why);
      requireKey("power_mw", powerMW, why);
      requireKey("repetition_hz", repetitionHz, why);
      if (pulseShape.isEmpty()) {
        throw new ConfigException("pulse_shape", why);
      }
      requireKey("nu_per_flavor_per_proton", nuPerFlavorPerProton, why);
    }
    PulseShape shape = pulseShape.orElseGet(() -> facility.presetPulseShape().orElseThrow());
    boolean presetShape = pulseShape.isEmpty() || facility.presetPulseShape().equals(pulseShape);
    if (shape == PulseShape.GAUSSIAN) {
      forbid("pulse_length_ns", pulseLengthNs, "only allowed with pulse_shape flat");
      if (!presetShape) {
        requireKey("pulse_fwhm_ns", pulseFwhmNs, "required key is missing (pulse_shape gaussian is not the preset's shape)");
      }
    } else {
      forbid("pulse_fwhm_ns", pulseFwhmNs, "only allowed with pulse_shape gaussian");
      if (!presetShape) {
        requireKey("pulse_length_ns", pulseLengthNs, "required key is missing (pulse_shape flat is not the preset's shape)");
      }
    }
    checkPulseWithinPeriod(facility, shape, repetitionHz, shape == PulseShape.GAUSSIAN ? pulseFwhmNs : pulseLengthNs);
  }

  /** The pulse (FWHM or flat length) must be shorter than the repetition period, or pulses would overlap. */
  private static void checkPulseWithinPeriod(Facility facility, PulseShape shape, OptionalDouble repetitionHz,
      OptionalDouble widthNs) {
    var preset = facility == Facility.NONE ? null : org.cevns.physics.source.PionDarParameters.preset(facility);
    double hz = repetitionHz.isPresent() ? repetitionHz.getAsDouble() : preset.repetitionHz();
    double width = widthNs.isPresent() ? widthNs.getAsDouble() : preset.pulseWidthNs();
    double periodNs = org.cevns.physics.constants.Units.NS_PER_S / hz;
    if (width >= periodNs) {
      String key = widthNs.isPresent() ? (shape == PulseShape.GAUSSIAN ? "pulse_fwhm_ns" : "pulse_length_ns")
          : "repetition_hz";
      double value = widthNs.isPresent() ? width : hz;
      throw new ConfigException(key, "the pulse (" + ConfigException.render(width) + " ns) must be shorter than the"
          + " repetition period 1/repetition_hz = " + ConfigException.renderRounded(periodNs) + " ns",
          ConfigException.render(value));
    }
  }

  private static void requireKey(String key, OptionalDouble value, String why) {
    if (value.isEmpty()) {
      throw new ConfigException(key, why);
    }
  }

  private static void forbid(String key, OptionalDouble value, String why) {
    if (value.isPresent()) {
      throw new ConfigException(key, why, ConfigException.render(value.getAsDouble()));
    }
  }

  @Override
  public SourceType type() {
    return SourceType.PION_DAR;
  }

  /** Always true: the target is a point source. */
  @Override
  public boolean pointSource() {
    return true;
  }

  /** The pulse shape in effect: the given one or the facility preset's. */
  public PulseShape effectivePulseShape() {
    return pulseShape.orElseGet(() -> facility.presetPulseShape().orElseThrow());
  }
}
