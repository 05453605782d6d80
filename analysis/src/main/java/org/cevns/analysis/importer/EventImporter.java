package org.cevns.analysis.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.importer.ImportMapping.Column;
import org.cevns.analysis.importer.ImportMapping.InputFile;
import org.cevns.analysis.importer.ImportMapping.TimeOrigin;
import org.cevns.analysis.importer.ImportMapping.Window;
import org.cevns.analysis.importer.ImportMapping.Windows;
import org.cevns.analysis.events.EventColumns;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.DetectorMetadata;
import org.cevns.events.io.EventFileWriter;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.WriteOptions;

/**
 * Imports external event lists into one detector-level event file ({@link EventFileWriter#openMeasured}, the
 * {@code SimColumns} layout of {@code cevns simulate}): every row detected, component {@value #COMPONENT},
 * observed energy in keVee, time in ns since the pulse start, weight 1 (a row with a count of n becomes n rows),
 * {@code npe} null (reconstructed photoelectrons need not be whole numbers; the energy column keeps them as
 * keVee through the light yield). Metadata: the exposure and live time ({@code cevns.exposure}, the format the
 * analysis scales its templates with), the beam windows ({@code cevns.windows}), {@code cevns.stage}
 * {@code import}, the mapping and the inputs with their SHA-256 ({@value #META_MAPPING},
 * {@value #META_INPUTS}); the windows of the inputs
 * make the C and the AC events of one measurement, imported into two files, count its exposure once
 * ({@code EventFileHistogrammer}).
 *
 * <p>All inputs are opened and their columns resolved before the output is created; a bad value found while
 * writing aborts the output (nothing is left under its name).
 */
public final class EventImporter {
  /** Component name of imported (measured) rows. */
  public static final String COMPONENT = "data";
  /** Metadata: the mapping, as YAML text. */
  public static final String META_MAPPING = "cevns.import.mapping";
  /** Metadata: JSON list of the inputs ({@code path}, {@code window}, {@code sha256}, {@code events}). */
  public static final String META_INPUTS = EventColumns.META_IMPORT_INPUTS;
  /** Value of {@code cevns.stage} of imported files. */
  public static final String STAGE = "import";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventImporter() {}

  /**
   * What was imported.
   *
   * @param events rows written per window
   * @param output the output path
   * @param warnings one line each (without the command name): values that are valid but look like a unit mistake
   */
  public record Summary(Map<Window, Long> events, String output, List<String> warnings) {
    public Summary {
      events = java.util.Collections.unmodifiableMap(events); // the caller's order (window order of an EnumMap)
      warnings = List.copyOf(warnings);
    }

