package org.cevns.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static ObjectNode json(PoiScan s, String experiment) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("experiment", experiment);
    root.put("data", s.asimov() ? "Asimov dataset at the nominal parameters" : "event files");
    ObjectNode fit = root.putObject("fit");
    ArrayNode params = fit.putArray("parameters");
    for (int a = 0; a < s.names().size(); a++) {
      ObjectNode p = params.addObject();
      p.put("name", s.names().get(a));
      Json.put(p, "best", s.bestValues()[a]);
      if (a < s.intervals().size() && s.intervals().get(a).isPresent()) {
        Interval[] i = s.intervals().get(a).get();
        bounds(p.putObject("interval_68"), i[0]);
        bounds(p.putObject("interval_90"), i[1]);
      }
    }
    nuisances(fit.putArray("nuisances"), s.nuisances());
    Json.put(fit, "deviance", s.best().deviance());
    fit.put("converged", s.best().converged());
    ObjectNode levels = root.putObject("levels");
    levels.put("method", "Wilks (asymptotic chi2 with " + s.names().size() + " dof)");
    if (s.names().size() == 1) {
      levels.put("cl_68", 1.0);
      levels.put("cl_90", 2.705543454095404);
      levels.put("cl_95", 3.841458820694124);
    } else {
      levels.put("cl_68", PoiScan.DELTA_2D[0]);
      levels.put("cl_90", PoiScan.DELTA_2D[1]);
      levels.put("cl_95", PoiScan.DELTA_2D[2]);
    }
    if (s.deltaChi2().length > 0) {
      root.put("points", s.deltaChi2().length);
      root.put("csv", CSV);
    }
    return root;
  }

  static void nuisances(ArrayNode a, NuisanceReport r) {
    for (var e : r.entries()) {
      ObjectNode x = a.addObject();
      x.put("name", e.name());
      Json.put(x, "pull", e.pull());
      Json.put(x, "constraint", e.constraint());
      Json.put(x, "impact_mu_up", e.impactUp());
      Json.put(x, "impact_mu_down", e.impactDown());
    }
  }

  private static void bounds(ObjectNode o, Interval i) {
    Json.put(o, "lower", i.lower());
    Json.put(o, "upper", i.upper());
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
