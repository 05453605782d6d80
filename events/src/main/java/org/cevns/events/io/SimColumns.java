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
  public static final String WINDOW = "beam_window";
  /** {@code signal} or the background's name (string). */
  public static final String COMPONENT = "component";

  /** The detsim column names, in file order after the truth columns. */
  public static final List<String> NAMES = List.of(QUENCHED_KEVEE, OBSERVED_KEVEE, NPE, DETECTED, WINDOW,
      COMPONENT);

  /** Truth columns that are null on background rows. */
  public static final List<String> NULL_FOR_BACKGROUNDS = List.of(TruthColumns.PROCESS, TruthColumns.FLAVOR,
      TruthColumns.PARENT, TruthColumns.ENU_MEV, TruthColumns.TARGET_Z, TruthColumns.TARGET_A, TruthColumns.NU_PDG,
      TruthColumns.RECOIL_PDG, TruthColumns.NU_OUT_PX_MEV, TruthColumns.NU_OUT_PY_MEV, TruthColumns.NU_OUT_PZ_MEV,
      TruthColumns.NU_OUT_E_MEV, TruthColumns.RECOIL_PX_MEV, TruthColumns.RECOIL_PY_MEV, TruthColumns.RECOIL_PZ_MEV,
      TruthColumns.RECOIL_E_MEV);

  /** Units of every column ({@link TruthColumns#UNITS} plus the detsim columns). */
  public static final java.util.Map<String, String> UNITS = units();

  private static java.util.Map<String, String> units() {
    java.util.Map<String, String> u = new java.util.LinkedHashMap<>(TruthColumns.UNITS);
    u.put(TruthColumns.RECOIL_KEV, "keV, kinetic energy of the recoil recoil_pdg (keVnr for nuclei); null for"
        + " keVee backgrounds");
    u.put(QUENCHED_KEVEE, "keVee, visible energy before resolution");
    u.put(OBSERVED_KEVEE, "keVee, observed energy");
    u.put(NPE, "photoelectrons");
    u.put(WINDOW, "coincidence, anticoincidence or none");
    return java.util.Collections.unmodifiableMap(u);
  }

  private SimColumns() {}

  /**
   * The columns, for blocks whose codes index {@code dictionary} and {@code componentNames}.
   *
   * @param componentNames {@code signal}, then background names (codes of {@link SimBlock#component})
   */
  public static List<BlockColumn<SimBlock>> of(EventDictionary dictionary, List<String> componentNames) {
    return of(dictionary, componentNames, 1.0);
  }

  /**
   * As {@link #of(EventDictionary, List)}, with every weight multiplied by {@code weightScale} (see
   * {@link TruthColumns#of(EventDictionary, double)}).
   */
  public static List<BlockColumn<SimBlock>> of(EventDictionary dictionary, List<String> componentNames,
      double weightScale) {
    Objects.requireNonNull(componentNames, "componentNames");
    List<BlockColumn<SimBlock>> out = new ArrayList<>();
    for (BlockColumn<org.cevns.events.block.EventBlock> c : TruthColumns.of(dictionary, weightScale)) {
      BlockColumn<SimBlock> adapted = c.adapt(b -> b.truth);
      if (NULL_FOR_BACKGROUNDS.contains(c.name())) {
        adapted = adapted.nullWhen((b, i) -> b.component[i] != SimBlock.SIGNAL);
      } else if (TruthColumns.RECOIL_KEV.equals(c.name())) {
        // keVee-scale backgrounds have no recoil energy (their energy is in quenched_kevee)
        adapted = adapted.nullWhen((b, i) -> Double.isNaN(b.truth.recoilKeV[i]));
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
