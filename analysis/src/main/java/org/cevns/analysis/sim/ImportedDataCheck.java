package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.config.AxisSpec;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.events.ImportedData;

/**
 * Refuses, before the template simulation, imported data ({@code cevns import}) that the fit would read silently
 * wrong (docs/real-data.md, "What analyze refuses in imported data"):
 *
 * <ul>
 *   <li>a beam window the fit needs that no imported input covers: the coincidence window, and the
 *       anti-coincidence window while {@code analysis.fit.control_region} is true. The fit took a missing window
 *       for one without events: the CsI release's C file alone gave 0 AC events against 4896 expected, μ̂ = 3.55,
 *       33σ. The import's inputs name their windows, so "no AC data" is told apart from "AC data without events";
 *   <li>a detector whose imported events all lie outside the fit's energy range (configured {@code analysis.energy};
 *       not checked when the range comes from the pilot simulation): the CsI release's PE read as keVee put all
 *       10032 events above 4.5 keVee and the fit returned μ̂ = −0.002, χ² 22.5 / 190, without a word. A unit
 *       mistake moves every event (PE as keVee by 13 times, eVee or MeVee as keVee by 1000), so "none in range" is
 *       its mark; with at least {@link #MIN_EVENTS_REFUSED} events it is refused, with fewer (a small data set may
 *       by chance have none in a narrow range) it is a warning.
 * </ul>
 *
 * Simulated files ({@code cevns simulate}) are not checked: they have no import metadata, and their windows and
 * energies are the configuration's by construction.
 */
public final class ImportedDataCheck {
  /**
   * Events of a detector, all outside the fit's energy range, from which the data are refused rather than warned
   * about: 20 (our choice). The CsI release has 29 % of its 10032 events in configs/coherent-csi.yaml's 0.5-4.5
   * keVee, the CENNS-10 release all in configs/coherent-lar.yaml's 0-120 keVee: 20 events of the CsI spectrum all
   * outside the range has probability 0.71^20 = 1e-3; a unit mistake puts all of any number of events outside.
   */
  public static final int MIN_EVENTS_REFUSED = 20;

  private ImportedDataCheck() {}

  /**
   * Checks the imported files among {@code files}.
   *
   * @param setup the configuration's detectors (and the kinematics of {@link FitRangeCheck}, checked first)
   * @param warn receives the warning line of a detector with fewer than {@link #MIN_EVENTS_REFUSED} events, all
   *     outside the energy range
   * @throws IllegalArgumentException one line naming the file(s), the detector and what is allowed
   */
  public static void check(AnalysisConfig config, SimulationSetup setup, List<EventFile> files, Configuration conf,
      Consumer<String> warn) {
    Map<String, double[]> ranges = new LinkedHashMap<>();
    for (String d : setup.detectors()) {
      AxisSpec a = config.energyOf(d);
      if (a.isComplete()) {
        var edges = a.resolve(0, 1);
        ranges.put(d, new double[] {edges.low(), edges.high()});
      }
    }
    Optional<Map<String, ImportedData.Detector>> data = ImportedData.of(files, conf, ranges);
    if (data.isEmpty()) {
      return;
    }
    FitRangeCheck.check(config, setup); // a range above any signal is the configuration's mistake: named first
    for (var e : data.get().entrySet()) {
      String d = e.getKey();
      ImportedData.Detector i = e.getValue();
      if (config.mode() == AnalysisMode.BEAM) {
        List<String> needed = new ArrayList<>(List.of(EventColumns.COINCIDENCE));
        if (config.fit().controlRegion()) {
          needed.add(EventColumns.ANTICOINCIDENCE);
        }
        for (String w : needed) {
          if (!i.windows().contains(w)) {
            throw new IllegalArgumentException(String.join(", ", i.files()) + ": no " + w + " data for detector "
                + d + " (the import's inputs cover: " + String.join(", ", i.windows()) + "); import the " + w
                + " events too" + (w.equals(EventColumns.ANTICOINCIDENCE)
                ? ", or set analysis.fit.control_region: false" : ""));
          }
        }
      }
      double[] r = ranges.get(d);
      if (r == null || i.events() == 0 || i.inRange() > 0) {
        continue;
      }
      String line = String.format(Locale.ROOT, "%s: detector %s: all %d imported events lie outside the fit's energy"
          + " range %s to %s keVee (the data: %s to %s keVee); check the import's columns.energy.unit (pe needs"
          + " pe_per_kevee)",
          String.join(", ", i.files()), d, i.events(), g(r[0]), g(r[1]), g(i.minKeVee()), g(i.maxKeVee()));
      if (i.events() >= MIN_EVENTS_REFUSED) {
        throw new IllegalArgumentException(line + ", or fit them with an analysis.energy range that holds them");
      }
      warn.accept(line);
    }
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)",
        "$1");
  }
}
