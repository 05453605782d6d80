package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.Flavor;

/**
 * A {@code monoenergetic} source: one neutrino line. Exactly one of {@code flux_per_cm2_s} (a flux at every
 * detector, no position) or {@code rate_per_s} (neutrinos per second from a point source).
 *
 * @param name unique source name
 * @param energyMeV neutrino energy (MeV), > 0
 * @param flavor neutrino flavour ({@code nue}, {@code numubar}, ...)
 * @param parent {@code parent} column label, matching {@code [A-Za-z0-9_.-]+}; YAML default
 *     {@value #DEFAULT_PARENT}
 * @param fluxPerCm2S flux at the detectors (cm⁻² s⁻¹), > 0
 * @param ratePerS emission rate (s⁻¹), > 0; makes it a point source
 * @param exposure default exposure (live time) for every detector
 */
public record MonoenergeticConfig(
    String name,
    double energyMeV,
    Flavor flavor,
    String parent,
    OptionalDouble fluxPerCm2S,
    OptionalDouble ratePerS,
    LiveTimeExposure exposure) implements SourceConfig {

  /** Binds a {@code sources[i]} map of type {@code monoenergetic} ({@link ConfigBinding}). */
  @JsonCreator
  static MonoenergeticConfig bind(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") SourceType type,
      @JsonProperty(value = "energy_mev", required = true) double energyMeV,
      @JsonProperty(value = "flavor", required = true) Flavor flavor,
      @JsonProperty("parent") Optional<String> parent,
      @JsonProperty("flux_per_cm2_s") OptionalDouble fluxPerCm2S,
      @JsonProperty("rate_per_s") OptionalDouble ratePerS,
      @JsonProperty(value = "exposure", required = true) LiveTimeExposure exposure) {
    return new MonoenergeticConfig(name, energyMeV, flavor, parent.orElse(DEFAULT_PARENT), fluxPerCm2S, ratePerS,
        exposure);
  }

  /** Default {@code parent}. */
  public static final String DEFAULT_PARENT = "mono";

  public MonoenergeticConfig {
    Checks.name("name", name);
    DoubleRange.openClosed(0, org.cevns.physics.source.SpectrumCsv.MAX_ENERGY_MEV).check("energy_mev", energyMeV);
    Checks.present("flavor", flavor);
    Checks.name("parent", parent);
    fluxPerCm2S = Checks.optional("flux_per_cm2_s", fluxPerCm2S, PhysicalRanges.FLUX_PER_CM2_S);
    ratePerS = Checks.optional("rate_per_s", ratePerS, PhysicalRanges.RATE_PER_S);
    Checks.exactlyOne(List.of("flux_per_cm2_s", "rate_per_s"), fluxPerCm2S.isPresent(), ratePerS.isPresent());
    Checks.present("exposure", exposure);
  }

  @Override
  public SourceType type() {
    return SourceType.MONOENERGETIC;
  }

  /** True when given as {@code rate_per_s}. */
  @Override
  public boolean pointSource() {
    return ratePerS.isPresent();
  }
}
