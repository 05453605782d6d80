package org.cevns.events.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;

/**
 * Reads truth events ({@link TruthColumns}) of one Parquet file or a directory of shards back into
 * {@link EventBlock}s, reading only the requested columns (other arrays of the block are left untouched).
 * Extra columns in the files (e.g. detsim's) are ignored; use {@link ColumnarFileReader} to read them.
 *
 * <p>Dictionary: detector, parent and period codes index an append-only dictionary rebuilt from the strings
 * read, in order of first appearance, after those of an optional seed {@link EventDictionary} (pass the
 * run's dictionary to get the codes the generator used). {@link #dictionary()} is valid for every block read
 * so far. Process and flavour codes are the enum ordinals.
 */
public final class EventFileReader implements AutoCloseable {
  private final ColumnarFileReader reader;
  private final List<String> columns;
  private final StringCodes detectors;
  private final StringCodes parents;
  private final StringCodes periods;
  private final List<ColumnTarget> targets = new ArrayList<>();
  /** Null flags of {@code pulse_index} (steady-source rows). */
  private final boolean[] pulseNulls = new boolean[EventBlock.CAPACITY];
  private EventBlock bound;

  private EventFileReader(ColumnarFileReader reader, List<String> columns, EventDictionary seed) {
    this.reader = reader;
    this.columns = columns;
    this.detectors = StringCodes.of(seed.detectors());
    this.parents = StringCodes.of(seed.parents());
    this.periods = StringCodes.of(seed.periods());
  }

  /** Opens a file or directory of shards, reading all truth columns. */
  public static EventFileReader open(String pathOrDirectory) throws IOException {
    return open(pathOrDirectory, TruthColumns.NAMES);
  }

  /** Opens a file or directory of shards, reading only {@code columns} (truth column names). */
  public static EventFileReader open(String pathOrDirectory, Collection<String> columns) throws IOException {
    return open(HadoopFiles.path(pathOrDirectory), columns, null, HadoopFiles.configuration(),
        ColumnarFileReader.ReadPath.PAGES);
  }

  /**
   * Opens a file or directory of shards.
   *
   * @param columns truth column names to read (read in file order)
   * @param seed dictionary whose codes come first, or null
   * @param readPath decoding path ({@link ColumnarFileReader.ReadPath#PAGES} is the fastest)
   */
  public static EventFileReader open(Path pathOrDirectory, Collection<String> columns, EventDictionary seed,
      Configuration conf, ColumnarFileReader.ReadPath readPath) throws IOException {
    List<String> selected = checkColumns(columns);
    ColumnarFileReader r = ColumnarFileReader.open(pathOrDirectory, conf, readPath);
    EventFileReader e = new EventFileReader(r, selected,
        seed == null ? new EventDictionary(List.of(), List.of(), List.of()) : seed);
    try {
      e.bind(new EventBlock());
      r.select(e.targets);
    } catch (RuntimeException ex) {
      Map<String, String> metadata = r.metadata();
      r.close();
      List<String> record = selected.stream().filter(TruthColumns.EVENT_RECORD::contains).toList();
      if (!TruthMetadata.eventRecord(metadata) && !record.isEmpty()) {
        throw new IllegalArgumentException(pathOrDirectory + ": a rate-only file without the event record ("
            + TruthMetadata.EVENT_RECORD + " = false, from cevns generate --no-event-record), but this needs "
            + String.join(", ", record) + "; generate it without --no-event-record", ex);
      }
      throw ex;
    }
    return e;
  }

  private static List<String> checkColumns(Collection<String> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("columns must name at least one of " + TruthColumns.NAMES + ", got " + columns);
    }
    for (String c : columns) {
      if (!TruthColumns.NAMES.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is not a truth column; allowed: " + TruthColumns.NAMES);
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String n : TruthColumns.NAMES) {
      if (columns.contains(n)) {
        ordered.add(n);
      }
    }
    return List.copyOf(ordered);
  }

  /** Points the targets at {@code block}'s arrays (creating them on the first call). */
  private void bind(EventBlock b) {
    if (targets.isEmpty()) {
      for (String c : columns) {
        targets.add(target(c, b));
      }
    } else {
      for (ColumnTarget t : targets) {
        t.retarget(array(t.column(), b), TruthColumns.PULSE_INDEX.equals(t.column()) ? pulseNulls : null);
      }
    }
    bound = b;
  }

