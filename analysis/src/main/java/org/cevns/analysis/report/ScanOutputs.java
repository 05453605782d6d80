package org.cevns.analysis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.pipeline.NuisanceReport;
import org.cevns.analysis.pipeline.PoiScan;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.ContourPlotBuilder;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.PullPlotBuilder;
import org.cevns.analysis.report.TerminalTable.Align;
import org.jfree.chart.JFreeChart;
import org.cevns.analysis.plot.ValueFormat;

/**
 * Outputs of {@code cevns scan} and {@code cevns fit}: {@value #CSV} (one row per point, a column per POI and
 * {@code delta_chi2} = −2Δln L), {@value #JSON} ({@code fit.parameters} with best fit and Wilks intervals,
 * {@code fit.nuisances} with pulls and constraints, the contour levels), and plots (1D profile or 2D contours;
 * pulls and impacts) as PNG and SVG.
 */
public final class ScanOutputs {
  /** The scan table. */
  public static final String CSV = "scan.csv";
  /** The summary. */
  public static final String JSON = "summary.json";

  private ScanOutputs() {}

  /** Writes the outputs into {@code dir}; returns the files written. */
  public static List<Path> write(PoiScan s, String experiment, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    if (s.deltaChi2().length > 0) {
      Path csv = dir.resolve(CSV);
      Files.writeString(csv, csv(s), StandardCharsets.UTF_8);
      out.add(csv);
    }
    Path json = dir.resolve(JSON);
    Files.writeString(json, Json.MAPPER.writeValueAsString(json(s, experiment)) + "\n", StandardCharsets.UTF_8);
    out.add(json);
    Path plots = dir.resolve(AnalysisOutputs.PLOT_DIR);
    Files.createDirectories(plots);
    if (s.deltaChi2().length > 0) {
      out.addAll(PlotFiles.writeAll(plot(s, experiment), plots, s.names().size() == 1 ? "profile_" + s.names().get(0)
          : "contour_" + s.names().get(0) + "_" + s.names().get(1)));
    }
    out.addAll(NuisancePlots.write(s.nuisances(), experiment, plots));
    return out;
  }

