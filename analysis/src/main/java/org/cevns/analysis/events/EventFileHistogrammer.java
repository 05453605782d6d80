package org.cevns.analysis.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.cevns.events.io.ColumnBatch;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.StringCodes;
import org.cevns.events.run.ParallelRunner;

/**
 * Histograms event files: reads only the columns the analysis needs ({@link EventFile#projection()}), keeps
 * detected events and fills {@link SpectrumAccumulator}s. The row groups of all files (a file per input, or the
 * shards of a directory) are shared out to the threads, so one large file, or a directory of shards, is read
 * in parallel; the result is identical for any thread count (see {@link #histogram(List, HistogramBinning, int,
 * Configuration)}), and does not depend on how the events are split into shards up to floating-point
 * rounding of weights (unit weights add exactly).
 *
 * <p>The exposure is the sum over distinct runs (files with the same {@code cevns.seed} and
 * {@code cevns.config} are shards of one run and count once).
 */
public final class EventFileHistogrammer {
  /** Rows per batch. */
  public static final int BATCH_ROWS = 1 << 16;

  private EventFileHistogrammer() {}

  /**
   * What was read.
   *
   * @param spectra the histograms
   * @param exposure summed over distinct runs; empty if a file has no {@code cevns.exposure}
   * @param windows beam windows from the metadata, if recorded
   * @param files the files read
   * @param rowsRead rows decoded
   * @param rowsDetected detected rows histogrammed
   * @param seconds wall time
   */
  public record Result(SpectrumSet spectra, Optional<RunExposure> exposure, Optional<WindowSpec> windows,
      List<EventFile> files, long rowsRead, long rowsDetected, double seconds) {}

  /** Lists and histograms {@code inputs} (files or directories of shards). */
  public static Result histogram(List<String> inputs, HistogramBinning binning, int threads) throws IOException {
    Configuration conf = HadoopFiles.configuration();
    return histogram(EventFile.list(inputs, conf), binning, threads, conf);
  }

  /**
   * Histograms listed files with {@code threads} workers. The work is cut into units of one row group (a file
   * without row groups is one empty unit); each unit is read into an accumulator of its own, and the units'
   * accumulators are added to the total in unit order ({@link ParallelRunner}: at most 2 × threads + 1
   * accumulators exist at a time). The sums are therefore formed in the same order for any thread count: the
   * result is identical, bit for bit, to that of one thread, and a single large file is read by all threads.
   * CEvNS is the signal: EvES rows of the signal are the component {@link EventColumns#EVES_COMPONENT}.
   */
  public static Result histogram(List<EventFile> files, HistogramBinning binning, int threads, Configuration conf)
      throws IOException {
    return histogram(files, binning, threads, conf, SignalProcess.NUCLEAR);
  }