  private ColumnTarget target(String column, EventBlock b) {
    return switch (column) {
      case TruthColumns.EVENT_ID -> ColumnTarget.longs(column, b.eventId);
      case TruthColumns.DETECTOR -> ColumnTarget.strings(column, b.detector, detectors::codeOf);
      case TruthColumns.PROCESS -> ColumnTarget.strings(column, b.process, EventFileReader::processCode);
      case TruthColumns.FLAVOR -> ColumnTarget.strings(column, b.flavor, s -> Flavor.fromColumnName(s).ordinal());
      case TruthColumns.PARENT -> ColumnTarget.strings(column, b.parent, parents::codeOf);
      case TruthColumns.ENU_MEV -> ColumnTarget.doubles(column, b.enuMeV);
      case TruthColumns.TARGET_Z -> ColumnTarget.ints(column, b.targetZ);
      case TruthColumns.TARGET_A -> ColumnTarget.ints(column, b.targetA);
      case TruthColumns.RECOIL_KEV -> ColumnTarget.doubles(column, b.recoilKeV);
      case TruthColumns.TIME_NS -> ColumnTarget.doubles(column, b.timeNs);
      case TruthColumns.PERIOD -> ColumnTarget.strings(column, b.period, periods::codeOf);
      case TruthColumns.WEIGHT -> ColumnTarget.doubles(column, b.weight);
      case TruthColumns.NU_PDG -> ColumnTarget.ints(column, b.nuPdg);
      case TruthColumns.RECOIL_PDG -> ColumnTarget.ints(column, b.recoilPdg);
      case TruthColumns.PULSE_INDEX -> ColumnTarget.longs(column, b.pulseIndex, pulseNulls);
      default -> ColumnTarget.doubles(column, (double[]) array(column, b));
    };
  }

  private static Object array(String column, EventBlock b) {
    return switch (column) {
      case TruthColumns.EVENT_ID -> b.eventId;
      case TruthColumns.DETECTOR -> b.detector;
      case TruthColumns.PROCESS -> b.process;
      case TruthColumns.FLAVOR -> b.flavor;
      case TruthColumns.PARENT -> b.parent;
      case TruthColumns.ENU_MEV -> b.enuMeV;
      case TruthColumns.TARGET_Z -> b.targetZ;
      case TruthColumns.TARGET_A -> b.targetA;
      case TruthColumns.RECOIL_KEV -> b.recoilKeV;
      case TruthColumns.TIME_NS -> b.timeNs;
      case TruthColumns.PERIOD -> b.period;
      case TruthColumns.WEIGHT -> b.weight;
      case TruthColumns.NU_PDG -> b.nuPdg;
      case TruthColumns.RECOIL_PDG -> b.recoilPdg;
      case TruthColumns.NU_OUT_PX_MEV -> b.nuOutPxMeV;
      case TruthColumns.NU_OUT_PY_MEV -> b.nuOutPyMeV;
      case TruthColumns.NU_OUT_PZ_MEV -> b.nuOutPzMeV;
      case TruthColumns.NU_OUT_E_MEV -> b.nuOutEMeV;
      case TruthColumns.RECOIL_PX_MEV -> b.recoilPxMeV;
      case TruthColumns.RECOIL_PY_MEV -> b.recoilPyMeV;
      case TruthColumns.RECOIL_PZ_MEV -> b.recoilPzMeV;
      case TruthColumns.RECOIL_E_MEV -> b.recoilEMeV;
      case TruthColumns.VERTEX_X_M -> b.vertexXM;
      case TruthColumns.VERTEX_Y_M -> b.vertexYM;
      case TruthColumns.VERTEX_Z_M -> b.vertexZM;
      case TruthColumns.PULSE_INDEX -> b.pulseIndex;
      case TruthColumns.TIME_S -> b.timeS;
      default -> throw new IllegalArgumentException("not a truth column: " + column);
    };
  }

  private static int processCode(String name) {
    for (Process p : Process.values()) {
      if (p.columnName().equals(name)) {
        return p.ordinal();
      }
    }
    throw new IllegalArgumentException("unknown process '" + name + "' in column process");
  }

  /**
   * Fills {@code block} with the next events (up to {@link EventBlock#CAPACITY}) and sets its size; returns
   * false (size 0) at the end.
   */
  public boolean next(EventBlock block) throws IOException {
    Objects.requireNonNull(block, "block");
    if (block != bound) {
      bind(block);
    }
    java.util.Arrays.fill(pulseNulls, false);
    int n = reader.read(EventBlock.CAPACITY);
    for (int i = 0; i < n; i++) {
      if (pulseNulls[i]) {
        block.pulseIndex[i] = EventBlock.NO_PULSE;
      }
    }
    block.setSize(n);
    return n > 0;
  }

  /** The dictionary of the strings read so far (after the seed's). */
  public EventDictionary dictionary() {
    return new EventDictionary(detectors.values(), parents.values(), periods.values());
  }

  /** The columns read, in file order. */
  public List<String> columns() {
    return columns;
  }

  /** Total events in all files (from their footers). */
  public long totalEvents() {
    return reader.totalRows();
  }

  /** Key-value metadata of the first file. */
  public Map<String, String> metadata() {
    return reader.metadata();
  }

  /** The files read, in order. */
  public List<Path> files() {
    return reader.files();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
