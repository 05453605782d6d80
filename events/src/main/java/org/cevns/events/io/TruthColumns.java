package org.cevns.events.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  /** All truth column names, in file order. */
  public static final List<String> NAMES = List.of(EVENT_ID, DETECTOR, PROCESS, FLAVOR, PARENT, ENU_MEV,
      TARGET_Z, TARGET_A, RECOIL_KEV, TIME_NS, PERIOD, WEIGHT);

  private TruthColumns() {}

  /** The truth columns, whose string columns take their values from {@code dictionary}. */
  public static List<BlockColumn<EventBlock>> of(EventDictionary dictionary) {
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
        BlockColumn.int64(EVENT_ID, (b, i) -> b.eventId[i]),
        BlockColumn.string(DETECTOR, dictionary.detectors(), (b, i) -> b.detector[i]),
        BlockColumn.string(PROCESS, processes, (b, i) -> b.process[i]),
        BlockColumn.string(FLAVOR, flavors, (b, i) -> b.flavor[i]),
        BlockColumn.string(PARENT, dictionary.parents(), (b, i) -> b.parent[i]),
        BlockColumn.float64(ENU_MEV, (b, i) -> b.enuMeV[i]),
        BlockColumn.int32(TARGET_Z, (b, i) -> b.targetZ[i]),
        BlockColumn.int32(TARGET_A, (b, i) -> b.targetA[i]),
        BlockColumn.float64(RECOIL_KEV, (b, i) -> b.recoilKeV[i]),
        BlockColumn.float64(TIME_NS, (b, i) -> b.timeNs[i]),
        BlockColumn.string(PERIOD, dictionary.periods(), (b, i) -> b.period[i]),
        BlockColumn.float64(WEIGHT, (b, i) -> b.weight[i]));
  }
}