    /** Rows written in total. */
    public long total() {
      return events.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Checks the inputs (they exist, their columns are there) without writing anything.
   *
   * @return the opened sources, in input order
   */
  static List<TableSource> check(ImportMapping m, List<InputFile> inputs, Path base) {
    List<Column> cols = columns(m);
    List<TableSource> out = new ArrayList<>();
    for (InputFile f : inputs) {
      out.add(TableSource.open(base.resolve(f.path()), m.format(), m.header(), cols));
    }
    return out;
  }

  /**
   * Imports {@code inputs} into {@code output}.
   *
   * @param m the mapping
   * @param mappingText the mapping as given (recorded in the metadata)
   * @param inputs the input files with their windows
   * @param base directory the input paths are relative to
   * @param output the output file (local path or Hadoop URI); staged under a temporary name
   * @param options write options (overwrite: replace an existing output)
   */
  public static Summary run(ImportMapping m, String mappingText, List<InputFile> inputs, Path base, String output,
      WriteOptions options) throws IOException {
    if (inputs.isEmpty()) {
      throw new ImportException("no input files");
    }
    List<TableSource> sources = check(m, inputs, base);
    ArrayNode inputJson = JSON.createArrayNode();
    for (InputFile f : inputs) {
      ObjectNode o = inputJson.addObject();
      o.put("path", f.path());
      o.put("window", f.window().columnName());
      o.put("sha256", sha256(base.resolve(f.path())));
    }
    Map<String, String> metadata = metadata(m, mappingText);
    EventFileWriter w = EventFileWriter.openMeasured(output, List.of(m.detector()), List.of(m.period()),
        List.of("signal", COMPONENT), metadata, options);
    Map<Window, Long> counts = new EnumMap<>(Window.class);
    List<String> warnings = new ArrayList<>();
    try {
      for (int i = 0; i < inputs.size(); i++) {
        long before = w.rows();
        InputFile f = inputs.get(i);
        RowWriter rows = new RowWriter(m, f.window(), w);
        sources.get(i).read(rows);
        rows.unitWarning(base.resolve(f.path()).toString()).ifPresent(warnings::add);
        long n = w.rows() - before;
        counts.merge(f.window(), n, Long::sum);
        ((ObjectNode) inputJson.get(i)).put("events", n);
      }
      w.putMetadata(META_INPUTS, inputJson.toString());
      w.close();
    } catch (IOException | RuntimeException | Error e) {
      w.abort();
      throw e;
    }
    return new Summary(counts, output, warnings);
  }

  private static List<Column> columns(ImportMapping m) {
    List<Column> cols = new ArrayList<>(List.of(m.energy()));
    m.time().ifPresent(cols::add);
    m.count().ifPresent(cols::add);
    return cols;
  }

  /** Converts and checks the values of one row and writes it (count times). */
  private static final class RowWriter implements TableSource.RowSink {
    private final ImportMapping m;
    private final Window window;
    private final EventFileWriter w;
    private final double startNs;
    private final double endNs;
    /** Rows read and the earliest and latest of their times (the time-unit check). */
    private long rows;
    private double earliestNs = Double.POSITIVE_INFINITY;
    private double latestNs = Double.NEGATIVE_INFINITY;

    RowWriter(ImportMapping m, Window window, EventFileWriter w) {
      this.m = m;
      this.window = window;
      this.w = w;
      Windows ws = m.windows().orElse(null);
      this.startNs = ws == null || window == Window.NONE ? Double.NaN : ws.startNs(window);
      this.endNs = startNs + (ws == null ? 0 : ws.lengthNs());
    }

    @Override
    public void row(double[] v, String where) throws IOException {
      Column e = m.energy();
      double keVee = v[0] * e.toCanonical();
      if (v[0] < 0) {
        throw new ImportException(where + ": " + e.key() + ".column " + e.label() + ": energy must be >= 0, got "
            + v[0] + " " + e.unit());
      }
      double timeNs = m.time().isPresent() ? timeNs(m.time().get(), v[1], where) : NO_TIME_NS;
      rows++;
      earliestNs = Math.min(earliestNs, timeNs);
      latestNs = Math.max(latestNs, timeNs);
      long n = 1;
      if (m.count().isPresent()) {
        Column c = m.count().get();
        double count = v[m.time().isPresent() ? 2 : 1];
        if (!(count >= 0) || count != Math.rint(count) || count > MAX_COUNT) {
          throw new ImportException(where + ": " + c.key() + ".column " + c.label() + ": a count must be a whole"
              + " number from 0 to " + MAX_COUNT + ", got " + (count == Math.rint(count) && Math.abs(count) < 1e15
              ? Long.toString((long) count) : Double.toString(count)));
        }
        n = (long) count;
      }
      for (long k = 0; k < n; k++) {
        w.add(m.detector(), m.period(), window.columnName(), COMPONENT, true, keVee, EventFileWriter.NO_NPE, timeNs, 1.0);
      }
    }

    /** The time of a row in ns since the pulse (or period) start, checked against the file's window. */
    private double timeNs(Column t, double value, String where) {
      double timeNs = value * t.toCanonical();
      if (t.timeOrigin() == TimeOrigin.WINDOW) {
        timeNs += startNs;
      }
      if (window != Window.NONE && !(timeNs >= startNs && timeNs < endNs)) {
        throw new ImportException(where + ": " + t.key() + ".column " + t.label() + ": " + value + " " + t.unit()
            + " is outside the " + window.columnName() + " window [" + fmt((startNs - origin()) / t.toCanonical())
            + ", " + fmt((endNs - origin()) / t.toCanonical()) + ") " + t.unit()
            + (t.timeOrigin() == TimeOrigin.WINDOW ? " from the window start" : " from the pulse start"));
      }
      return timeNs;
    }

    /**
     * A warning when at least {@value #UNIT_CHECK_MIN_ROWS} rows of a window all lie within
     * 1/{@value #UNIT_CHECK_FRACTION_INVERSE} of its length of each other: real events spread over the window,
     * so such times are most likely given in a larger unit than {@code columns.time.unit} says (µs read as ns
     * put a 6 µs window's events into 6 ns, all in one time bin of the fit, without a word).
     */
    Optional<String> unitWarning(String file) {
      double lengthNs = endNs - startNs;
      if (window == Window.NONE || rows < UNIT_CHECK_MIN_ROWS
          || !(latestNs - earliestNs < lengthNs / UNIT_CHECK_FRACTION_INVERSE)) {
        return Optional.empty();
      }
      return Optional.of(String.format(Locale.ROOT, "%s: all %d times of the %s window (%s ns long) lie within"
          + " %s ns of each other (%s to %s ns from the pulse start): is columns.time.unit '%s' right?", file, rows,
          window.columnName(), fmt(lengthNs), fmt(latestNs - earliestNs), fmt(earliestNs), fmt(latestNs),
          m.time().get().unit()));
    }

    private double origin() {
      return m.time().get().timeOrigin() == TimeOrigin.WINDOW ? startNs : 0.0;
    }
  }

  /**
   * The time of an event imported without a time column (reactor data as energies only): NaN, "unknown". The
   * analysis fills such events into the energy spectra and the fit but into no time histogram.
   */
  public static final double NO_TIME_NS = Double.NaN;
  /**
   * The largest count of one row ({@code columns.count}): a binned release's bin content. A count of 3e9 (a
   * whole number, refused before as "must be a whole number >= 0") is most likely another column mapped as the
   * count; the message names this limit.
   */
  static final int MAX_COUNT = Integer.MAX_VALUE;
  /** Rows of a window below which the time-unit check says nothing. */
  static final int UNIT_CHECK_MIN_ROWS = 10;
  /** The time-unit check: the fraction of the window (its inverse) all times must lie in to be suspicious. */
  static final int UNIT_CHECK_FRACTION_INVERSE = 1000;

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d);
  }

