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
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.pipeline.GridBands;
import org.cevns.analysis.pipeline.NuisanceReport;
import org.cevns.analysis.pipeline.PoiScan;
import org.cevns.analysis.pipeline.ToyCalibration;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.ContourPlotBuilder;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.PullPlotBuilder;
import org.cevns.analysis.report.TerminalTable.Align;
import org.jfree.chart.JFreeChart;
import org.cevns.analysis.plot.ValueFormat;

/**
 * Outputs of {@code cevns scan} and {@code cevns fit}: {@value #CSV} (one row per point, a column per POI and
 * {@code delta_chi2} = −2Δln L; with {@code --toys} the toy-calibrated critical values {@link #TOY_COLUMNS}),
 * {@value #JSON} ({@code fit.parameters} with best fit and Wilks intervals, {@code fit.nuisances} with pulls and
 * constraints, {@code fit.impacts} with the impact breakdown of each POI's 68.27 % half-widths, the contour levels, {@code grid_bands}
 * with every band of a 1D scan's confidence sets read from the grid ({@link GridBands}), {@code toys} with the
 * toy-calibrated intervals and bands of a 1D scan), and plots (1D profile
 * or 2D contours, toy-calibrated ones dashed; pulls and impacts) as PNG and SVG.
 */
public final class ScanOutputs {
  /** The scan table. */
  public static final String CSV = "scan.csv";
  /** The summary. */
  public static final String JSON = "summary.json";

  private ScanOutputs() {}

  /**
   * Writes the outputs into {@code dir}; returns the files written. Every plot carries {@code provenance} under its
   * title ({@link #label}; "" for none); the CSV and JSON do not depend on it.
   */
  public static List<Path> write(PoiScan s, String experiment, String provenance, Path dir) throws IOException {
    return write(s, experiment, provenance, null, dir);
  }

  /**
   * As {@link #write(PoiScan, String, String, Path)}, with {@code run} (may be null) written as {@value #JSON}'s
   * {@code provenance} (version, commit, seed, config_sha256 and label, as in {@code cevns run}'s summary).
   */
  public static List<Path> write(PoiScan s, String experiment, String provenance, org.cevns.generator.Provenance run,
      Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    if (s.deltaChi2().length > 0) {
      Path csv = dir.resolve(CSV);
      Files.writeString(csv, csv(s), StandardCharsets.UTF_8);
      out.add(csv);
    }
    Path json = dir.resolve(JSON);
    Files.writeString(json, Json.MAPPER.writeValueAsString(json(s, experiment, run)) + "\n",
        StandardCharsets.UTF_8);
    out.add(json);
    Path plots = dir.resolve(AnalysisOutputs.PLOT_DIR);
    Files.createDirectories(plots);
    if (s.deltaChi2().length > 0) {
      out.addAll(PlotFiles.writeAll(plot(s, experiment, provenance), plots, s.names().size() == 1 ? "profile_" + s.names().get(0)
          : "contour_" + s.names().get(0) + "_" + s.names().get(1)));
    }
    out.addAll(NuisancePlots.write(s.nuisances(), experiment, provenance, plots));
    out.addAll(ImpactOutputs.plots(s.impacts(), experiment, provenance, s.asimov() ? ImpactOutputs.EXPECTED_PREFIX
        : ImpactOutputs.FIT_PREFIX, plots));
    return out;
  }

  /**
   * The provenance label of the plots of a fit or scan ({@link PlotLabels}, as those of {@code cevns run} and
   * {@code analyze}): the exposure of the data ({@code exposure}; the configured one for the Asimov dataset) over
   * {@code detectors}, the template simulation's {@code seed}, and "measured data" for imported files.
   */
  public static String label(String experiment, RunExposure exposure, List<String> detectors, long seed,
      boolean measured) {
    return PlotLabels.of(experiment, exposure, detectors, seed, measured);
  }

  /** Columns of the toy calibration ({@code --toys}), after {@code delta_chi2}. */
  public static final List<String> TOY_COLUMNS = List.of("toy_crit_68", "toy_crit_68_err", "toy_crit_90",
      "toy_crit_90_err", "toy_crit_95", "toy_crit_95_err", "toy_p_value", "toys_used");

