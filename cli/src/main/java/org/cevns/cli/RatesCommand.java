package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.generator.Process;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cevns rates}: expected counts and flux-averaged cross sections. */
@Command(
    name = "rates",
    mixinStandardHelpOptions = true,
    description = {
      "Expected events for the configured exposure per detector, process, flavour and isotope, and the",
      "flux-averaged cross section per target (whole spectrum, no threshold).",
      "CEvNS counts are inside the detector's keVnr window (threshold_kevnr, roi_max_kevnr) when it has one."
    })
final class RatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    ExperimentModel model = ConfigSupport.model(config);
    List<RateReport.DetectorRates> rates = RateReport.of(model);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(RateReport.toJsonText(model, rates));
    } else {
      printTable(out, model, rates);
    }
    out.flush();
    return 0;
  }

  private static void printTable(PrintWriter out, ExperimentModel model, List<RateReport.DetectorRates> rates) {
    out.printf(Locale.ROOT, "experiment %s%n", model.config().name());
    for (int i = 0; i < rates.size(); i++) {
      RateReport.DetectorRates r = rates.get(i);
      var det = model.detectors().get(i);
      out.println();
      String window = det.hasRecoilWindow()
          ? String.format(Locale.ROOT, ", CEvNS window %s-%s keVnr", fmt(det.thresholdKevnr()), fmt(det.roiMaxKevnr()))
          : "";
      out.printf(Locale.ROOT, "detector %s (%s kg%s)%n", r.name(), fmt(det.massKg()), window);
      for (Process p : Process.values()) {
        out.printf(Locale.ROOT, "  %-6s expected %12s (all recoils %12s)   <sigma> per target %s cm2%n",
            p.columnName(), fmt(r.expectedInWindow().get(p)), fmt(r.expectedAllRecoils().get(p)),
            sci(r.fluxAveragedXsCm2().get(p)));
      }
      out.printf(Locale.ROOT, "  %-7s %-9s %-8s %14s %14s%n", "process", "flavor", "isotope", "expected",
          "all recoils");
      for (RateReport.Row row : r.rows()) {
        out.printf(Locale.ROOT, "  %-7s %-9s %-8s %14s %14s%n", row.process().columnName(), row.flavor(),
            row.isotope(), fmt(row.expectedInWindow()), fmt(row.expectedAllRecoils()));
      }
    }
  }

  static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return "inf";
    }
    if (v != 0 && (Math.abs(v) >= 1e7 || Math.abs(v) < 1e-3)) {
      return sci(v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  static String sci(double v) {
    return String.format(Locale.ROOT, "%.4e", v);
  }
}
