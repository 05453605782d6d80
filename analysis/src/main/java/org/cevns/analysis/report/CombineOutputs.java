package org.cevns.analysis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cevns.analysis.pipeline.CombinedScan;
import org.cevns.analysis.pipeline.GridBands;
import org.cevns.analysis.pipeline.PoiScan;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.ContourPlotBuilder;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.report.TerminalTable.Align;
import org.jfree.chart.JFreeChart;

/**
 * Outputs of {@code cevns combine}: {@value ScanOutputs#CSV} (the common grid, the combined {@code delta_chi2} and one
 * {@code delta_chi2.LABEL} column per input), {@value ScanOutputs#JSON} (the inputs with their provenance and what
 * each profiled and held, the nuisance names several inputs share — profiled separately, i.e. uncorrelated — the
 * combined best fit and Wilks bands, the inputs' compatibility) and the profile plot (inputs dashed) or the combined
 * contours.
 */
public final class CombineOutputs {
  /** The statement of what the combination is, in summary.json and on the terminal. */
  public static final String METHOD = "sum of the inputs' profile -2 Delta ln L on a common grid (independent"
      + " likelihoods); every nuisance parameter is profiled within its own input: none is shared, so a nuisance two"
      + " inputs have in common (e.g. the SNS flux of two COHERENT detectors) is treated as uncorrelated between them";

  private CombineOutputs() {}

  /** The column label of each input: its experiment name, made unique with -2, -3, ... */
  public static List<String> labels(List<ScanInput> inputs) {
    List<String> out = new ArrayList<>();
    for (ScanInput in : inputs) {
      String l = in.experiment();
      int k = 2;
      while (out.contains(l)) {
        l = in.experiment() + "-" + k++;
      }
      out.add(l);
    }
    return out;
  }

