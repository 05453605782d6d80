package org.cevns.analysis.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.cevns.generator.io.BlockColumn;
import org.cevns.generator.io.HadoopFiles;
import org.cevns.generator.io.StagedParquetFile;
import org.cevns.generator.io.WriteOptions;

/**
 * Writes detector-level event files row by row with the column layout of {@code cevns simulate} (truth
 * columns, then {@code quenched_kevee, observed_kevee, npe, detected, window, component}), for tests, benchmarks
 * and hand-made inputs. The truth columns the analysis does not read ({@code process}, {@code flavor},
 * {@code parent}, {@code enu_mev}, {@code target_z}, {@code target_a}, {@code recoil_kev}) get fixed
 * placeholder values. Not thread-safe.
 */
public final class EventFileWriter implements AutoCloseable {
  /** Rows per written block. */
  public static final int BLOCK_ROWS = 1 << 16;
  /** npe value meaning "no photoelectron count" (written as null). */
  public static final int NO_NPE = -1;

  /** A block of rows (codes index the writer's name lists). */
  static final class Block {
    final long[] eventId = new long[BLOCK_ROWS];
    final int[] detector = new int[BLOCK_ROWS];
    final int[] period = new int[BLOCK_ROWS];
    final double[] timeNs = new double[BLOCK_ROWS];
    final double[] weight = new double[BLOCK_ROWS];
    final double[] observedKeVee = new double[BLOCK_ROWS];
    final int[] npe = new int[BLOCK_ROWS];
    final boolean[] detected = new boolean[BLOCK_ROWS];
    final int[] window = new int[BLOCK_ROWS];
    final int[] component = new int[BLOCK_ROWS];
    int size;
  }

  private final StagedParquetFile<Block> file;
  private final List<String> detectors;
  private final List<String> periods;
  private final List<String> windows;
  private final List<String> components;
  private final Block block = new Block();
  private long next;
  private boolean done;

  private EventFileWriter(StagedParquetFile<Block> file, List<String> detectors, List<String> periods,
      List<String> windows, List<String> components) {
    this.file = file;
    this.detectors = detectors;
    this.periods = periods;
    this.windows = windows;
    this.components = components;
  }

  /**
   * Opens {@code target} (replaced if it exists).
   *
   * @param detectors detector names (codes are indices)
   * @param periods period names
   * @param components component names ({@code signal} first by convention)
   * @param metadata key-value metadata ({@code cevns.exposure}, {@code cevns.windows}, ...)
   * @param options write options (codec, ...)
   */
  public static EventFileWriter open(String target, List<String> detectors, List<String> periods,
      List<String> components, Map<String, String> metadata, WriteOptions options) throws IOException {
    List<String> windows = List.of(EventColumns.COINCIDENCE, EventColumns.ANTICOINCIDENCE, EventColumns.NO_WINDOW);
    List<String> processes = List.of("cevns", "eves");
    List<String> flavors = List.of("nue");
    List<String> parents = List.of("none");
    List<BlockColumn<Block>> c = new ArrayList<>();
    c.add(BlockColumn.int64("event_id", (b, i) -> b.eventId[i]));
    c.add(BlockColumn.string(EventColumns.DETECTOR, detectors, (b, i) -> b.detector[i]));
    c.add(BlockColumn.<Block>string("process", processes, (b, i) -> 0).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.<Block>string("flavor", flavors, (b, i) -> 0).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.<Block>string("parent", parents, (b, i) -> 0).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.<Block>float64("enu_mev", (b, i) -> 30.0).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.<Block>int32("target_z", (b, i) -> 55).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.<Block>int32("target_a", (b, i) -> 133).nullWhen((b, i) -> b.component[i] != 0));
    c.add(BlockColumn.float64("recoil_kev", (b, i) -> b.observedKeVee[i] * 10));
    c.add(BlockColumn.float64(EventColumns.TIME_NS, (b, i) -> b.timeNs[i]));
    c.add(BlockColumn.string(EventColumns.PERIOD, periods, (b, i) -> b.period[i]));
    c.add(BlockColumn.float64(EventColumns.WEIGHT, (b, i) -> b.weight[i]));
    c.add(BlockColumn.float64("quenched_kevee", (b, i) -> b.observedKeVee[i]));
    c.add(BlockColumn.float64(EventColumns.OBSERVED_KEVEE, (b, i) -> b.observedKeVee[i]));
    c.add(BlockColumn.<Block>int32(EventColumns.NPE, (b, i) -> b.npe[i]).nullWhen((b, i) -> b.npe[i] == NO_NPE));
    c.add(BlockColumn.bool(EventColumns.DETECTED, (b, i) -> b.detected[i]));
    c.add(BlockColumn.string(EventColumns.WINDOW, windows, (b, i) -> b.window[i]));
    c.add(BlockColumn.string(EventColumns.COMPONENT, components, (b, i) -> b.component[i]));
    Path path = HadoopFiles.path(target);
    StagedParquetFile<Block> f = StagedParquetFile.create(path, "cevns_events", c, metadata, options.withOverwrite(true),
        HadoopFiles.configuration());
    return new EventFileWriter(f, List.copyOf(detectors), List.copyOf(periods), windows, List.copyOf(components));
  }

  /**
   * Adds one row by names.
   *
   * @param npe photoelectrons or {@link #NO_NPE}
   */
  public void add(String detector, String period, String window, String component, boolean detected,
      double observedKeVee, int npe, double timeNs, double weight) throws IOException {
    add(code(detectors, detector), code(periods, period), code(windows, window), code(components, component),
        detected, observedKeVee, npe, timeNs, weight);
  }

  /** Adds one row by codes (indices into the name lists; window: 0 coincidence, 1 anticoincidence, 2 none). */
  public void add(int detector, int period, int window, int component, boolean detected, double observedKeVee,
      int npe, double timeNs, double weight) throws IOException {
    Block b = block;
    int i = b.size;
    b.eventId[i] = next++;
    b.detector[i] = detector;
    b.period[i] = period;
    b.window[i] = window;
    b.component[i] = component;
    b.detected[i] = detected;
    b.observedKeVee[i] = observedKeVee;
    b.npe[i] = npe;
    b.timeNs[i] = timeNs;
    b.weight[i] = weight;
    b.size++;
    if (b.size == BLOCK_ROWS) {
      flush();
    }
  }

  private static int code(List<String> names, String name) {
    int c = names.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("'" + name + "' is not among " + names);
    }
    return c;
  }

  private void flush() throws IOException {
    if (block.size > 0) {
      file.write(block, block.size);
      block.size = 0;
    }
  }

  /** Rows added. */
  public long rows() {
    return next;
  }

  /** Writes the remaining rows and commits the file. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    flush();
    file.putFinalMetadata("cevns.events", Long.toString(next));
    file.commit();
  }
}
