package org.cevns.events.io;

/** Key-value metadata keys of event files ({@code docs/design.md}, "Truth events"). */
public final class TruthMetadata {
  /** cevns version that wrote the file. */
  public static final String VERSION = "cevns.version";
  /** The resolved YAML configuration. */
  public static final String CONFIG = "cevns.config";
  /** The run seed (decimal). */
  public static final String SEED = "cevns.seed";
  /** Git commit of the cevns build that wrote the file ({@code unknown} for a build outside git). */
  public static final String GIT_COMMIT = "cevns.git_commit";
  /** Lower-case hex SHA-256 of {@link #CONFIG} (UTF-8): two files with the same hash and seed had the same inputs. */
  public static final String CONFIG_SHA256 = "cevns.config_sha256";
  /** Expected events (JSON). */
  public static final String EXPECTED_EVENTS = "cevns.expected_events";
  /** Exposure (JSON). */
  public static final String EXPOSURE = "cevns.exposure";
  /** Number of events (rows) in the file, decimal; written by {@link TruthParquetSink} at close. */
  public static final String EVENTS = "cevns.events";
  /** {@code true} or {@code false}. */
  public static final String WEIGHTED = "cevns.weighted";
  /**
   * How the run's event count was drawn: {@code poisson} (one toy experiment), {@code fixed} ({@code --events N}) or
   * {@code mean} ({@code --mean}): the generator's {@code EventCount.Mode#metadataValue}.
   */
  public static final String EVENT_COUNT_MODE = "cevns.event_count_mode";
  /**
   * {@code I/N} in a shard of a run cut into N shards ({@code --shard}, MapReduce); absent in an unsharded file.
   * {@link #EVENTS} then counts the shard's events and {@link #RUN_EVENTS} those of the whole run.
   */
  public static final String SHARD = "cevns.shard";
  /** Number of events of the whole run, decimal; written with {@link #SHARD}. */
  public static final String RUN_EVENTS = "cevns.run_events";

  /**
   * How to read {@code weight}: {@code expected_count} (the weights of the run sum to its expected events: runs of
   * a fixed count, {@code --events N} or {@code --mean}, and weighted runs) or {@code unit} (every weight 1: one
   * Poisson toy experiment, whose rows are counted as data).
   */
  public static final String WEIGHT_NORMALISATION = "cevns.weight_normalisation";
  /** Weight of every row of an unweighted run: expected / events of the run ({@code 1} for toys). */
  public static final String WEIGHT_PER_EVENT = "cevns.weight_per_event";
  /** Value of {@link #WEIGHT_NORMALISATION} when weights sum to the expectation. */
  public static final String NORMALISATION_EXPECTED = "expected_count";
  /** Value of {@link #WEIGHT_NORMALISATION} for unit weights (toys). */
  public static final String NORMALISATION_UNIT = "unit";

  /**
   * {@code false} when the file was written without the event record ({@code cevns generate --no-event-record}:
   * no four-momentum, vertex, {@code pulse_index} and {@code time_s} columns, see
   * {@link TruthColumns#EVENT_RECORD}); absent or {@code true}: with it.
   */
  public static final String EVENT_RECORD = "cevns.event_record";

  /**
   * Flux-averaged total cross section of the run in cm² per target atom (decimal, {@link Double#toString}):
   * expected events of the run = σ̄ × Σ over (exposure, source component, detector) of the detector's target
   * atoms × the component's time-integrated fluence in cm⁻² (NuHepMC convention G.C.2; {@code cevns convert}
   * writes it in pb as {@code NuHepMC.FluxAveragedTotalCrossSection}). Written with the other run metadata
   * ({@code cevns generate}, {@code simulate}); files of earlier cevns versions lack it, and {@code cevns convert}
   * then rebuilds it from {@link #CONFIG}.
   */
  public static final String FLUX_AVERAGED_XS_CM2 = "cevns.flux_averaged_xs_cm2";
  /**
   * The run's exposure in protons on target (decimal), when every beam exposure of the run has this one value
   * (NuHepMC convention G.C.1, {@code NuHepMC.Exposure.POT}); absent when there is none or there are several.
   * Written with {@link #FLUX_AVERAGED_XS_CM2}.
   */
  public static final String EXPOSURE_POT = "cevns.exposure_pot";
  /**
   * The run's exposure in live seconds (decimal, s), when every exposure of the run in live time has this one
   * value (NuHepMC G.C.1, {@code NuHepMC.Exposure.Livetime}); absent when there is none or there are several.
   * Written with {@link #FLUX_AVERAGED_XS_CM2}.
   */
  public static final String EXPOSURE_LIVE_S = "cevns.exposure_live_s";

  private TruthMetadata() {}

  /**
   * The factor the writers apply to the generator's weights: {@link #WEIGHT_PER_EVENT} for unweighted runs,
   * 1 for weighted runs (their weights already sum to the expectation) and when the key is absent.
   */
  public static double weightScale(java.util.Map<String, String> metadata) {
    if ("true".equals(metadata.get(WEIGHTED))) {
      return 1.0;
    }
    String v = metadata.get(WEIGHT_PER_EVENT);
    return v == null ? 1.0 : Double.parseDouble(v);
  }

  /** False when {@link #EVENT_RECORD} is {@code false}: the file has no event-record columns. */
  public static boolean eventRecord(java.util.Map<String, String> metadata) {
    return !"false".equals(metadata.get(EVENT_RECORD));
  }
}
