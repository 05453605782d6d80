package org.cevns.analysis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.cevns.detsim.setup.ResponseBuilder;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.ResponseKeys;

/**
 * The ±1σ detector responses of {@code analysis.systematics.detectors.DETECTOR.response_variants}: each side is a
 * partial {@code response} section deep-merged over the detector's own (maps merged key by key, lists and values
 * replaced) and parsed like it, e.g. a released efficiency curve's ±1σ coefficients, or a quenching polynomial's.
 * The templates are re-folded through both (same events and seed) and interpolated linearly (histosys).
 */
public final class ResponseVariants {
  /** Configuration key of the list. */
  public static final String KEY = "response_variants";

  private ResponseVariants() {}

  /**
   * The response of variant {@code name} of {@code detector} at +1σ ({@code up}) or −1σ.
   *
   * @throws org.cevns.schema.ConfigException naming the key if the merged section is not a valid response
   * @throws IllegalArgumentException if the configuration has no such variant
   */
  public static DetectorResponse response(ExperimentConfig config, String detector, String name, boolean up) {
    JsonNode list = config.analysis().map(a -> a.node()).map(a -> a.path("systematics").path("detectors")
        .path(detector).path(KEY)).orElseThrow(() -> new IllegalArgumentException("no response variants"));
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(list.get(i).path("name").asText())) {
        String side = up ? "up" : "down";
        return parse(config, detector, list.get(i).get(side),
            "analysis.systematics.detectors." + detector + "." + KEY + "[" + i + "]." + side);
      }
    }
    throw new IllegalArgumentException("no response variant " + name + " of detector " + detector);
  }

  /** Parses one side ({@code variant}, a map at {@code path}) merged over the detector's response. */
  static DetectorResponse parse(ExperimentConfig config, String detector, JsonNode variant, String path) {
    DetectorConfig d = config.detector(detector).orElseThrow();
    if (d.response().isEmpty()) {
      throw ConfigNode.of(variant, path).problem("the detector has no response section to vary");
    }
    if (variant == null || !variant.isObject()) {
      throw ConfigNode.of(variant, path).error("must be a map of response keys (merged over detectors[]."
          + "response)");
    }
    JsonNode merged = merge(d.response().get().node(), variant);
    return ResponseBuilder.build(ResponseKeys.of(merged, path), path,
        org.cevns.generator.model.ExperimentModel.targetOf(d), config.baseDir());
  }

  private static JsonNode merge(JsonNode base, JsonNode over) {
    if (!(base instanceof ObjectNode b) || !over.isObject()) {
      return over.deepCopy();
    }
    ObjectNode out = b.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = out.get(e.getKey());
      out.set(e.getKey(), old == null ? e.getValue().deepCopy() : merge(old, e.getValue()));
    }
    return out;
  }
}