  /**
   * {@link #histogram(List, HistogramBinning, int, Configuration)} with the signal of the analysed configuration:
   * with {@link SignalProcess#ELECTRON} EvES rows of the signal stay signal.
   */
  public static Result histogram(List<EventFile> files, HistogramBinning binning, int threads, Configuration conf,
      SignalProcess signal) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no event files to read");
    }
    for (EventFile f : files) {
      f.projection();
    }
    long t0 = System.nanoTime();
    List<int[]> units = new ArrayList<>(); // {file index, first row group, row group count}
    for (int i = 0; i < files.size(); i++) {
      int groups = files.get(i).rowGroups();
      if (groups == 0) {
        units.add(new int[] {i, 0, 0});
      }
      for (int g = 0; g < groups; g++) {
        units.add(new int[] {i, g, 1});
      }
    }
    SpectrumAccumulator total = new SpectrumAccumulator(binning);
    long[] read = {0};
    FileFooters footers = new FileFooters(files, conf);
    try {
      ParallelRunner.<Partial>run(0, units.size(), threads, Partial::new, (k, part) -> {
        int[] u = units.get((int) k);
        part.acc = new SpectrumAccumulator(binning);
        part.rows = readFile(files.get(u[0]), footers, u[0], u[1], u[2], part.acc, conf, signal);
      }, (k, part) -> {
        total.merge(part.acc);
        read[0] += part.rows;
        part.acc = null;
        if (k + 1 == units.size() || units.get((int) k + 1)[0] != units.get((int) k)[0]) {
          footers.drop(units.get((int) k)[0]); // the file's last unit: its footer is no longer needed
        }
      }, null);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    return new Result(total.result(), exposure(files), windows(files), List.copyOf(files), read[0], total.rows(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** The accumulator and row count of one unit. */
  private static final class Partial {
    SpectrumAccumulator acc;
    long rows;
  }

  /** Reads row groups {@code [firstRowGroup, firstRowGroup + rowGroups)} of a file into {@code acc}; returns the rows read. */
  static long readFile(EventFile file, FileFooters footers, int fileIndex, int firstRowGroup, int rowGroups,
      SpectrumAccumulator acc, Configuration conf, SignalProcess signal) {
    try {
      return readRows(file, footers.of(fileIndex), firstRowGroup, rowGroups, acc, conf, signal);
    } catch (IOException | RuntimeException e) {
      String shown = HadoopFiles.display(file.path());
      if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith(shown + ": ")) {
        throw (IllegalArgumentException) e; // a row's content (an unknown detector): already named with the file
      }
      // a corrupt page, a foreign or malformed file, NaN values: an input error (one line, exit 2)
      String m = String.valueOf(e.getMessage());
      String cause = e.getCause() == null ? null : e.getCause().getMessage();
      throw new IllegalArgumentException(shown + ": cannot read the events: " + m
          + (cause != null && !m.contains(cause) ? " (" + cause + ")" : ""), e);
    }
  }

  private static long readRows(EventFile file, ParquetMetadata footer, int firstRowGroup, int rowGroups,
      SpectrumAccumulator acc, Configuration conf, SignalProcess signal) throws IOException {
    List<String> cols = file.projection();
    boolean hasComponent = file.columns().contains(EventColumns.COMPONENT);
    boolean hasNpe = cols.contains(EventColumns.NPE);
    boolean hasDetected = cols.contains(EventColumns.DETECTED);
    boolean hasWeight = cols.contains(EventColumns.WEIGHT);
    long rows = 0;
    try (ColumnarFileReader r = ColumnarFileReader.openRowGroups(file.path(), footer, conf,
        ColumnarFileReader.ReadPath.PAGES, firstRowGroup, rowGroups)) {
      ColumnBatch b = r.select(cols, BATCH_ROWS);
      int[] zeros = new int[BATCH_ROWS];
      int[] det = codes(b, EventColumns.DETECTOR, zeros);
      int[] per = codes(b, EventColumns.PERIOD, zeros);
      int[] win = codes(b, EventColumns.WINDOW, zeros);
      int[] comp = codes(b, EventColumns.COMPONENT, zeros);
      boolean split = file.splitsProcess() && signal.evesIsBackground();
      int[] proc = split ? codes(b, EventColumns.PROCESS, zeros) : zeros;
      double[] energy = b.doubles(EventColumns.OBSERVED_KEVEE);
      double[] time = b.doubles(EventColumns.TIME_NS);
      int[] npe = hasNpe ? b.ints(EventColumns.NPE) : null;
      boolean[] npeNull = hasNpe ? b.nulls(EventColumns.NPE) : null;
      boolean[] detected = hasDetected ? b.booleans(EventColumns.DETECTED) : null;
      double[] weight = hasWeight ? b.doubles(EventColumns.WEIGHT) : null;
      IntFunction<String> windowNames = names(b, file, EventColumns.WINDOW);
      KeyCache keys = new KeyCache(acc, names(b, file, EventColumns.DETECTOR), names(b, file, EventColumns.PERIOD),
          windowNames,
          hasComponent ? names(b, file, EventColumns.COMPONENT) : c -> EventColumns.ALL_COMPONENTS,
          split ? names(b, file, EventColumns.PROCESS) : null);
      DetectedRows fill = new DetectedRows(acc, keys, windowNames, det, per, win, comp, proc, energy, time, npe,
          npeNull, detected, weight);
      while (r.next(b)) {
        rows += b.size();
        fill.fill(b.size());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(HadoopFiles.display(file.path()) + ": " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Fills the detected rows of each batch into the accumulator: the loop over a batch's rows in a method of its own,
   * compiled once, instead of inside the loop over batches of {@link #readRows}, whose compiled form each unit's
   * last batch made the JIT compiler throw away (docs/performance-history.md, "analyze3 (thirty-second session)").
   */
  private static final class DetectedRows {
    private final SpectrumAccumulator acc;
    private final KeyCache keys;
    private final IntFunction<String> windowNames;
    private final int[] det;
    private final int[] per;
    private final int[] win;
    private final int[] comp;
    private final int[] proc;
    private final double[] energy;
    private final double[] time;
    private final int[] npe;
    private final boolean[] npeNull;
    private final boolean[] detected;
    private final double[] weight;
    private final int[] selected = new int[BATCH_ROWS];

    DetectedRows(SpectrumAccumulator acc, KeyCache keys, IntFunction<String> windowNames, int[] det, int[] per,
        int[] win, int[] comp, int[] proc, double[] energy, double[] time, int[] npe, boolean[] npeNull,
        boolean[] detected, double[] weight) {
      this.acc = acc;
      this.keys = keys;
      this.windowNames = windowNames;
      this.det = det;
      this.per = per;
      this.win = win;
      this.comp = comp;
      this.proc = proc;
      this.energy = energy;
      this.time = time;
      this.npe = npe;
      this.npeNull = npeNull;
      this.detected = detected;
      this.weight = weight;
    }

    /** Fills the detected rows of the batch's first {@code size} rows. */
    void fill(int size) {
      int[] selected = this.selected;
      int n = size;
      if (detected != null) {
        // branch-free compaction of the detected rows (detection is random: a branch would mispredict)
        n = 0;
        for (int i = 0; i < size; i++) {
          selected[n] = i;
          n += detected[i] ? 1 : 0;
        }
      } else {
        for (int i = 0; i < size; i++) {
          selected[i] = i;
        }
      }
      for (int j = 0; j < n; j++) {
        int i = selected[j];
        int k = keys.key(det[i], per[i], win[i], comp[i], proc[i]);
        int pe = npe == null || (npeNull != null && npeNull[i]) ? -1 : npe[i];
        if (time[i] != time[i] && !EventColumns.NO_WINDOW.equals(windowNames.apply(win[i]))) {
          // no time (events imported without one) only outside beam windows: a windowed event needs its time
          throw notANumber(new IllegalArgumentException("time_ns is NaN"), energy[i], time[i]);
        }
        try {
          if (weight == null) {
            acc.fill(k, energy[i], time[i], pe);
          } else {
            acc.fill(k, energy[i], time[i], pe, weight[i]);
          }
        } catch (IllegalArgumentException e) {
          throw notANumber(e, energy[i], time[i]);
        }
      }
    }
  }

  /**
   * The error for a detected row the histograms refused: a NaN (or null, which reads as NaN) energy or time, as a
   * file of another tool may hold, named by its column and row rather than by the histogram's argument.
   */
  private static IllegalArgumentException notANumber(IllegalArgumentException e, double energyKeVee, double timeNs) {
    String column = Double.isNaN(energyKeVee) ? EventColumns.OBSERVED_KEVEE : Double.isNaN(timeNs)
        ? EventColumns.TIME_NS : null;
    if (column == null) {
      return e;
    }
    return new IllegalArgumentException("column " + column + " is NaN or null in a detected event; every detected"
        + " event needs an energy and a time", e);
  }

  /** Codes of a string key column, or zeros for a column that is constant in the file (not read). */
  private static int[] codes(ColumnBatch b, String column, int[] zeros) {
    return b.columns().contains(column) ? b.codes(column) : zeros;
  }

  /** Names behind the codes of a key column (the constant for an unread one; null for code −1). */
  private static IntFunction<String> names(ColumnBatch b, EventFile file, String column) {
    if (b.columns().contains(column)) {
      StringCodes s = b.strings(column);
      return c -> c < 0 ? null : s.value(c);
    }
    String v = file.constants().get(column);
    return c -> v;
  }

  /**
   * Exposure summed over distinct runs; empty if some file has none. Imported files of the same exposure
   * (detector, mass, source, period, exposure and live time alike) whose windows are disjoint are one
   * measurement, counted once: the coincidence and the anti-coincidence events of a data set imported into two
   * files (each with the data set's exposure) doubled it, and the expected signal with it.
   */
  public static Optional<RunExposure> exposure(List<EventFile> files) {
    Map<String, String> runs = new LinkedHashMap<>();
    Map<String, Set<String>> importedWindows = new LinkedHashMap<>();
    for (EventFile f : files) {
      String json = f.metadata().get(EventColumns.META_EXPOSURE);
      if (json == null) {
        return Optional.empty();
      }
      Set<String> mine = importedWindows(f);
      if (mine.isEmpty()) {
        runs.putIfAbsent(f.runId(), json);
        continue;
      }
      String run = null;
      for (int k = 0; run == null; k++) {
        String id = "import " + k + "\n" + json;
        Set<String> seen = importedWindows.get(id);
        if (seen == null || java.util.Collections.disjoint(seen, mine)) {
          run = id;
        }
      }
      importedWindows.computeIfAbsent(run, x -> new java.util.TreeSet<>()).addAll(mine);
      runs.putIfAbsent(run, json);
    }
    RunExposure total = null;
    for (String json : runs.values()) {
      RunExposure e = RunExposure.fromJson(json);
      total = total == null ? e : total.plus(e);
    }
    return Optional.ofNullable(total);
  }

  /** The windows of an imported file's inputs ({@link EventColumns#META_IMPORT_INPUTS}); empty for other files. */
  static Set<String> importedWindows(EventFile f) {
    String json = f.metadata().get(EventColumns.META_IMPORT_INPUTS);
    Set<String> out = new java.util.TreeSet<>();
    if (json != null) {
      try {
        for (com.fasterxml.jackson.databind.JsonNode input : new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(json)) {
          out.add(input.path("window").asText());
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return Set.of(); // not cevns's list: the file counts as a run of its own
      }
    }
    return out;
  }

  /** Windows recorded in the files (all must agree); empty if none recorded. */
  static Optional<WindowSpec> windows(List<EventFile> files) {
    WindowSpec w = null;
    for (EventFile f : files) {
      String json = f.metadata().get(EventColumns.META_WINDOWS);
      if (json == null) {
        continue;
      }
      Optional<WindowSpec> s;
      try {
        s = WindowSpec.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(f.path() + ": cevns.windows is not valid JSON: " + e.getMessage(), e);
      }
      if (s.isPresent()) {
        if (w != null && !w.sameAs(s.get())) {
          throw new IllegalArgumentException(f.path() + ": beam windows " + s.get() + " differ from " + w
              + " of another file");
        }
        w = s.get();
      }
    }
    return Optional.ofNullable(w);
  }
}
