package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.source.SolarBranch;

/**
 * A {@code solar} source: the solar branches below ⁸B (pp, pep, ⁷Be, ¹³N, ¹⁵O, ¹⁷F; {@link SolarBranch}), for
 * electron-recoil (EvES) backgrounds. Not a point source.
 *
 * @param name unique source name
 * @param branches the branches, no repeats, in the order given; YAML default all six
 * @param fluxesPerCm2S flux at Earth (cm⁻² s⁻¹) per branch given in {@code fluxes_per_cm2_s}, each &gt; 0 and of a
 *     listed branch; a branch not given has its B16-GS98 flux
 * @param exposure default exposure (live time) for every detector
 * @param oscillations split each branch into ν_e and ν_μ,τ with the MSW–LMA P_ee(E) (PDG 2022); default true
 */
public record SolarConfig(String name, List<SolarBranch> branches, Map<SolarBranch, Double> fluxesPerCm2S,
    LiveTimeExposure exposure, boolean oscillations) implements SourceConfig {

  /** Binds a {@code sources[i]} map of type {@code solar} ({@link ConfigBinding}). */
  @JsonCreator
  static SolarConfig bind(@JsonProperty(value = "name", required = true) String name,
      @JsonProperty("type") SourceType type,
      @JsonProperty("branches") Optional<List<SolarBranch>> branches,
      @JsonProperty("fluxes_per_cm2_s") Optional<SolarFluxes> fluxes,
      @JsonProperty("oscillations") Optional<Boolean> oscillations,
      @JsonProperty(value = "exposure", required = true) LiveTimeExposure exposure) {
    return new SolarConfig(name, branches.orElse(List.of(SolarBranch.values())),
        fluxes.map(SolarFluxes::asMap).orElse(Map.of()), exposure, oscillations.orElse(true));
  }

  public SolarConfig {
    Checks.name("name", name);
    Checks.present("branches", branches);
    if (branches.isEmpty()) {
      throw new ConfigException("branches", "must list at least one of pp, pep, be7, n13, o15, f17");
    }
    if (branches.stream().distinct().count() != branches.size()) {
      throw new ConfigException("branches", "must not repeat a branch, got " + branches.stream()
          .map(ConfigNode::spelling).toList());
    }
    branches = List.copyOf(branches);
    EnumMap<SolarBranch, Double> f = new EnumMap<>(SolarBranch.class);
    for (Map.Entry<SolarBranch, Double> e : fluxesPerCm2S.entrySet()) {
      String key = "fluxes_per_cm2_s." + ConfigNode.spelling(e.getKey());
      if (!branches.contains(e.getKey())) {
        throw new ConfigException(key, "is not one of the listed branches " + branches.stream()
            .map(ConfigNode::spelling).toList());
      }
      PhysicalRanges.FLUX_PER_CM2_S.check(key, e.getValue());
      f.put(e.getKey(), e.getValue());
    }
    fluxesPerCm2S = java.util.Collections.unmodifiableMap(f);
    Checks.present("exposure", exposure);
  }

  /** Branch → flux at Earth (cm⁻² s⁻¹) of every listed branch, B16-GS98 where not configured, in branch order. */
  public Map<SolarBranch, Double> resolvedFluxesPerCm2S() {
    Map<SolarBranch, Double> m = new java.util.LinkedHashMap<>();
    for (SolarBranch b : branches) {
      m.put(b, fluxesPerCm2S.getOrDefault(b, b.b16Gs98FluxPerCm2S()));
    }
    return m;
  }

  @Override
  public SourceType type() {
    return SourceType.SOLAR;
  }

  /** Always false: the flux does not depend on the detector position. */
  @Override
  public boolean pointSource() {
    return false;
  }

  /** The {@code fluxes_per_cm2_s} map: an optional flux (cm⁻² s⁻¹) per branch. */
  record SolarFluxes(OptionalDouble pp, OptionalDouble pep, OptionalDouble be7, OptionalDouble n13,
      OptionalDouble o15, OptionalDouble f17) {
    @JsonCreator
    static SolarFluxes bind(@JsonProperty("pp") OptionalDouble pp, @JsonProperty("pep") OptionalDouble pep,
        @JsonProperty("be7") OptionalDouble be7, @JsonProperty("n13") OptionalDouble n13,
        @JsonProperty("o15") OptionalDouble o15, @JsonProperty("f17") OptionalDouble f17) {
      return new SolarFluxes(pp, pep, be7, n13, o15, f17);
    }

    Map<SolarBranch, Double> asMap() {
      EnumMap<SolarBranch, Double> m = new EnumMap<>(SolarBranch.class);
      pp.ifPresent(v -> m.put(SolarBranch.PP, v));
      pep.ifPresent(v -> m.put(SolarBranch.PEP, v));
      be7.ifPresent(v -> m.put(SolarBranch.BE7, v));
      n13.ifPresent(v -> m.put(SolarBranch.N13, v));
      o15.ifPresent(v -> m.put(SolarBranch.O15, v));
      f17.ifPresent(v -> m.put(SolarBranch.F17, v));
      return m;
    }
  }
}
