package org.cevns.events.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.cevns.events.io.BlockColumn.DoubleGetter;
import org.cevns.events.io.BlockColumn.IntGetter;
import org.cevns.events.io.BlockColumn.LongGetter;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;

/**
 * The truth-event columns of {@code docs/design.md} ("Truth events"), all REQUIRED, in file order: names,
 * Parquet types and the {@link EventBlock} arrays they come from. String columns are dictionary encoded.
 */
public final class TruthColumns {
  /** Parquet message (schema) name of truth files. */
  public static final String MESSAGE_NAME = "cevns_truth";

  public static final String EVENT_ID = "event_id";
  public static final String DETECTOR = "detector";
  public static final String PROCESS = "process";
  public static final String FLAVOR = "flavor";
  public static final String PARENT = "parent";
  public static final String ENU_MEV = "enu_mev";
  public static final String TARGET_Z = "target_z";
  public static final String TARGET_A = "target_a";
  public static final String RECOIL_KEV = "recoil_kev";
  public static final String TIME_NS = "time_ns";
  public static final String PERIOD = "period";
  public static final String WEIGHT = "weight";
  public static final String NU_PDG = "nu_pdg";
  public static final String RECOIL_PDG = "recoil_pdg";
  public static final String NU_OUT_PX_MEV = "nu_out_px_mev";
  public static final String NU_OUT_PY_MEV = "nu_out_py_mev";
  public static final String NU_OUT_PZ_MEV = "nu_out_pz_mev";
  public static final String NU_OUT_E_MEV = "nu_out_e_mev";
  public static final String RECOIL_PX_MEV = "recoil_px_mev";
  public static final String RECOIL_PY_MEV = "recoil_py_mev";
  public static final String RECOIL_PZ_MEV = "recoil_pz_mev";
  public static final String RECOIL_E_MEV = "recoil_e_mev";
  public static final String VERTEX_X_M = "vertex_x_m";
  public static final String VERTEX_Y_M = "vertex_y_m";
  public static final String VERTEX_Z_M = "vertex_z_m";
  /** Beam pulse since the run start (int64), null for steady sources. */
  public static final String PULSE_INDEX = "pulse_index";
  public static final String TIME_S = "time_s";

  /** All truth column names, in file order. */
  public static final List<String> NAMES = List.of(EVENT_ID, DETECTOR, PROCESS, FLAVOR, PARENT, ENU_MEV,
      TARGET_Z, TARGET_A, RECOIL_KEV, TIME_NS, PERIOD, WEIGHT, NU_PDG, RECOIL_PDG, NU_OUT_PX_MEV, NU_OUT_PY_MEV,
      NU_OUT_PZ_MEV, NU_OUT_E_MEV, RECOIL_PX_MEV, RECOIL_PY_MEV, RECOIL_PZ_MEV, RECOIL_E_MEV, VERTEX_X_M, VERTEX_Y_M,
      VERTEX_Z_M, PULSE_INDEX, TIME_S);

  /**
   * The event record for detector simulations (four-momenta, vertex, absolute time): the columns left out of
   * rate-only files ({@link TruthMetadata#EVENT_RECORD} {@code false}, {@code cevns generate --no-event-record}).
   * The PDG codes stay: they say what {@code recoil_kev} is.
   */
  public static final List<String> EVENT_RECORD = List.of(NU_OUT_PX_MEV, NU_OUT_PY_MEV, NU_OUT_PZ_MEV, NU_OUT_E_MEV,
      RECOIL_PX_MEV, RECOIL_PY_MEV, RECOIL_PZ_MEV, RECOIL_E_MEV, VERTEX_X_M, VERTEX_Y_M, VERTEX_Z_M, PULSE_INDEX,
      TIME_S);

  /** The four-momentum columns, null on rows without a neutrino (detsim backgrounds). */
  public static final List<String> FOUR_MOMENTA = List.of(NU_OUT_PX_MEV, NU_OUT_PY_MEV, NU_OUT_PZ_MEV, NU_OUT_E_MEV,
      RECOIL_PX_MEV, RECOIL_PY_MEV, RECOIL_PZ_MEV, RECOIL_E_MEV);

  /**
   * Unit (or meaning) of every truth column, written to the file metadata as {@code cevns.unit.<column>}.
   * Energies and momenta in MeV unless the name says keV; the detector frame has its origin at the detector
   * centre.
   */
  public static final Map<String, String> UNITS = unitMap();

  private static Map<String, String> unitMap() {
    Map<String, String> u = new LinkedHashMap<>();
    u.put(EVENT_ID, "event number within the run");
    u.put(ENU_MEV, "MeV, incoming neutrino energy");
    u.put(RECOIL_KEV, "keV, kinetic energy of the recoiling particle recoil_pdg (keVnr for nuclei)");
    u.put(TIME_NS, "ns since the pulse start (pulsed sources) or the period start (steady sources)");
    u.put(WEIGHT, "expected events represented by the row (see cevns.weight_normalisation)");
    u.put(NU_PDG, "PDG code of the neutrino");
    u.put(RECOIL_PDG, "PDG code of the recoil: nucleus 100ZZZAAA0 or electron 11");
    for (String c : List.of(NU_OUT_PX_MEV, NU_OUT_PY_MEV, NU_OUT_PZ_MEV, NU_OUT_E_MEV)) {
      u.put(c, "MeV, outgoing neutrino, detector frame");
    }
    for (String c : List.of(RECOIL_PX_MEV, RECOIL_PY_MEV, RECOIL_PZ_MEV)) {
      u.put(c, "MeV, recoil momentum, detector frame");
    }
    u.put(RECOIL_E_MEV, "MeV, recoil total energy (mass + kinetic)");
    for (String c : List.of(VERTEX_X_M, VERTEX_Y_M, VERTEX_Z_M)) {
      u.put(c, "m, vertex in the detector frame (origin at the detector centre)");
    }
    u.put(PULSE_INDEX, "beam pulse since the run start (pulsed sources), null for steady sources");
    u.put(TIME_S, "s since the run start (pulse_index / repetition rate + time_ns)");
    return java.util.Collections.unmodifiableMap(u);
  }

