package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code detectors[i]} map as bound ({@link ConfigBinding}). The values of {@code exposure} depend on the type of
 * the source they name and {@code response} and {@code backgrounds} belong to detsim, so those stay trees here;
 * {@link ConfigLoader} binds the exposures and keeps the stage sections.
 */
record DetectorKeys(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "target", required = true) TargetKeys target,
    @JsonProperty(value = "mass_kg", required = true) double massKg,
    @JsonProperty("distance_m") OptionalDouble distanceM,
    @JsonProperty("distances_m") Optional<Map<String, Double>> distancesM,
    @JsonProperty("threshold_kevnr") OptionalDouble thresholdKeVnr,
    @JsonProperty("roi_max_kevnr") OptionalDouble roiMaxKeVnr,
    @JsonProperty("exposure") Optional<Map<String, JsonNode>> exposure,
    @JsonProperty("response") Optional<JsonNode> response,
    @JsonProperty("backgrounds") Optional<JsonNode> backgrounds,
    @JsonProperty("geometry") Optional<GeometryConfig> geometry) {

  /** The detector with its bound exposures and the stage sections (errors relative to the detector). */
  DetectorConfig config(Map<String, ExposureConfig> exposures, Optional<StageSection> responseSection,
      Optional<StageSection> backgroundsSection) {
    return new DetectorConfig(name, target.target(), massKg, distanceM, distancesM.orElse(Map.of()),
        thresholdKeVnr.orElse(0), roiMaxKeVnr.orElse(Double.POSITIVE_INFINITY), exposures, responseSection,
        backgroundsSection, geometry.orElse(GeometryConfig.DEFAULT));
  }
}
