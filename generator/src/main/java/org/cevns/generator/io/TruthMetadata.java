package org.cevns.generator.io;

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

  private TruthMetadata() {}
}
