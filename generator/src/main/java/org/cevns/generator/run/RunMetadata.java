package org.cevns.generator.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
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
 * whose components are the {@link TruthMetadata} keys (named by its Jackson annotations), written into the file's
 * key-value map in declaration order ({@link #toMap()}); the JSON values ({@code cevns.expected_events}, {@code cevns.exposure}) are
 * the {@link RatesJson} records, written as Jackson's mapper writes them but with its streaming generator only
 * ({@link MetadataJson}).
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
@JsonPropertyOrder({TruthMetadata.VERSION, TruthMetadata.CONFIG, TruthMetadata.SEED, TruthMetadata.GIT_COMMIT,
    TruthMetadata.CONFIG_SHA256, TruthMetadata.EXPECTED_EVENTS, TruthMetadata.EXPOSURE, TruthMetadata.EVENT_COUNT_MODE,
    "cevns.expected_total_events", TruthMetadata.WEIGHTED, TruthMetadata.WEIGHT_NORMALISATION,
    TruthMetadata.WEIGHT_PER_EVENT, TruthMetadata.FLUX_AVERAGED_XS_CM2, TruthMetadata.EXPOSURE_POT,
    TruthMetadata.EXPOSURE_LIVE_S})
public record RunMetadata(
    @JsonProperty(TruthMetadata.VERSION) String version,
    @JsonProperty(TruthMetadata.CONFIG) String config,
    @JsonProperty(TruthMetadata.SEED) long seed,
    @JsonProperty(TruthMetadata.GIT_COMMIT) String gitCommit,
    @JsonProperty(TruthMetadata.CONFIG_SHA256) String configSha256,
    @JsonProperty(TruthMetadata.EXPECTED_EVENTS) String expectedEvents,
    @JsonProperty(TruthMetadata.EXPOSURE) String exposure,
    @JsonProperty(TruthMetadata.EVENT_COUNT_MODE) String eventCountMode,
    @JsonProperty("cevns.expected_total_events") double expectedTotalEvents,
    @JsonProperty(TruthMetadata.WEIGHTED) boolean weighted,
    @JsonProperty(TruthMetadata.WEIGHT_NORMALISATION) String weightNormalisation,
    @JsonProperty(TruthMetadata.WEIGHT_PER_EVENT) Double weightPerEvent,
    @JsonProperty(TruthMetadata.FLUX_AVERAGED_XS_CM2) double fluxAveragedXsCm2,
    @JsonProperty(TruthMetadata.EXPOSURE_POT) Double exposurePot,
    @JsonProperty(TruthMetadata.EXPOSURE_LIVE_S) Double exposureLiveS) {
  /**
   * Metadata of a truth run. The resolved configuration is written once (for {@link TruthMetadata#CONFIG} and its
   * hash) and the rate report computed once (for {@link TruthMetadata#EXPECTED_EVENTS} and
   * {@link TruthMetadata#EXPOSURE}).
   */
  public static RunMetadata of(ExperimentModel model, long seed, EventCount count, boolean weighted) {
    String yaml = model.config().resolvedYaml();
    boolean toy = count.mode() == EventCount.Mode.POISSON && !weighted;
    FluxAveragedRun run = FluxAveragedRun.of(model);
    RatesJson report = RateReport.toJson(model, RateReport.of(model));
    return new RunMetadata(CevnsVersion.get(), yaml, seed, CevnsVersion.commit(), Provenance.sha256(yaml),
        MetadataJson.report(report), MetadataJson.exposures(report.detectors()),
        count.mode().metadataValue(), count.expected(), weighted,
        toy ? TruthMetadata.NORMALISATION_UNIT : TruthMetadata.NORMALISATION_EXPECTED, weightPerEvent(count, weighted),
        run.fluxAveragedXsCm2(), orNull(run.protonsOnTarget()), orNull(run.liveSeconds()));
  }

  /**
   * {@link TruthMetadata#WEIGHT_PER_EVENT} of a run: null for a weighted run, 1 for a toy (Poisson count, unweighted)
   * or an empty run, else the expected count per event.
   */
  private static Double weightPerEvent(EventCount count, boolean weighted) {
    boolean toy = count.mode() == EventCount.Mode.POISSON && !weighted;
    return weighted ? null : toy || count.events() == 0 ? 1.0 : count.expected() / count.events();
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /**
   * The file's key-value map (a new, mutable map in the record's key order, null components left out; numbers and
   * booleans as {@link Long#toString}, {@link Double#toString}, {@link Boolean#toString} write them). Written out
   * rather than through Jackson's {@code convertValue} (the same text: RunMetadataTest), which built a serializer and
   * a map deserializer in every run.
   */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, TruthMetadata.VERSION, version);
    put(m, TruthMetadata.CONFIG, config);
    put(m, TruthMetadata.SEED, seed);
    put(m, TruthMetadata.GIT_COMMIT, gitCommit);
    put(m, TruthMetadata.CONFIG_SHA256, configSha256);
    put(m, TruthMetadata.EXPECTED_EVENTS, expectedEvents);
    put(m, TruthMetadata.EXPOSURE, exposure);
    put(m, TruthMetadata.EVENT_COUNT_MODE, eventCountMode);
    put(m, "cevns.expected_total_events", expectedTotalEvents);
    put(m, TruthMetadata.WEIGHTED, weighted);
    put(m, TruthMetadata.WEIGHT_NORMALISATION, weightNormalisation);
    put(m, TruthMetadata.WEIGHT_PER_EVENT, weightPerEvent);
    put(m, TruthMetadata.FLUX_AVERAGED_XS_CM2, fluxAveragedXsCm2);
    put(m, TruthMetadata.EXPOSURE_POT, exposurePot);
    put(m, TruthMetadata.EXPOSURE_LIVE_S, exposureLiveS);
    return m;
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, String.valueOf(value));
    }
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
}
