package org.cevns.generator.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import org.cevns.generator.model.RatesJson;
import org.cevns.events.run.Shard;

/**
 * Key-value metadata that makes an event file self-describing: how it was made (version, resolved
 * configuration, seed) and how to normalise it (exposure, expected counts, number of events, weighting).
 */
public final class RunMetadata {
  private RunMetadata() {}

  /** Metadata of a truth run. */
  public static Map<String, String> of(ExperimentModel model, long seed, EventCount count, boolean weighted) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TruthMetadata.VERSION, CevnsVersion.get());
    m.put(TruthMetadata.CONFIG, model.config().resolvedYaml());
    m.put(TruthMetadata.SEED, Long.toString(seed));
    org.cevns.generator.Provenance provenance = org.cevns.generator.Provenance.of(model.config(), seed);
    m.put("cevns.git_commit", provenance.commit());
    m.put("cevns.config_sha256", provenance.configSha256());
    m.put(TruthMetadata.EXPECTED_EVENTS, RateReport.toJsonText(model, RateReport.of(model)));
    m.put(TruthMetadata.EXPOSURE, exposureJson(model));
    m.put("cevns.event_count_mode", count.mode().name().toLowerCase(java.util.Locale.ROOT));
    m.put("cevns.expected_total_events", Double.toString(count.expected()));
    m.put("cevns.weighted", Boolean.toString(weighted));
    boolean toy = count.mode() == EventCount.Mode.POISSON && !weighted;
    m.put(TruthMetadata.WEIGHT_NORMALISATION, toy ? TruthMetadata.NORMALISATION_UNIT
        : TruthMetadata.NORMALISATION_EXPECTED);
    if (!weighted) {
      double perEvent = toy || count.events() == 0 ? 1.0 : count.expected() / count.events();
      m.put(TruthMetadata.WEIGHT_PER_EVENT, Double.toString(perEvent));
    }
    return m;
  }

  /**
   * Adds the shard entries ({@link TruthMetadata#SHARD}, {@link TruthMetadata#RUN_EVENTS}) to the metadata of
   * a run; nothing for the whole run, so an unsharded file is unchanged.
   *
   * @return {@code metadata}
   */
  public static Map<String, String> putShard(Map<String, String> metadata, Shard shard, long runEvents) {
    if (!shard.isWhole()) {
      metadata.put(TruthMetadata.SHARD, shard.toString());
      metadata.put(TruthMetadata.RUN_EVENTS, Long.toString(runEvents));
    }
    return metadata;
  }

  /** Per detector: name, mass and exposures, from the rate report. */
  private record DetectorExposure(
      @com.fasterxml.jackson.annotation.JsonProperty("detector") String detector,
      @com.fasterxml.jackson.annotation.JsonProperty("mass_kg") double massKg,
      @com.fasterxml.jackson.annotation.JsonProperty("exposures") java.util.List<RatesJson.Exposure> exposures) {}

  private static String exposureJson(ExperimentModel model) {
    var out = RateReport.toJson(model, RateReport.of(model)).detectors().stream()
        .map(d -> new DetectorExposure(d.name(), d.massKg(), d.exposures())).toList();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