  private TruthColumns() {}

  /** A double column read from the block array {@code array} gives (range reads, see {@link Getters}). */
  private static BlockColumn<EventBlock> f64(String name, Function<EventBlock, double[]> array) {
    return BlockColumn.float64(name, DoubleGetter.of(array));
  }

  /** The truth columns, whose string columns take their values from {@code dictionary}. */
  public static List<BlockColumn<EventBlock>> of(EventDictionary dictionary) {
    return of(dictionary, 1.0);
  }

  /**
   * The truth columns with every weight multiplied by {@code weightScale} (expected / events for unweighted runs
   * of a fixed count, so that the weights of a file sum to its expectation; see {@link TruthMetadata}).
   */
  public static List<BlockColumn<EventBlock>> of(EventDictionary dictionary, double weightScale) {
    return of(dictionary, weightScale, true);
  }

  /**
   * As {@link #of(EventDictionary, double)}; without the {@link #EVENT_RECORD} columns when {@code eventRecord} is
   * false (the other columns are the same, value for value).
   */
  public static List<BlockColumn<EventBlock>> of(EventDictionary dictionary, double weightScale,
      boolean eventRecord) {
    List<BlockColumn<EventBlock>> all = all(dictionary, weightScale);
    return eventRecord ? all : all.stream().filter(c -> !EVENT_RECORD.contains(c.name())).toList();
  }

  private static List<BlockColumn<EventBlock>> all(EventDictionary dictionary, double weightScale) {
    if (!(weightScale >= 0) || Double.isInfinite(weightScale)) {
      throw new IllegalArgumentException("weightScale must be finite and >= 0, got " + weightScale);
    }
    Objects.requireNonNull(dictionary, "dictionary");
    List<String> processes = new ArrayList<>();
    for (Process p : Process.values()) {
      processes.add(p.columnName());
    }
    List<String> flavors = new ArrayList<>();
    for (Flavor f : Flavor.values()) {
      flavors.add(f.columnName());
    }
    return List.of(
        BlockColumn.int64(EVENT_ID, LongGetter.of(b -> b.eventId)),
        BlockColumn.string(DETECTOR, dictionary.detectors(), IntGetter.of(b -> b.detector)),
        BlockColumn.string(PROCESS, processes, IntGetter.ofBytes(b -> b.process)),
        BlockColumn.string(FLAVOR, flavors, IntGetter.ofBytes(b -> b.flavor)),
        BlockColumn.string(PARENT, dictionary.parents(), IntGetter.of(b -> b.parent)),
        f64(ENU_MEV, b -> b.enuMeV),
        BlockColumn.int32(TARGET_Z, IntGetter.of(b -> b.targetZ)),
        BlockColumn.int32(TARGET_A, IntGetter.of(b -> b.targetA)),
        f64(RECOIL_KEV, b -> b.recoilKeV),
        f64(TIME_NS, b -> b.timeNs),
        BlockColumn.string(PERIOD, dictionary.periods(), IntGetter.of(b -> b.period)),
        weightScale == 1.0 ? f64(WEIGHT, b -> b.weight)
            : BlockColumn.float64(WEIGHT, Getters.<EventBlock>scaled(b -> b.weight, weightScale)),
        BlockColumn.int32(NU_PDG, IntGetter.of(b -> b.nuPdg)),
        BlockColumn.int32(RECOIL_PDG, IntGetter.of(b -> b.recoilPdg)),
        f64(NU_OUT_PX_MEV, b -> b.nuOutPxMeV),
        f64(NU_OUT_PY_MEV, b -> b.nuOutPyMeV),
        f64(NU_OUT_PZ_MEV, b -> b.nuOutPzMeV),
        f64(NU_OUT_E_MEV, b -> b.nuOutEMeV),
        f64(RECOIL_PX_MEV, b -> b.recoilPxMeV),
        f64(RECOIL_PY_MEV, b -> b.recoilPyMeV),
        f64(RECOIL_PZ_MEV, b -> b.recoilPzMeV),
        f64(RECOIL_E_MEV, b -> b.recoilEMeV),
        f64(VERTEX_X_M, b -> b.vertexXM),
        f64(VERTEX_Y_M, b -> b.vertexYM),
        f64(VERTEX_Z_M, b -> b.vertexZM),
        BlockColumn.int64(PULSE_INDEX, LongGetter.<EventBlock>of(b -> b.pulseIndex))
            .nullWhen((b, i) -> b.pulseIndex[i] == EventBlock.NO_PULSE),
        f64(TIME_S, b -> b.timeS));
  }
}
