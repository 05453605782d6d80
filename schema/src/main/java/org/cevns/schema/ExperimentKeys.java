package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The top level of a configuration as bound ({@link ConfigBinding}): its keys, the name and the seed. The sections
 * stay trees here; {@link ConfigLoader} binds them one after the other (physics, generator, each source by its
 * {@code type}, each detector), so errors come in the order of this record's keys, and keeps {@code windows} and
 * {@code analysis} for their stages.
 */
record ExperimentKeys(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty("seed") Optional<Long> seed,
    @JsonProperty("physics") Optional<JsonNode> physics,
    @JsonProperty("generator") Optional<JsonNode> generator,
    @JsonProperty(value = "sources", required = true) List<JsonNode> sources,
    @JsonProperty(value = "detectors", required = true) List<JsonNode> detectors,
    @JsonProperty("windows") Optional<JsonNode> windows,
    @JsonProperty("analysis") Optional<JsonNode> analysis) {}
