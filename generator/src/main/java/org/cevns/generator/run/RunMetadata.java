package org.cevns.generator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.run.Shard;
import org.cevns.generator.Provenance;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import org.cevns.generator.model.RatesJson;

/**
 * The key-value metadata that makes an event file self-describing: how it was made (version, resolved
 * configuration, seed) and how to normalise it (exposure, expected counts, number of events, weighting). A record
 * whose components are the {@link TruthMetadata} keys, written by Jackson into the file's key-value map in
 * declaration order ({@link #toMap()}); the JSON values ({@code cevns.expected_events}, {@code cevns.exposure}) are
 * Jackson records too ({@link RatesJson}).
 *
 * @param version {@value TruthMetadata#VERSION}
 * @param config {@value TruthMetadata#CONFIG}: the resolved configuration (YAML)
 * @param seed {@value TruthMetadata#SEED}
 * @param gitCommit {@code cevns.git_commit}
 * @param configSha256 {@code cevns.config_sha256}
 * @param expectedEvents {@value TruthMetadata#EXPECTED_EVENTS}: the rate report (JSON)
 * @param exposure {@value TruthMetadata#EXPOSURE}: per detector, mass and exposures (JSON)
 * @param eventCountMode {@code cevns.event_count_mode}: poisson, fixed or mean
 * @param expectedTotalEvents {@code cevns.expected_total_events}
 * @param weighted {@value TruthMetadata#WEIGHTED}
 * @param weightNormalisation {@value TruthMetadata#WEIGHT_NORMALISATION}
 * @param weightPerEvent {@value TruthMetadata#WEIGHT_PER_EVENT}, unweighted runs only (null otherwise)
 * @param fluxAveragedXsCm2 {@value TruthMetadata#FLUX_AVERAGED_XS_CM2}: σ̄ per target atom in cm²
 *     ({@link FluxAveragedRun})
 * @param exposurePot {@value TruthMetadata#EXPOSURE_POT}: protons on target, null unless the run has one such value
 * @param exposureLiveS {@value TruthMetadata#EXPOSURE_LIVE_S}: live seconds, null unless the run has one such value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({TruthMetadata.VERSION, TruthMetadata.CONFIG, TruthMetadata.SEED, "cevns.git_commit",
    "cevns.config_sha256", TruthMetadata.EXPECTED_EVENTS, TruthMetadata.EXPOSURE, "cevns.event_count_mode",
    "cevns.expected_total_events", TruthMetadata.WEIGHTED, TruthMetadata.WEIGHT_NORMALISATION,
    TruthMetadata.WEIGHT_PER_EVENT, TruthMetadata.FLUX_AVERAGED_XS_CM2, TruthMetadata.EXPOSURE_POT,
    TruthMetadata.EXPOSURE_LIVE_S})
public record RunMetadata(
    @JsonProperty(TruthMetadata.VERSION) String version,
    @JsonProperty(TruthMetadata.CONFIG) String config,
    @JsonProperty(TruthMetadata.SEED) long seed,
    @JsonProperty("cevns.git_commit") String gitCommit,
    @JsonProperty("cevns.config_sha256") String configSha256,
    @JsonProperty(TruthMetadata.EXPECTED_EVENTS) String expectedEvents,
    @JsonProperty(TruthMetadata.EXPOSURE) String exposure,
    @JsonProperty("cevns.event_count_mode") String eventCountMode,
    @JsonProperty("cevns.expected_total_events") double expectedTotalEvents,
    @JsonProperty(TruthMetadata.WEIGHTED) boolean weighted,
    @JsonProperty(TruthMetadata.WEIGHT_NORMALISATION) String weightNormalisation,
    @JsonProperty(TruthMetadata.WEIGHT_PER_EVENT) Double weightPerEvent,
    @JsonProperty(TruthMetadata.FLUX_AVERAGED_XS_CM2) double fluxAveragedXsCm2,
    @JsonProperty(TruthMetadata.EXPOSURE_POT) Double exposurePot,
    @JsonProperty(TruthMetadata.EXPOSURE_LIVE_S) Double exposureLiveS) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Metadata of a truth run. */
  public static RunMetadata of(ExperimentModel model, long seed, EventCount count, boolean weighted) {
    Provenance provenance = Provenance.of(model.config(), seed);
    boolean toy = count.mode() == EventCount.Mode.POISSON && !weighted;
    Double perEvent = weighted ? null : toy || count.events() == 0 ? 1.0 : count.expected() / count.events();
    FluxAveragedRun run = FluxAveragedRun.of(model);
    return new RunMetadata(CevnsVersion.get(), model.config().resolvedYaml(), seed, provenance.commit(),
        provenance.configSha256(), RateReport.toJsonText(model, RateReport.of(model)), exposureJson(model),
        count.mode().name().toLowerCase(Locale.ROOT), count.expected(), weighted,
        toy ? TruthMetadata.NORMALISATION_UNIT : TruthMetadata.NORMALISATION_EXPECTED, perEvent,
        run.fluxAveragedXsCm2(), orNull(run.protonsOnTarget()), orNull(run.liveSeconds()));
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /**
   * The file's key-value map (a new, mutable map in the record's key order; numbers and booleans as
   * {@link Long#toString}, {@link Double#toString}, {@link Boolean#toString} write them).
   */
  public Map<String, String> toMap() {
    Map<String, Object> values = JSON.convertValue(this, new TypeReference<LinkedHashMap<String, Object>>() { });
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, String.valueOf(v)));
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
      @JsonProperty("detector") String detector,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("exposures") List<RatesJson.Exposure> exposures) {}

  private static String exposureJson(ExperimentModel model) {
    var out = RateReport.toJson(model, RateReport.of(model)).detectors().stream()
        .map(d -> new DetectorExposure(d.name(), d.massKg(), d.exposures())).toList();
    try {
      return JSON.writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
