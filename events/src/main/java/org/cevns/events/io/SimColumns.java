package org.cevns.events.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cevns.events.block.WindowKind;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.block.SimBlock;

/**
 * Columns of detector-level event files: every truth column ({@link TruthColumns}, same names and order),
 * then the detsim columns below. Truth columns that have no value for background events ({@code process},
 * {@code flavor}, {@code parent}, {@code enu_mev}, {@code target_z}, {@code target_a}) are OPTIONAL and null
 * on background rows; the others stay REQUIRED.
 */
public final class SimColumns {
  /** Parquet message (schema) name of detector-level files. */
  public static final String MESSAGE_NAME = "cevns_events";

  /** Visible energy before smearing, keVee (double). */
  public static final String QUENCHED_KEVEE = "quenched_kevee";
  /** Observed energy after the energy response, keVee (double). */
  public static final String OBSERVED_KEVEE = "observed_kevee";
  /** Photoelectrons (int32), null for detectors that do not count light. */
  public static final String NPE = "npe";
  /** Passed threshold, trigger and efficiency (boolean). */
  public static final String DETECTED = "detected";
  /** {@code coincidence}, {@code anticoincidence} or {@code none} (string). */
  public static final String WINDOW = "window";
  /** {@code signal} or the background's name (string). */
  public static final String COMPONENT = "component";

  /** The detsim column names, in file order after the truth columns. */
  public static final List<String> NAMES = List.of(QUENCHED_KEVEE, OBSERVED_KEVEE, NPE, DETECTED, WINDOW,
      COMPONENT);

  /** Truth columns that are null on background rows. */
  public static final List<String> NULL_FOR_BACKGROUNDS = List.of(TruthColumns.PROCESS, TruthColumns.FLAVOR,
      TruthColumns.PARENT, TruthColumns.ENU_MEV, TruthColumns.TARGET_Z, TruthColumns.TARGET_A);

  private SimColumns() {}

  /**
   * The columns, for blocks whose codes index {@code dictionary} and {@code componentNames}.
   *
   * @param componentNames {@code signal}, then background names (codes of {@link SimBlock#component})
   */
  public static List<BlockColumn<SimBlock>> of(EventDictionary dictionary, List<String> componentNames) {
    Objects.requireNonNull(componentNames, "componentNames");
    List<BlockColumn<SimBlock>> out = new ArrayList<>();
    for (BlockColumn<org.cevns.events.block.EventBlock> c : TruthColumns.of(dictionary)) {
      BlockColumn<SimBlock> adapted = c.adapt(b -> b.truth);
      if (NULL_FOR_BACKGROUNDS.contains(c.name())) {
        adapted = adapted.nullWhen((b, i) -> b.component[i] != SimBlock.SIGNAL);
      }
      out.add(adapted);
    }
    List<String> windows = new ArrayList<>();
    for (WindowKind k : WindowKind.values()) {
      windows.add(k.columnName());
    }
    out.add(BlockColumn.float64(QUENCHED_KEVEE, (b, i) -> b.quenchedKeVee[i]));
    out.add(BlockColumn.float64(OBSERVED_KEVEE, (b, i) -> b.observedKeVee[i]));
    out.add(BlockColumn.<SimBlock>int32(NPE, (b, i) -> b.npe[i]).nullWhen((b, i) -> b.npe[i] == SimBlock.NO_NPE));
    out.add(BlockColumn.bool(DETECTED, (b, i) -> b.detected[i]));
    out.add(BlockColumn.string(WINDOW, windows, (b, i) -> b.window[i]));
    out.add(BlockColumn.string(COMPONENT, componentNames, (b, i) -> b.component[i]));
    return List.copyOf(out);
  }
}