  /** The nuisance names profiled in more than one input, each with the labels of the inputs that have it. */
  public static Map<String, List<String>> sharedNuisances(List<ScanInput> inputs) {
    List<String> labels = labels(inputs);
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).profiled() != null) {
        for (String n : inputs.get(i).profiled()) {
          seen.computeIfAbsent(n, k -> new ArrayList<>()).add(labels.get(i));
        }
      }
    }
    seen.values().removeIf(l -> l.size() < 2);
    return seen;
  }

  /** The warnings of a combination (stderr and summary.json): shared nuisances, mixed data, unknown profiles. */
  public static List<String> warnings(CombinedScan c, List<ScanInput> inputs) {
    List<String> w = new ArrayList<>();
    sharedNuisances(inputs).forEach((n, l) -> w.add("nuisance '" + n + "' is in " + String.join(" and ", l)
        + ": profiled separately in each (treated as uncorrelated, not as one shared parameter; combine --joint"
        + " shares it)"));
    long asimov = inputs.stream().filter(ScanInput::asimov).count();
    if (asimov > 0 && asimov < inputs.size()) {
      w.add("the inputs mix measured data and Asimov (expected) scans: the combination is a projection, not a"
          + " measurement");
    }
    List<String> labels = labels(inputs);
    for (int i = 0; i < inputs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (inputs.get(j).experiment().equals(inputs.get(i).experiment())) {
          w.add(labels.get(j) + " and " + labels.get(i) + " are scans of the same experiment ('"
              + inputs.get(i).experiment() + "'): the sum assumes independent data sets (two runs' events, not two"
              + " scans of one data set or of one expected (Asimov) data set with other settings)");
        }
      }
      if (inputs.get(i).profiled() == null) {
        w.add(labels.get(i) + ": its summary does not list the profiled parameters (a scan before fit.profiled):"
            + " shared nuisances cannot be named");
      }
    }
    if (c.interpolated()) {
      w.add("the grids differ: each input is interpolated linearly onto the union of the grid points in the common"
          + " range (give every scan the same --poi grid to avoid it)");
    }
    return w;
  }

  @JsonInclude(Include.NON_NULL)
  record Input(String label, String dir, String experiment, String data, JsonNode provenance, List<String> profiled,
      Map<String, Double> held, JsonNode parameters, Double deltaChi2AtCombinedBest, String templatesWarning) {}

  record Combined(String name, double best, @JsonProperty("bands_68") List<GridBands.Band> bands68,
      @JsonProperty("bands_90") List<GridBands.Band> bands90,
      @JsonProperty("bands_95") List<GridBands.Band> bands95) {}

  record Compatibility(String method, double chi2, int dof, double pValue) {}

  @JsonInclude(Include.NON_NULL)
  record Summary(String method, List<Input> inputs, Map<String, List<String>> sharedNuisances,
      List<Combined> parameters, Compatibility compatibility, Map<String, Object> levels, int points,
      boolean interpolated, String csv, List<String> warnings) {}

  private static final double[] WILKS_1D = {1.0, 2.705543454095404, 3.841458820694124};

  static Summary summary(CombinedScan c, List<ScanInput> inputs) {
    List<String> labels = labels(inputs);
    int m = lowestIndex(c.deltaChi2());
    List<Input> ins = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      ScanInput in = inputs.get(i);
      ins.add(new Input(labels.get(i), in.dir().toString(), in.experiment(), in.data(), in.provenance(),
          in.profiled(), in.held(), in.parameters(), c.curves().get(i)[m], in.templatesWarning()));
    }
    List<Combined> params = new ArrayList<>();
    for (int a = 0; a < c.names().size(); a++) {
      double[] x = c.grids().get(a);
      double[] p = c.profile(a);
      params.add(new Combined(c.names().get(a), c.bestValues()[a], GridBands.of(x, p, WILKS_1D[0]),
          GridBands.of(x, p, WILKS_1D[1]), GridBands.of(x, p, WILKS_1D[2])));
    }
    Compatibility comp = new Compatibility("parameter goodness of fit (Maltoni & Schwetz, PRD 68 (2003) 033020):"
        + " the sum of the inputs' -2 Delta ln L at the combined minimum, (N - 1) x P dof",
        c.compatibilityChi2(), c.compatibilityDof(), c.compatibilityPValue());
    Map<String, Object> levels = new LinkedHashMap<>();
    levels.put("method", "Wilks; bands of each parameter from its 1D profile (1 dof: 1.0, 2.71, 3.84)"
        + (c.names().size() == 2 ? ", contours with 2 dof (2.30, 4.61, 5.99)" : ""));
    List<String> w = warnings(c, inputs);
    return new Summary(METHOD, ins, sharedNuisances(inputs), params, comp, levels, c.deltaChi2().length,
        c.interpolated(), ScanOutputs.CSV, w.isEmpty() ? null : w);
  }

  /** Writes scan.csv, summary.json and the plot into {@code dir}; returns the files written. */
  public static List<Path> write(CombinedScan c, List<ScanInput> inputs, String provenance, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    Path csv = dir.resolve(ScanOutputs.CSV);
    Files.writeString(csv, csv(c, labels(inputs)), StandardCharsets.UTF_8);
    out.add(csv);
    Path json = dir.resolve(ScanOutputs.JSON);
    Files.writeString(json, Json.MAPPER.writeValueAsString(summary(c, inputs)) + "\n", StandardCharsets.UTF_8);
    out.add(json);
    Path plots = dir.resolve(AnalysisOutputs.PLOT_DIR);
    Files.createDirectories(plots);
    out.addAll(PlotFiles.writeAll(plot(c, labels(inputs), provenance), plots, c.names().size() == 1
        ? "profile_" + c.names().get(0) : "contour_" + c.names().get(0) + "_" + c.names().get(1)));
    return out;
  }

  static String csv(CombinedScan c, List<String> labels) {
    StringBuilder sb = new StringBuilder(String.join(",", c.names())).append(",delta_chi2");
    labels.forEach(l -> sb.append(",delta_chi2.").append(l));
    sb.append('\n');
    double[] x = c.grids().get(0);
    int ny = c.names().size() == 1 ? 1 : c.grids().get(1).length;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < ny; j++) {
        int k = i * ny + j;
        sb.append(x[i]);
        if (c.names().size() == 2) {
          sb.append(',').append(c.grids().get(1)[j]);
        }
        sb.append(',').append(c.deltaChi2()[k]);
        for (double[] curve : c.curves()) {
          sb.append(',').append(curve[k]);
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static JFreeChart plot(CombinedScan c, List<String> labels, String provenance) {
    if (c.names().size() == 1) {
      String n = c.names().get(0);
      double[] x = c.grids().get(0);
      int finite = 0;
      for (double v : c.deltaChi2()) {
        finite += Double.isFinite(v) ? 1 : 0;
      }
      double[] fx = new double[finite];
      double[] fy = new double[finite];
      for (int i = 0, j = 0; i < x.length; i++) {
        if (Double.isFinite(c.deltaChi2()[i])) {
          fx[j] = x[i];
          fy[j++] = c.deltaChi2()[i];
        }
      }
      var b = AnalysisPlots.profile().title("combined: profile likelihood of " + n).provenance(provenance).xLabel(n)
          .curve(fx, fy).bestFit(c.bestValues()[0]).levels(0.6826894921370859, 0.90);
      for (int i = 0; i < labels.size(); i++) {
        double[] on = new double[finite];
        for (int k = 0, j = 0; k < x.length; k++) {
          if (Double.isFinite(c.deltaChi2()[k])) {
            on[j++] = c.curves().get(i)[k];
          }
        }
        b.criticalCurve(labels.get(i), on);
      }
      return b.build();
    }
    return ContourPlotBuilder.create()
        .title("combined: " + c.names().get(0) + " vs " + c.names().get(1) + " (profile likelihood)")
        .provenance(provenance).labels(c.names().get(0), c.names().get(1))
        .grid(c.grids().get(0), c.grids().get(1), c.deltaChi2())
        .level("68.27 % CL", PoiScan.DELTA_2D[0]).level("90 % CL", PoiScan.DELTA_2D[1])
        .level("95 % CL", PoiScan.DELTA_2D[2]).bestFit(c.bestValues()[0], c.bestValues()[1]).build();
  }

  /** The terminal table: each input's best fit and intervals (from its summary), then the combination. */
  public static String render(CombinedScan c, List<ScanInput> inputs) {
    Summary s = summary(c, inputs);
    // one parameter: it is in the title, and a column repeating it cut the 100-column table's other cells
    boolean named = c.names().size() > 1;
    var b = TerminalTable.builder("combined profile likelihood of " + String.join(", ", c.names()))
        .column("input", Align.LEFT);
    if (named) {
      b.column("parameter", Align.LEFT);
    }
    b.column("best fit", Align.DECIMAL).column("68.27 % CL", Align.LEFT).column("90 % CL", Align.LEFT);
    for (Input in : s.inputs()) {
      for (JsonNode p : in.parameters()) {
        row(b, named, in.label() + (in.data().startsWith("Asimov") ? " (Asimov)" : ""), p.path("name").asText(),
            ValueFormat.number(p.path("best").asDouble(Double.NaN), 5), bounds(p.get("interval_68")),
            bounds(p.get("interval_90")));
      }
    }
    StringBuilder bands = new StringBuilder();
    for (Combined p : s.parameters()) {
      row(b, named, "combined (grid)", p.name(), ValueFormat.number(p.best(), 5), ScanOutputs.union(around(
          p.bands68(), p.best())), ScanOutputs.union(around(p.bands90(), p.best())));
      if (p.bands68().size() > 1 || p.bands90().size() > 1) {
        bands.append(p.name()).append(" (combined): more than one band on the grid (").append(ScanOutputs.JSON)
            .append(" parameters)\n  68.27 % CL ").append(ScanOutputs.union(p.bands68())).append("\n  90 % CL    ")
            .append(ScanOutputs.union(p.bands90())).append('\n');
      }
    }
    StringBuilder sb = new StringBuilder(b.build().render()).append(bands);
    sb.append(String.format(Locale.ROOT, "compatibility of the inputs: chi2_PG = %s for %d dof (p = %s)%n",
        ValueFormat.number(c.compatibilityChi2(), 4), c.compatibilityDof(), ValueFormat.pValue(
            c.compatibilityPValue())));
    sb.append("method: ").append(METHOD).append('\n');
    return sb.toString();
  }

  /** A row of the table, with the parameter's name when the table has that column. */
  private static void row(TerminalTable.Builder b, boolean named, String input, String parameter, String best,
      String interval68, String interval90) {
    if (named) {
      b.row(input, parameter, best, interval68, interval90);
    } else {
      b.row(input, best, interval68, interval90);
    }
  }

  /**
   * The band holding {@code best} (the table's cell; the whole set is printed below the table when it has several
   * bands, which a 100-column cell would cut), else all of them.
   */
  static List<GridBands.Band> around(List<GridBands.Band> bands, double best) {
    for (GridBands.Band g : bands) {
      if (g.lower() <= best && best <= g.upper()) {
        return List.of(g);
      }
    }
    return bands;
  }

  private static String bounds(JsonNode b) {
    if (b == null || b.isNull()) {
      return "";
    }
    return "[" + ValueFormat.number(b.path("lower").asDouble(Double.NaN), 5) + ", "
        + ValueFormat.number(b.path("upper").asDouble(Double.NaN), 5) + "]";
  }

  private static int lowestIndex(double[] d) {
    int m = 0;
    for (int k = 0; k < d.length; k++) {
      if (Double.isFinite(d[k]) && !(d[m] <= d[k])) {
        m = k;
      }
    }
    return m;
  }
}
