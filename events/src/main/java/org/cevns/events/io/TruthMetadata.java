package org.cevns.events.io;

/** Key-value metadata keys of event files ({@code docs/design.md}, "Truth events"). */
public final class TruthMetadata {
  /** cevns version that wrote the file. */
  public static final String VERSION = "cevns.version";
  /** The resolved YAML configuration. */
  public static final String CONFIG = "cevns.config";
  /** The run seed (decimal). */
  public static final String SEED = "cevns.seed";
  /** Expected events (JSON). */
  public static final String EXPECTED_EVENTS = "cevns.expected_events";
  /** Exposure (JSON). */
  public static final String EXPOSURE = "cevns.exposure";
  /** Number of events (rows) in the file, decimal; written by {@link TruthParquetSink} at close. */
  public static final String EVENTS = "cevns.events";
  /** {@code true} or {@code false}. */
  public static final String WEIGHTED = "cevns.weighted";
  /**
   * {@code I/N} in a shard of a run cut into N shards ({@code --shard}, MapReduce); absent in an unsharded file.
   * {@link #EVENTS} then counts the shard's events and {@link #RUN_EVENTS} those of the whole run.
   */
  public static final String SHARD = "cevns.shard";
  /** Number of events of the whole run, decimal; written with {@link #SHARD}. */
  public static final String RUN_EVENTS = "cevns.run_events";

  private TruthMetadata() {}
}