  static Map<String, String> metadata(ImportMapping m, String mappingText) {
    Map<String, String> md = new LinkedHashMap<>();
    md.put(TruthMetadata.VERSION, CevnsVersion.get());
    ArrayNode exposure = JSON.createArrayNode();
    ObjectNode d = exposure.addObject();
    d.put("detector", m.detector());
    d.put("mass_kg", m.massKg());
    ObjectNode e = d.putArray("exposures").addObject();
    e.put("source", m.source());
    e.put("period", m.period());
    boolean pot = m.exposure().protonsOnTarget().isPresent();
    e.put("exposure", pot ? m.exposure().protonsOnTarget().getAsDouble() : m.exposure().liveSeconds());
    e.put("exposure_unit", pot ? "protons_on_target" : "live_seconds");
    e.put("live_seconds", m.exposure().liveSeconds());
    md.put(TruthMetadata.EXPOSURE, exposure.toString());
    md.put(TruthMetadata.WEIGHTED, "false");
    md.put(TruthMetadata.WEIGHT_NORMALISATION, TruthMetadata.NORMALISATION_UNIT);
    md.put(DetectorMetadata.WINDOWS, m.windows().map(EventImporter::windowsJson).orElse("null"));
    md.put(DetectorMetadata.STAGE, STAGE);
    md.put(DetectorMetadata.DROP_UNDETECTED, "true");
    md.put(META_MAPPING, mappingText);
    return md;
  }

  private static String windowsJson(Windows w) {
    ObjectNode o = JSON.createObjectNode();
    o.put("coincidence_start_ns", w.coincidenceStartNs());
    o.put("coincidence_length_ns", w.lengthNs());
    o.put("anticoincidence", w.before() ? "before" : "delayed");
    o.put("anticoincidence_delay_ns", w.delayNs());
    return o.toString();
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format(Locale.ROOT, "%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