  static String csv(PoiScan s) {
    StringBuilder sb = new StringBuilder(String.join(",", s.names())).append(",delta_chi2\n");
    double[] x = s.grids().get(0);
    if (s.names().size() == 1) {
      for (int i = 0; i < x.length; i++) {
        sb.append(x[i]).append(',').append(s.deltaChi2()[i]).append('\n');
      }
    } else {
      double[] y = s.grids().get(1);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < y.length; j++) {
          sb.append(x[i]).append(',').append(y[j]).append(',').append(s.deltaChi2()[i * y.length + j]).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** {@code scan.json}, bound by Jackson (snake_case keys in component order; non-finite numbers as null). */
  @JsonInclude(Include.NON_NULL)
  record ScanJson(String experiment, String data, ScanFit fit, Levels levels, Integer points, String csv) {}

  record ScanFit(List<SummaryRecords.Poi> parameters, List<SummaryRecords.Nuisance> nuisances, double deviance,
      boolean converged) {}

  record Levels(String method, @JsonProperty("cl_68") double cl68, @JsonProperty("cl_90") double cl90,
      @JsonProperty("cl_95") double cl95) {}

  static ScanJson json(PoiScan s, String experiment) {
    List<SummaryRecords.Poi> params = new ArrayList<>();
    for (int a = 0; a < s.names().size(); a++) {
      SummaryRecords.Bounds i68 = null;
      SummaryRecords.Bounds i90 = null;
      if (a < s.intervals().size() && s.intervals().get(a).isPresent()) {
        Interval[] i = s.intervals().get(a).get();
        i68 = new SummaryRecords.Bounds(i[0].lower(), i[0].upper());
        i90 = new SummaryRecords.Bounds(i[1].lower(), i[1].upper());
      }
      params.add(new SummaryRecords.Poi(s.names().get(a), s.bestValues()[a], null, i68, i90, null));
    }
    ScanFit fit = new ScanFit(params, SummaryRecords.Nuisance.of(s.nuisances()), s.best().deviance(),
        s.best().converged());
    String method = "Wilks (asymptotic chi2 with " + s.names().size() + " dof)";
    Levels levels = s.names().size() == 1 ? new Levels(method, 1.0, 2.705543454095404, 3.841458820694124)
        : new Levels(method, PoiScan.DELTA_2D[0], PoiScan.DELTA_2D[1], PoiScan.DELTA_2D[2]);
    boolean points = s.deltaChi2().length > 0;
    return new ScanJson(experiment, s.asimov() ? "Asimov dataset at the nominal parameters" : "event files", fit,
        levels, points ? s.deltaChi2().length : null, points ? CSV : null);
  }

  static JFreeChart plot(PoiScan s, String experiment) {
    if (s.names().size() == 1) {
      String n = s.names().get(0);
      var b = AnalysisPlots.profile().title(experiment + ": profile likelihood of " + n).xLabel(n)
          .curve(s.grids().get(0), s.deltaChi2()).bestFit(s.bestValues()[0]).levels(0.6826894921370859, 0.90);
      return b.build();
    }
    ContourPlotBuilder c = ContourPlotBuilder.create()
        .title(experiment + ": " + s.names().get(0) + " vs " + s.names().get(1) + " (profile likelihood)")
        .labels(s.names().get(0), s.names().get(1)).grid(s.grids().get(0), s.grids().get(1), s.deltaChi2())
        .level("68.27 % CL", PoiScan.DELTA_2D[0]).level("90 % CL", PoiScan.DELTA_2D[1])
        .level("95 % CL", PoiScan.DELTA_2D[2]).bestFit(s.bestValues()[0], s.bestValues()[1]);
    return c.build();
  }

  /** The terminal table: best fit and intervals of every POI. */
  public static String render(PoiScan s, String experiment) {
    var b = TerminalTable.builder(experiment + ": profile-likelihood fit" + (s.asimov() ? " (Asimov)" : ""))
        .column("parameter", Align.LEFT).column("best fit", Align.DECIMAL).column("68.27 % CL", Align.LEFT)
        .column("90 % CL", Align.LEFT);
    for (int a = 0; a < s.names().size(); a++) {
      String i68 = "";
      String i90 = "";
      if (a < s.intervals().size() && s.intervals().get(a).isPresent()) {
        Interval[] i = s.intervals().get(a).get();
        i68 = String.format(Locale.ROOT, "[%s, %s]", ValueFormat.number(i[0].lower(), 5),
            ValueFormat.number(i[0].upper(), 5));
        i90 = String.format(Locale.ROOT, "[%s, %s]", ValueFormat.number(i[1].lower(), 5),
            ValueFormat.number(i[1].upper(), 5));
      }
      b.row(s.names().get(a), ValueFormat.number(s.bestValues()[a], 5), i68, i90);
    }
    return b.build().render();
  }

  /** Pulls/constraints plot and impact ranking of a nuisance report. */
  static final class NuisancePlots {
    private NuisancePlots() {}

    static List<Path> write(NuisanceReport r, String experiment, Path plots) throws IOException {
      List<Path> out = new ArrayList<>();
      if (r.entries().isEmpty()) {
        return out;
      }
      PullPlotBuilder pulls = PullPlotBuilder.create().title(experiment + ": nuisance pulls and constraints");
      PullPlotBuilder impacts = PullPlotBuilder.create().title(experiment + ": impact of each systematic on \u03bc")
          .impacts("\u03bc");
      for (var e : r.entries()) {
        pulls.add(e.name(), e.pull(), e.constraint());
        impacts.add(e.name(), e.impactUp(), e.impactDown());
      }
      out.addAll(PlotFiles.writeAll(pulls.build(), plots, "pulls"));
      out.addAll(PlotFiles.writeAll(impacts.build(), plots, "impacts"));
      return out;
    }
  }
}
