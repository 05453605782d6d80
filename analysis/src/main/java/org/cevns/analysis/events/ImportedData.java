package org.cevns.analysis.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.io.ColumnBatch;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.StringCodes;

/**
 * What the imported files among an analysis' event files hold, read before the template simulation: the windows
 * the import's inputs cover ({@link EventColumns#META_IMPORT_INPUTS}) and the observed energies, per detector.
 * Only files of {@code cevns import} (with that metadata) are described; imported files are small (the CsI
 * release: 10032 rows), so reading their energies once more costs nothing next to the templates.
 */
public final class ImportedData {
  private ImportedData() {}

  /**
   * The imported data of one detector.
   *
   * @param files the imported files with events of the detector (as given: their display names)
   * @param windows the windows the files' import inputs cover
   * @param events detected events (the weights of the rows of positive weight: a count column's counts)
   * @param inRange of them in the given energy range [lo, hi] (0 without a range)
   * @param minKeVee smallest observed energy (NaN without events)
   * @param maxKeVee largest observed energy (NaN without events)
   */
  public record Detector(List<String> files, Set<String> windows, long events, long inRange, double minKeVee,
      double maxKeVee) {}

  /**
   * The imported data per detector, or empty when a file is not imported (a simulated file beside imported ones:
   * the windows then cannot be told from the metadata) or none is.
   *
   * @param rangeKeVee the energy range {lo, hi} (keVee, ends included) of each detector whose events in range are
   *     counted
   *
   * @throws IllegalArgumentException for a file whose energies cannot be read (named)
   */
  public static Optional<Map<String, Detector>> of(List<EventFile> files, Configuration conf,
      Map<String, double[]> rangeKeVee) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    Map<String, Set<String>> covered = new LinkedHashMap<>();
    Map<String, double[]> sums = new LinkedHashMap<>(); // as spans(): events, min, max, in range
    for (EventFile f : files) {
      Set<String> windows = EventFileHistogrammer.importedWindows(f);
      String exposure = f.metadata().get(EventColumns.META_EXPOSURE);
      if (windows.isEmpty() || exposure == null) {
        return Optional.empty();
      }
      Map<String, double[]> spans = spans(f, conf, rangeKeVee);
      for (String d : RunExposure.fromJson(exposure).detectors()) {
        names.computeIfAbsent(d, x -> new ArrayList<>()).add(HadoopFiles.display(f.path()));
        covered.computeIfAbsent(d, x -> new TreeSet<>()).addAll(windows);
        double[] sum = sums.computeIfAbsent(d, x -> emptySpan());
        double[] s = spans.getOrDefault(d, emptySpan());
        sum[0] += s[0];
        sum[1] = Math.min(sum[1], s[1]);
        sum[2] = Math.max(sum[2], s[2]);
        sum[3] += s[3];
      }
    }
    Map<String, Detector> out = new LinkedHashMap<>();
    sums.forEach((d, s) -> out.put(d, new Detector(List.copyOf(names.get(d)), covered.get(d), (long) s[0],
        (long) s[3], s[0] > 0 ? s[1] : Double.NaN, s[0] > 0 ? s[2] : Double.NaN)));
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** A detector's span without events: {events, min, max, in range}. */
  private static double[] emptySpan() {
    return new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
  }

  /** Events, smallest and largest energy, events in range of each detector of a file (detected rows, weight > 0). */
  private static Map<String, double[]> spans(EventFile f, Configuration conf, Map<String, double[]> rangeKeVee) {
    List<String> cols = new ArrayList<>();
    String constant = f.constants().get(EventColumns.DETECTOR);
    if (constant == null) {
      cols.add(EventColumns.DETECTOR);
    }
    cols.add(EventColumns.OBSERVED_KEVEE);
    boolean detected = f.needsDetectedColumn();
    boolean weighted = f.needsWeightColumn();
    if (detected) {
      cols.add(EventColumns.DETECTED);
    }
    if (weighted) {
      cols.add(EventColumns.WEIGHT);
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    try (ColumnarFileReader r = ColumnarFileReader.open(f.path(), conf, ColumnarFileReader.ReadPath.PAGES)) {
      ColumnBatch b = r.select(cols, EventFileHistogrammer.BATCH_ROWS);
      while (r.next(b)) {
        StringCodes names = constant == null ? b.strings(EventColumns.DETECTOR) : null;
        int[] codes = constant == null ? b.codes(EventColumns.DETECTOR) : null;
        double[] e = b.doubles(EventColumns.OBSERVED_KEVEE);
        boolean[] det = detected ? b.booleans(EventColumns.DETECTED) : null;
        double[] w = weighted ? b.doubles(EventColumns.WEIGHT) : null;
        for (int i = 0; i < b.size(); i++) {
          if ((det != null && !det[i]) || (w != null && !(w[i] > 0)) || Double.isNaN(e[i])) {
            continue;
          }
          String d = constant != null ? constant : codes[i] < 0 ? null : names.value(codes[i]);
          double[] s = out.computeIfAbsent(d, x -> emptySpan());
          double[] range = rangeKeVee.get(d);
          double n = w == null ? 1 : w[i]; // a count column's rows weigh their counts
          s[0] += n;
          s[3] += range != null && e[i] >= range[0] && e[i] <= range[1] ? n : 0;
          s[1] = Math.min(s[1], e[i]);
          s[2] = Math.max(s[2], e[i]);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(HadoopFiles.display(f.path()) + ": cannot read the events: "
          + e.getMessage(), e);
    }
    return out;
  }
}
