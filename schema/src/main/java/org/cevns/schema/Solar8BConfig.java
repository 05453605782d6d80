package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@code solar-8b} source: ⁸B solar ν_e (Winter et al. 2006 shape). Not a point source.
 *
 * @param name unique source name
 * @param totalFluxPerCm2S total ⁸B flux at Earth (cm⁻² s⁻¹), > 0; empty: the source default (5.46e6, B16-GS98)
 * @param exposure default exposure (live time) for every detector
 * @param oscillations split the flux into ν_e and ν_μ,τ with the MSW–LMA survival probability (PDG 2022
 *     parameters); default true. False: every neutrino is ν_e.
 */
public record Solar8BConfig(String name, OptionalDouble totalFluxPerCm2S, LiveTimeExposure exposure,
    boolean oscillations) implements SourceConfig {
  /** Binds a {@code sources[i]} map of type {@code solar-8b} ({@link ConfigBinding}). */
  @JsonCreator
  static Solar8BConfig bind(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") SourceType type,
      @JsonProperty("total_flux_per_cm2_s") OptionalDouble totalFluxPerCm2S,
      @JsonProperty("oscillations") Optional<Boolean> oscillations,
      @JsonProperty(value = "exposure", required = true) LiveTimeExposure exposure) {
    return new Solar8BConfig(name, totalFluxPerCm2S, exposure, oscillations.orElse(true));
  }

  /** A source with oscillations (the default). */
  public Solar8BConfig(String name, OptionalDouble totalFluxPerCm2S, LiveTimeExposure exposure) {
    this(name, totalFluxPerCm2S, exposure, true);
  }

  public Solar8BConfig {
    Checks.name("name", name);
    totalFluxPerCm2S = Checks.optional("total_flux_per_cm2_s", totalFluxPerCm2S, PhysicalRanges.FLUX_PER_CM2_S);
    Checks.present("exposure", exposure);
  }

  @Override
  public SourceType type() {
    return SourceType.SOLAR_8B;
  }

  /** Always false: the flux does not depend on the detector position. */
  @Override
  public boolean pointSource() {
    return false;
  }
}
