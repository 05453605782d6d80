package org.cevns.analysis.events;

import java.util.List;
import org.cevns.events.io.DetectorMetadata;
import org.cevns.events.io.SimColumns;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthMetadata;

/**
 * Column names of detector-level event files (written by {@code cevns simulate} and {@code cevns detsim}:
 * the truth columns of {@code docs/design.md} plus the detsim columns, {@link SimColumns}) that the analysis
 * reads, and the metadata keys it uses for normalisation and projection.
 */
public final class EventColumns {
  public static final String DETECTOR = TruthColumns.DETECTOR;
  public static final String PERIOD = TruthColumns.PERIOD;
  public static final String TIME_NS = TruthColumns.TIME_NS;
  public static final String WEIGHT = TruthColumns.WEIGHT;
  /** Observed energy after the detector response, keVee (double). */
  public static final String OBSERVED_KEVEE = SimColumns.OBSERVED_KEVEE;
  /** Photoelectrons (int32, null for detectors that do not count light). */
  public static final String NPE = SimColumns.NPE;
  /** Passed threshold and efficiency (boolean). */
  public static final String DETECTED = SimColumns.DETECTED;
  /** {@code coincidence}, {@code anticoincidence} or {@code none} (string). */
  public static final String WINDOW = SimColumns.WINDOW;
  /** {@code signal} or the background component's name (string). */
  public static final String COMPONENT = SimColumns.COMPONENT;

  /** Columns every analysed file must have. */
  public static final List<String> REQUIRED = List.of(DETECTOR, PERIOD, WINDOW, OBSERVED_KEVEE, TIME_NS);

  /** Window names. */
  public static final String COINCIDENCE = "coincidence";
  public static final String ANTICOINCIDENCE = "anticoincidence";
  public static final String NO_WINDOW = "none";
  /** Component name of signal events. */
  public static final String SIGNAL = "signal";
  /** Process column (null on background rows). */
  public static final String PROCESS = TruthColumns.PROCESS;
  /** Process value of neutrino-electron scattering. */
  public static final String EVES = "eves";
  /**
   * Component name the analysis gives to signal rows of process {@code eves}: neutrino-electron scattering is
   * not scaled by μ (the CEvNS signal strength) but treated as a separate, Standard-Model-normalised component.
   */
  public static final String EVES_COMPONENT = "eves";
  /** Component name used for files without a {@code component} column (measured data). */
  public static final String ALL_COMPONENTS = "all";

  /** Metadata: exposure JSON (per detector: mass and per source/period live seconds, exposure). */
  public static final String META_EXPOSURE = TruthMetadata.EXPOSURE;
  /** Metadata: beam windows JSON or {@code null}. */
  public static final String META_WINDOWS = DetectorMetadata.WINDOWS;
  /** Metadata: {@code true} when only detected events were kept. */
  public static final String META_DROP_UNDETECTED = DetectorMetadata.DROP_UNDETECTED;
  /** Metadata: {@code true} for weighted events. */
  public static final String META_WEIGHTED = TruthMetadata.WEIGHTED;
  /** Metadata: the run seed. */
  public static final String META_SEED = TruthMetadata.SEED;
  /** Metadata: the resolved configuration. */
  public static final String META_CONFIG = TruthMetadata.CONFIG;
  /**
   * Metadata of imported (measured) files: JSON list of their inputs, each with its {@code window}
   * ({@code coincidence}, {@code anticoincidence}, {@code none}); files of one exposure with disjoint windows
   * are parts of one measurement (EventFileHistogrammer counts their exposure once).
   */
  public static final String META_IMPORT_INPUTS = "cevns.import.inputs";

  private EventColumns() {}
}
