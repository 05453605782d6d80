package org.cevns.events.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.block.SimBlock;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;

/**
 * Writes detector-level event files row by row, through {@link SimParquetSink} with the column layout of
 * {@link SimColumns} (the one that {@code cevns simulate} writes), for tests, benchmarks and hand-made inputs.
 * The truth columns the analysis does not read get fixed placeholder values on signal rows ({@code process}
 * {@code cevns}, {@code flavor} {@code nue}, {@code parent} {@code none}, {@code enu_mev} 30,
 * {@code target_z} 55, {@code target_a} 133, {@code recoil_kev} 10 × the observed energy, {@code quenched_kevee}
 * the observed energy) and are null on background rows. Not thread-safe.
 */
public final class EventFileWriter implements AutoCloseable {
  /** Rows per written block. */
  public static final int BLOCK_ROWS = EventBlock.CAPACITY;
  /** npe value meaning "no photoelectron count" (written as null). */
  public static final int NO_NPE = SimBlock.NO_NPE;

  /** Placeholder neutrino energy of signal rows, MeV. */
  private static final double PLACEHOLDER_ENU_MEV = 30.0;
  /** Placeholder target (¹³³Cs) of signal rows. */
  private static final int PLACEHOLDER_Z = 55;
  private static final int PLACEHOLDER_A = 133;
  /** Placeholder ratio of recoil (keVnr) to observed energy (keVee) of all rows. */
  private static final double PLACEHOLDER_RECOIL_PER_KEVEE = 10;
  /** Placeholder parent label of signal rows. */
  private static final String PLACEHOLDER_PARENT = "none";

  private final SimParquetSink sink;
  private final List<String> detectors;
  private final List<String> periods;
  private final List<String> windows;
  private final List<String> components;
  private final SimBlock block = new SimBlock();
  private final boolean measured;
  private long next;
  private long blocks;
  private boolean done;

  private EventFileWriter(SimParquetSink sink, List<String> detectors, List<String> periods, List<String> windows,
      List<String> components, boolean measured) {
    this.sink = sink;
    this.measured = measured;
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
   * @param components component names ({@code signal} first: code {@link SimBlock#SIGNAL})
   * @param metadata key-value metadata ({@code cevns.exposure}, {@code cevns.windows}, ...)
   * @param options write options (codec, ...)
   */
  public static EventFileWriter open(String target, List<String> detectors, List<String> periods,
      List<String> components, Map<String, String> metadata, WriteOptions options) throws IOException {
    return open(target, detectors, periods, components, metadata, options.withOverwrite(true), false);
  }

  /**
   * Opens {@code target} for measured events ({@code cevns import}): as {@link #open}, but an existing target is
   * replaced only with {@code options.overwrite()}, and {@code recoil_kev} is null on every row (a measurement
   * has no true recoil energy). Rows should then use a component other than {@code signal} (the truth columns
   * are null on them).
   */
  public static EventFileWriter openMeasured(String target, List<String> detectors, List<String> periods,
      List<String> components, Map<String, String> metadata, WriteOptions options) throws IOException {
    return open(target, detectors, periods, components, metadata, options, true);
  }

  private static EventFileWriter open(String target, List<String> detectors, List<String> periods,
      List<String> components, Map<String, String> metadata, WriteOptions options, boolean measured)
      throws IOException {
    List<String> windows = new ArrayList<>();
    for (WindowKind k : WindowKind.values()) {
      windows.add(k.columnName());
    }
    EventDictionary dictionary = new EventDictionary(detectors, List.of(PLACEHOLDER_PARENT), periods);
    SimParquetSink sink = SimParquetSink.open(target, dictionary, components, metadata, options);
    return new EventFileWriter(sink, List.copyOf(detectors), List.copyOf(periods), List.copyOf(windows),
        List.copyOf(components), measured);
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
    SimBlock b = block;
    EventBlock t = b.truth;
    int i = t.size();
    boolean signal = component == SimBlock.SIGNAL;
    t.eventId[i] = next++;
    t.detector[i] = detector;
    t.process[i] = signal ? (byte) Process.CEVNS.ordinal() : SimBlock.NO_CODE;
    t.flavor[i] = signal ? (byte) Flavor.NUE.ordinal() : SimBlock.NO_CODE;
    t.parent[i] = signal ? 0 : SimBlock.NO_CODE;
    t.enuMeV[i] = signal ? PLACEHOLDER_ENU_MEV : Double.NaN;
    t.targetZ[i] = signal ? PLACEHOLDER_Z : 0;
    t.targetA[i] = signal ? PLACEHOLDER_A : 0;
    t.recoilKeV[i] = measured ? Double.NaN : observedKeVee * PLACEHOLDER_RECOIL_PER_KEVEE;
    t.timeNs[i] = timeNs;
    t.period[i] = period;
    t.weight[i] = weight;
    b.component[i] = component;
    b.quenchedKeVee[i] = observedKeVee;
    b.observedKeVee[i] = observedKeVee;
    b.npe[i] = npe;
    b.detected[i] = detected;
    b.window[i] = (byte) window;
    t.setSize(i + 1);
    if (i + 1 == BLOCK_ROWS) {
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
    if (block.size() > 0) {
      sink.accept(blocks++, block);
      block.truth.setSize(0);
    }
  }

  /** Rows added. */
  public long rows() {
    return next;
  }

  /** Adds (or replaces) a metadata entry written at {@link #close()}. */
  public void putMetadata(String key, String value) {
    sink.putMetadata(key, value);
  }

  /** Deletes the temporary file: nothing is left under the final name. */
  public void abort() {
    done = true;
    sink.abort();
  }

  /** Writes the remaining rows and commits the file. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    flush();
    sink.close();
  }
}