  static String csv(PoiScan s) {
    StringBuilder sb = new StringBuilder(String.join(",", s.names())).append(",delta_chi2");
    s.toys().ifPresent(t -> sb.append(',').append(String.join(",", TOY_COLUMNS)));
    sb.append('\n');
    double[] x = s.grids().get(0);
    if (s.names().size() == 1) {
      for (int i = 0; i < x.length; i++) {
        sb.append(x[i]).append(',').append(s.deltaChi2()[i]);
        toyCells(sb, s, i);
      }
    } else {
      double[] y = s.grids().get(1);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < y.length; j++) {
          sb.append(x[i]).append(',').append(y[j]).append(',').append(s.deltaChi2()[i * y.length + j]);
          toyCells(sb, s, i * y.length + j);
        }
      }
    }
    return sb.toString();
  }

  /** The toy-calibration cells of point {@code k} (if any) and the end of the row. */
  private static void toyCells(StringBuilder sb, PoiScan s, int k) {
    if (s.toys().isPresent()) {
      ToyCalibration.Point p = s.toys().get().points().get(k);
      for (int l = 0; l < ToyCalibration.CLS.length; l++) {
        sb.append(',').append(p.critical()[l]).append(',').append(p.errors()[l]);
      }
      sb.append(',').append(p.pValue()).append(',').append(p.used());
    }
    sb.append('\n');
  }

  /**
   * {@code summary.json}, bound by Jackson (snake_case keys in component order; non-finite numbers as null);
   * {@code templates_warning}: {@link PoiScan#templateWarning}, absent when none.
   */
  @JsonInclude(Include.NON_NULL)
  record ScanJson(String experiment, java.util.Map<String, String> provenance, String data, ScanFit fit,
      Levels levels, Integer points, String csv,
      List<PoiBands> gridBands, Toys toys, String templatesWarning) {}

  /**
   * The confidence sets of a 1D scan read from its grid at each level ({@link GridBands}): a union of bands
   * where the profile has more than one minimum.
   */
  record PoiBands(String name, @JsonProperty("bands_68") List<GridBands.Band> bands68,
      @JsonProperty("bands_90") List<GridBands.Band> bands90,
      @JsonProperty("bands_95") List<GridBands.Band> bands95) {

    /** Bands of every level, one row per level (Wilks: a constant; toys: per point). */
    static PoiBands of(String name, double[] x, double[] deltaChi2, double[][] critical) {
      return new PoiBands(name, GridBands.of(x, deltaChi2, critical[0]), GridBands.of(x, deltaChi2, critical[1]),
          GridBands.of(x, deltaChi2, critical[2]));
    }
  }

  /** Wilks' 1-dof levels at 68.27, 90 and 95 % CL. */
  private static final double[] WILKS_1D = {1.0, 2.705543454095404, 3.841458820694124};

  /** The Wilks bands of a 1D scan with a grid (null otherwise). */
  static List<PoiBands> wilksBands(PoiScan s) {
    if (s.names().size() != 1 || s.deltaChi2().length == 0) {
      return null;
    }
    double[] x = s.grids().get(0);
    double[][] c = new double[WILKS_1D.length][x.length];
    for (int l = 0; l < c.length; l++) {
      java.util.Arrays.fill(c[l], WILKS_1D[l]);
    }
    return List.of(PoiBands.of(s.names().get(0), x, s.deltaChi2(), c));
  }

  /**
   * The toy calibration: its settings and, for a 1D scan, the toy-calibrated intervals read from the grid (the
   * critical values per point are in the CSV).
   */
  @JsonInclude(Include.NON_NULL)
  record Toys(String method, int toysPerPoint, long seed, int minUsed, List<ToyInterval> parameters,
      List<PoiBands> gridBands) {}

  record ToyInterval(String name, @JsonProperty("interval_68") SummaryRecords.Bounds interval68,
      @JsonProperty("interval_90") SummaryRecords.Bounds interval90,
      @JsonProperty("interval_95") SummaryRecords.Bounds interval95) {}

  static Toys toys(PoiScan s) {
    if (s.toys().isEmpty()) {
      return null;
    }
    ToyCalibration.Result t = s.toys().get();
    List<ToyInterval> intervals = null;
    List<PoiBands> bands = null;
    if (s.names().size() == 1) {
      double[][] c = new double[ToyCalibration.CLS.length][];
      for (int l = 0; l < c.length; l++) {
        c[l] = t.critical(l);
      }
      bands = List.of(PoiBands.of(s.names().get(0), s.grids().get(0), s.deltaChi2(), c));
      SummaryRecords.Bounds[] b = new SummaryRecords.Bounds[ToyCalibration.CLS.length];
      for (int l = 0; l < b.length; l++) {
        double[] i = ToyCalibration.interval1d(s.grids().get(0), s.deltaChi2(), t.critical(l), s.bestValues()[0]);
        b[l] = new SummaryRecords.Bounds(i[0], i[1]);
      }
      intervals = List.of(new ToyInterval(s.names().get(0), b[0], b[1], b[2]));
    }
    int minUsed = t.points().stream().mapToInt(ToyCalibration.Point::used).min().orElse(0);
    return new Toys("toy-calibrated (Neyman construction with the profile-likelihood ratio; nuisances at the"
        + " conditional fit of the data at each point; critical values in " + CSV + "; intervals read from the grid)",
        t.settings().toys(), t.settings().seed(), minUsed, intervals, bands);
  }

  /**
   * The fit's parameters: {@code parameters} the POIs, {@code profiled} every other parameter varied in the fits
   * (nuisances, background normalisations), {@code held} those kept at a value (μ at 1 unless it is a POI).
   */
  record ScanFit(List<SummaryRecords.Poi> parameters, List<String> profiled, java.util.Map<String, Double> held,
      List<SummaryRecords.Nuisance> nuisances,
      List<SummaryRecords.Impact> impacts, double deviance, boolean converged,
      @JsonInclude(Include.NON_NULL) String multimodality) {}

  record Levels(String method, @JsonProperty("cl_68") double cl68, @JsonProperty("cl_90") double cl90,
      @JsonProperty("cl_95") double cl95) {}

  static ScanJson json(PoiScan s, String experiment, org.cevns.generator.Provenance run) {
    List<SummaryRecords.Poi> params = new ArrayList<>();
    for (int a = 0; a < s.names().size(); a++) {
      SummaryRecords.Bounds i68 = null;
      SummaryRecords.Bounds i90 = null;
      if (a < s.intervals().size() && s.intervals().get(a).isPresent()) {
        Interval[] i = s.intervals().get(a).get();
        i68 = SummaryRecords.Bounds.of(i[0]);
        i90 = SummaryRecords.Bounds.of(i[1]);
      }
      params.add(new SummaryRecords.Poi(s.names().get(a), s.bestValues()[a], null, i68, i90, null));
    }
    List<String> profiled = new ArrayList<>();
    java.util.Map<String, Double> held = new java.util.LinkedHashMap<>();
    boolean[] floating = s.best().floating();
    double[] values = s.best().parameters();
    for (int k = 0; k < floating.length; k++) {
      String n = s.best().names().get(k);
      if (!floating[k]) {
        held.put(n, values[k]);
      } else if (!s.names().contains(n)) {
        profiled.add(n);
      }
    }
    ScanFit fit = new ScanFit(params, profiled, held, SummaryRecords.Nuisance.of(s.nuisances()),
        SummaryRecords.Impact.of(s.impacts()), s.best().deviance(), s.best().converged(),
        s.multimodality().map(org.cevns.analysis.fit.Multimodality::message).orElse(null));
    String method = "Wilks (asymptotic chi2 with " + s.names().size() + " dof)";
    Levels levels = s.names().size() == 1 ? new Levels(method, WILKS_1D[0], WILKS_1D[1], WILKS_1D[2])
        : new Levels(method, PoiScan.DELTA_2D[0], PoiScan.DELTA_2D[1], PoiScan.DELTA_2D[2]);
    boolean points = s.deltaChi2().length > 0;
    return new ScanJson(experiment, run == null ? null : SummaryJson.provenance(run),
        s.asimov() ? "Asimov dataset at the nominal parameters" : "event files", fit,
        levels, points ? s.deltaChi2().length : null, points ? CSV : null, wilksBands(s), toys(s),
        s.templateWarning().orElse(null));
  }

  static JFreeChart plot(PoiScan s, String experiment, String provenance) {
    if (s.names().size() == 1) {
      String n = s.names().get(0);
      var b = AnalysisPlots.profile().title(experiment + ": profile likelihood of " + n).provenance(provenance).xLabel(n)
          .curve(s.grids().get(0), s.deltaChi2()).bestFit(s.bestValues()[0]).levels(0.6826894921370859, 0.90)
          .logX(s.logGrids().get(0));
      s.toys().ifPresent(t -> {
        b.criticalCurve("68.3 % CL, toys", t.critical(0));
        b.criticalCurve("90 % CL, toys", t.critical(1));
      });
      return b.build();
    }
    ContourPlotBuilder c = ContourPlotBuilder.create()
        .title(experiment + ": " + s.names().get(0) + " vs " + s.names().get(1) + " (profile likelihood)")
        .provenance(provenance)
        .labels(s.names().get(0), s.names().get(1)).grid(s.grids().get(0), s.grids().get(1), s.deltaChi2())
        .log(s.logGrids().get(0), s.logGrids().get(1))
        .level("68.27 % CL", PoiScan.DELTA_2D[0]).level("90 % CL", PoiScan.DELTA_2D[1])
        .level("95 % CL", PoiScan.DELTA_2D[2]).bestFit(s.bestValues()[0], s.bestValues()[1]);
    s.toys().ifPresent(t -> c.criticalLevel("68.27 % CL, toys", t.critical(0)).criticalLevel("90 % CL, toys",
        t.critical(1)).criticalLevel("95 % CL, toys", t.critical(2)));
    return c.build();
  }

  /** The terminal table: best fit and intervals of every POI. */
  public static String render(PoiScan s, String experiment) {
    var b = TerminalTable.builder(experiment + ": profile-likelihood fit" + (s.asimov() ? " (Asimov)" : ""))
        .column("parameter", Align.LEFT).column("best fit", Align.DECIMAL).column("68.27 % CL", Align.LEFT)
        .column("90 % CL", Align.LEFT);
    boolean cut = false;
    boolean widen = false;
    for (int a = 0; a < s.names().size(); a++) {
      String i68 = "";
      String i90 = "";
      if (a < s.intervals().size() && s.intervals().get(a).isPresent()) {
        Interval[] i = s.intervals().get(a).get();
        i68 = String.format(Locale.ROOT, "%s[%s, %s]", SensitivityOutputs.cut(i[0]), ValueFormat.number(i[0].lower(), 5),
            ValueFormat.number(i[0].upper(), 5));
        i90 = String.format(Locale.ROOT, "%s[%s, %s]", SensitivityOutputs.cut(i[1]), ValueFormat.number(i[1].lower(), 5),
            ValueFormat.number(i[1].upper(), 5));
        boolean at = SensitivityOutputs.atBound(i[0]) || SensitivityOutputs.atBound(i[1]);
        cut |= at;
        widen |= at && widens(s.names().get(a));
      }
      b.row(s.names().get(a), ValueFormat.number(s.bestValues()[a], 5), i68, i90);
    }
    Toys t = toys(s);
    boolean open = false;
    if (t != null && t.parameters() != null) {
      for (int k = 0; k < t.parameters().size(); k++) {
        ToyInterval i = t.parameters().get(k);
        PoiBands g = t.gridBands().get(k);
        String i68 = toyBounds(i.interval68(), g.bands68());
        String i90 = toyBounds(i.interval90(), g.bands90());
        open |= i68.contains("...") || i90.contains("...");
        b.row(i.name() + " (toys, grid)", ValueFormat.number(s.bestValues()[0], 5), i68, i90);
      }
    }
    StringBuilder bands = new StringBuilder();
    List<PoiBands> wilks = wilksBands(s);
    if (wilks != null) {
      for (PoiBands p : wilks) {
        if (p.bands68().size() > 1 || p.bands90().size() > 1) {
          bands.append(p.name()).append(": more than one band on the grid (").append(JSON).append(" grid_bands)\n")
              .append("  68.27 % CL ").append(union(p.bands68())).append('\n')
              .append("  90 % CL    ").append(union(p.bands90())).append('\n');
        }
      }
    }
    s.multimodality().ifPresent(m -> bands.append(m.message()).append('\n'));
    return b.build().render() + (cut ? SensitivityOutputs.INTERVAL_CUT_NOTE : "") + (widen ? WIDEN_NOTE : "") + (open ? TOY_OPEN_NOTE : "") + bands
        + ImpactOutputs.table(s.impacts(), "Impact of each group of nuisances on the 68.27 % CL"
        + " half-widths, \u2212 / + (quadrature subtraction)");
  }

  /** Bands as a union, e.g. {@code [-0.062, 0.085] ∪ [0.32, 0.47]}, an open end marked {@code ...}. */
  static String union(List<GridBands.Band> bands) {
    if (bands.isEmpty()) {
      return "(none on the grid)";
    }
    List<String> parts = new ArrayList<>();
    for (GridBands.Band g : bands) {
      parts.add(String.format(Locale.ROOT, "[%s%s, %s%s]", g.lowerOpen() ? "..." : "", ValueFormat.number(g.lower(), 5),
          ValueFormat.number(g.upper(), 5), g.upperOpen() ? "..." : ""));
    }
    return String.join(" \u222a ", parts);
  }

  /** The hint under an interval of sin²θ_W or a radius cut by its default range. */
  static final String WIDEN_NOTE = "  (sin2_theta_w, rn_fm.*, rp_fm.*: a scan whose grid goes beyond the range widens it,"
      + " e.g. --poi rn_fm.Cs133=3:9:13)\n";

  private static boolean widens(String name) {
    return name.equals("sin2_theta_w") || name.startsWith("rn_fm.") || name.startsWith("rp_fm.");
  }

  /** The note under a toy-calibrated interval with an end at the grid's first or last point. */
  static final String TOY_OPEN_NOTE = "... : the toy-calibrated interval reaches the end of the grid there: it may"
      + " extend beyond it (widen the grid)\n";

  /**
   * A toy-calibrated interval read from the grid, an end marked {@code ...} where its band reaches the grid's first
   * or last point (grid_bands' lower_open/upper_open): the interval may go on beyond the grid. Until 2026-12-06
   * the row printed such an end as a plain number, e.g. R_n(Ar40) "[2.04, 2.91]" on a grid starting at 2.04.
   */
  static String toyBounds(SummaryRecords.Bounds b, List<GridBands.Band> bands) {
    boolean lo = bands.stream().anyMatch(g -> g.lowerOpen() && g.lower() == b.lower());
    boolean hi = bands.stream().anyMatch(g -> g.upperOpen() && g.upper() == b.upper());
    return String.format(Locale.ROOT, "[%s%s, %s%s]", lo ? "..." : "", ValueFormat.number(b.lower(), 5),
        ValueFormat.number(b.upper(), 5), hi ? "..." : "");
  }

  /** Pulls/constraints plot and impact ranking of a nuisance report. */
  static final class NuisancePlots {
    private NuisancePlots() {}

    /** The pull and impact plots, labelled with {@code provenance} ("" for none) under the title. */
    static List<Path> write(NuisanceReport r, String experiment, String provenance, Path plots) throws IOException {
      List<Path> out = new ArrayList<>();
      if (r.entries().isEmpty()) {
        return out;
      }
      List<JFreeChart> c = charts(r, experiment, provenance);
      out.addAll(PlotFiles.writeAll(c.get(0), plots, "pulls"));
      out.addAll(PlotFiles.writeAll(c.get(1), plots, "impacts"));
      return out;
    }

    /** The pull chart and the impact chart of {@code r}. */
    static List<JFreeChart> charts(NuisanceReport r, String experiment, String provenance) {
      PullPlotBuilder pulls = PullPlotBuilder.create().title(experiment + ": nuisance pulls and constraints")
          .provenance(provenance);
      PullPlotBuilder impacts = PullPlotBuilder.create().title(experiment + ": impact of each systematic on \u03bc")
          .provenance(provenance).impacts("\u03bc");
      for (var e : r.entries()) {
        pulls.add(e.name(), e.pull(), e.constraint());
        impacts.add(e.name(), e.impactUp(), e.impactDown());
      }
      return List.of(pulls.build(), impacts.build());
    }
  }
}
