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
import org.cevns.analysis.pipeline.PoiFit;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.PlotFiles;
import org.jfree.chart.JFreeChart;
import org.cevns.analysis.report.TerminalTable.Align;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.stat.CoverageRunner;
import org.cevns.analysis.stat.SensitivityScan;

/**
 * Outputs of {@code cevns sensitivity} (and of {@code cevns run}): {@value #JSON}, {@value #CSV}
 * ({@code exposure_factor,exposure,z_median,sigma_mu,exposure_unit}; exposure in exposure_unit, POT or kg·d) and
 * {@code plots/sensitivity.{png,svg,pdf}} (Z_median vs
 * exposure, log x, log y when the values span more than a factor 10, 3σ and 5σ lines, the configured exposure marked), plus a terminal table.
 */
public final class SensitivityOutputs {
  public static final String JSON = "sensitivity.json";
  public static final String CSV = "sensitivity.csv";

  private SensitivityOutputs() {}

  /**
   * Writes the outputs into {@code dir}; returns the files written.
   *
   * @param seed the run's seed (for the plot's provenance label)
   */
  public static List<Path> write(SensitivityReport s, String experiment, long seed, Path dir) throws IOException {
    return write(s, experiment, seed, null, dir);
  }

  /**
   * As {@link #write(SensitivityReport, String, long, Path)}, with {@code run} (may be null) written as
   * {@value #JSON}'s {@code provenance} (version, commit, seed, config_sha256 and label, as in {@code cevns run}'s
   * summary).
   */
  public static List<Path> write(SensitivityReport s, String experiment, long seed,
      org.cevns.generator.Provenance run, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    Path json = dir.resolve(JSON);
    Files.writeString(json, Json.MAPPER.writeValueAsString(json(s, experiment, run)) + "\n",
        StandardCharsets.UTF_8);
    out.add(json);
    // the unit of exposure in every row (POT or kg·d): a script reading the CSV alone cannot otherwise tell
    StringBuilder sb = new StringBuilder("exposure_factor,exposure,z_median,sigma_mu,exposure_unit\n");
    for (SensitivityScan.Row r : s.rows()) {
      sb.append(r.exposureFactor()).append(',').append(r.exposureFactor() * s.nominalExposure()).append(',')
          .append(r.zMedian()).append(',').append(r.sigmaMu()).append(',').append(s.exposureUnit()).append('\n');
    }
    Path csv = dir.resolve(CSV);
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    out.add(csv);
    Path plots = dir.resolve(AnalysisOutputs.PLOT_DIR);
    Files.createDirectories(plots);
    out.addAll(PlotFiles.writeAll(plot(s, experiment, seed), plots, "sensitivity"));
    out.addAll(ImpactOutputs.plots(impacts(s), experiment, PlotLabels.of(s, experiment, seed),
        ImpactOutputs.EXPECTED_PREFIX, plots));
    return out;
  }

  /**
   * {@value #JSON}, bound by Jackson (snake_case keys in component order; non-finite numbers as null);
   * {@code templates_warning}: {@link SensitivityReport#templateWarning}, absent when none.
   */
  record SensitivityJson(String experiment,
      @JsonInclude(Include.NON_NULL) java.util.Map<String, String> provenance, String method, String exposureUnit,
      double nominalExposure,
      List<Row> rows, List<ExposureForZ> exposureForZ, List<Precision> expectedPrecision, List<SummaryRecords.Impact> expectedImpacts,
      List<ExposurePrecision> precisionVsExposure,
      @JsonInclude(Include.NON_NULL) @JsonProperty("coverage_68") Coverage coverage68,
      @JsonInclude(Include.NON_NULL) String templatesWarning) {}

  record Row(double exposureFactor, double exposure, double zMedian, double sigmaMu) {}

  /**
   * The exposure at which the median significance reaches z ({@link SensitivityScan#exposureFactorFor}); factor and
   * exposure null (NaN) when outside the scanned exposure factors.
   */
  record ExposureForZ(double z, double exposureFactor, double exposure) {}

  /** The significances of {@code exposure_for_z} and of the terminal line: evidence and discovery. */
  static final double[] Z_TARGETS = {3.0, 5.0};

  /** Where z lies when no two rows bracket it: below the first scanned factor or beyond the last. */
  private static String outside(List<SensitivityScan.Row> rows, double z) {
    if (rows.isEmpty()) {
      return "no exposure scanned";
    }
    SensitivityScan.Row first = rows.get(0);
    return first.zMedian() >= z ? "below the first factor " + ValueFormat.number(first.exposureFactor(), 3)
        : "not reached by factor " + ValueFormat.number(rows.get(rows.size() - 1).exposureFactor(), 3);
  }

  /** {@code exposure_for_z}: for each of {@link #Z_TARGETS}, the interpolated exposure factor and exposure. */
  static List<ExposureForZ> exposureForZ(List<SensitivityScan.Row> rows, double nominalExposure) {
    List<ExposureForZ> out = new ArrayList<>();
    for (double z : Z_TARGETS) {
      double f = SensitivityScan.exposureFactorFor(rows, z).orElse(Double.NaN);
      out.add(new ExposureForZ(z, f, f * nominalExposure));
    }
    return out;
  }

  /**
   * The terminal line under the table: "Z_median = 3 at exposure factor 0.042 (3.6e+21 POT); Z_median = 5 ...",
   * "below the first factor 0.05" or "not reached by factor 10" where no two rows bracket it.
   */
  static String exposureForZLine(List<SensitivityScan.Row> rows, double nominalExposure, String unit) {
    StringBuilder b = new StringBuilder("exposure for");
    String sep = " ";
    for (ExposureForZ e : exposureForZ(rows, nominalExposure)) {
      b.append(sep).append("Z_median = ").append(ValueFormat.number(e.z(), 3)).append(": ");
      b.append(Double.isNaN(e.exposureFactor()) ? outside(rows, e.z())
          : "factor " + ValueFormat.number(e.exposureFactor(), 3) + " (" + ValueFormat.number(e.exposure(), 3) + " "
          + unit + ")");
      sep = "; ";
    }
    return b.append(" (interpolated in ln Z vs ln exposure; analysis.sensitivity.exposure_factors sets the scan)\n")
        .toString();
  }

  @JsonInclude(Include.NON_NULL)
  record Precision(String name, double nominal, double minus, double plus, double relative, String problem) {}

  @JsonInclude(Include.NON_NULL)
  record ExposurePrecision(String name, double exposureFactor, double exposure, double nominal, double minus,
      double plus, double relative, String problem) {}

  record Coverage(int toys, int failed, double coverage, double coverageError, double muHatMean,
      double muHatMeanError, double muHatStd) {}

  static SensitivityJson json(SensitivityReport s, String experiment, org.cevns.generator.Provenance run) {
    List<Row> rows = new ArrayList<>();
    for (SensitivityScan.Row r : s.rows()) {
      rows.add(new Row(r.exposureFactor(), r.exposureFactor() * s.nominalExposure(), r.zMedian(), r.sigmaMu()));
    }
    List<Precision> expected = new ArrayList<>();
    for (PoiFit p : s.expected()) {
      expected.add(new Precision(p.name(), p.nominal(),
          p.interval68().map(i -> p.best() - i.lower()).orElse(Double.NaN),
          p.interval68().map(i -> i.upper() - p.best()).orElse(Double.NaN),
          p.interval68().map(i -> 0.5 * (i.upper() - i.lower()) / p.nominal()).orElse(Double.NaN),
          p.problem().orElse(null)));
    }
    List<ExposurePrecision> vs = new ArrayList<>();
    for (SensitivityReport.Precision p : s.precisionVsExposure()) {
      vs.add(new ExposurePrecision(p.name(), p.exposureFactor(), p.exposureFactor() * s.nominalExposure(),
          p.nominal(), p.minus(), p.plus(), 0.5 * (p.minus() + p.plus()) / p.nominal(), p.problem().orElse(null)));
    }
    Coverage coverage = s.coverage().map(c -> new Coverage(c.nToys(), c.nFailed(), c.coverage(),
        c.coverageError(), c.muHatMean(), c.muHatMeanError(), c.muHatStd())).orElse(null);
    return new SensitivityJson(experiment, run == null ? null : SummaryJson.provenance(run),
        "Asimov dataset at mu = 1 (Cowan et al. 2011)", s.exposureUnit(),
        s.nominalExposure(), rows, exposureForZ(s.rows(), s.nominalExposure()), expected, SummaryRecords.Impact.of(impacts(s)), vs, coverage,
        s.templateWarning().orElse(null));
  }

  /** The expected (Asimov) impact breakdowns of the parameters of interest, μ first. */
  static List<org.cevns.analysis.fit.GroupImpacts> impacts(SensitivityReport s) {
    return s.expected().stream().flatMap(p -> p.impacts().stream()).toList();
  }

  static JFreeChart plot(SensitivityReport s, String experiment, long seed) {
    int n = s.rows().size();
    double[] x = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = s.rows().get(i).exposureFactor() * s.nominalExposure();
      z[i] = s.rows().get(i).zMedian();
    }
    return AnalysisPlots.sensitivity().title(experiment + ": median expected significance (Asimov, \u03bc = 1)")
        .provenance(PlotLabels.of(s, experiment, seed))
        .xLabel("Exposure [" + s.exposureUnit() + "]").curve("Median Z (Asimov)", x, z)
        .mark("configured", s.nominalExposure()).logX(true).build();
  }

  /** A table of expected (or measured) precisions: parameter, nominal, −, +, relative. */
  public static String precision(List<org.cevns.analysis.pipeline.PoiFit> fits, String title) {
    if (fits.isEmpty()) {
      return "";
    }
    var b = TerminalTable.builder(title).column("parameter", Align.LEFT).column("nominal", Align.DECIMAL)
        .column("best fit", Align.DECIMAL).column("\u2212", Align.DECIMAL).column("+", Align.DECIMAL).column("relative", Align.DECIMAL);
    boolean cut = false;
    for (org.cevns.analysis.pipeline.PoiFit p : fits) {
      double minus = p.interval68().map(i -> p.best() - i.lower()).orElse(Double.NaN);
      double plus = p.interval68().map(i -> i.upper() - p.best()).orElse(Double.NaN);
      boolean lo = p.interval68().map(org.cevns.analysis.fit.Interval::lowerAtBound).orElse(false);
      boolean hi = p.interval68().map(org.cevns.analysis.fit.Interval::upperAtBound).orElse(false);
      cut |= lo || hi;
      b.row(p.name(), ValueFormat.number(p.nominal(), 5), ValueFormat.number(p.best(), 5),
          (lo ? CUT : "") + ValueFormat.number(minus, 3), (hi ? CUT : "") + ValueFormat.number(plus, 3),
          relative(0.5 * (minus + plus), p.nominal(), lo || hi));
    }
    return b.build().render() + (cut ? CUT_NOTE : "");
  }

  /**
   * The relative precision half-width/nominal, {@link #NO_RELATIVE} where the nominal value is 0 (every
   * new-physics parameter at the Standard Model, where it printed "inf"; sensitivity.json has null there).
   */
  static String relative(double halfWidth, double nominal, boolean cut) {
    double r = halfWidth / nominal;
    if (nominal == 0 || !Double.isFinite(r)) {
      return NO_RELATIVE;
    }
    return (cut ? CUT : "") + ValueFormat.number(r, 3);
  }

  /** The relative column of a parameter without one (nominal 0). */
  static final String NO_RELATIVE = "–";

  /** Marks a half-width whose interval end is the parameter's bound: the half-width is a lower limit. */
  static final String CUT = "> ";
  /** The line under a precision table with a {@link #CUT} mark. */
  static final String CUT_NOTE = "> : the interval ends at the parameter's range (q below its level there), so that"
      + " half-width is a lower limit\n";

  /**
   * The line under a fit table (best fit and intervals of a parameter of interest) in which an interval ends at the
   * parameter's range: such an interval, printed as [lower, upper], is marked {@link #CUT} before it, and a
   * half-width to such an end (run's "+0.38 -0.31") as "-(&gt; 0.31)".
   */
  public static final String INTERVAL_CUT_NOTE = "> : the interval ends at the parameter's range (q below its level"
      + " there): that end is the range's bound, and the half-width to it a lower limit\n";

  /** True if {@code i} ends at its parameter's range on either side. */
  public static boolean atBound(org.cevns.analysis.fit.Interval i) {
    return i.lowerAtBound() || i.upperAtBound();
  }

  /** {@link #CUT} if {@code i} ends at its parameter's range on either side, else "". */
  public static String cut(org.cevns.analysis.fit.Interval i) {
    return atBound(i) ? CUT : "";
  }

  /** The one-screen table. */
  public static String render(SensitivityReport s, String experiment) {
    var b = TerminalTable.builder(experiment + ": median expected sensitivity (Asimov, \u03bc = 1)")
        .column("exposure factor", Align.DECIMAL).column("exposure [" + s.exposureUnit() + "]", Align.DECIMAL)
        .column("Z_median", Align.DECIMAL).column("\u03c3_\u03bc", Align.DECIMAL);
    for (SensitivityScan.Row r : s.rows()) {
      b.row(ValueFormat.number(r.exposureFactor(), 3), ValueFormat.number(r.exposureFactor() * s.nominalExposure(), 3),
          ValueFormat.number(r.zMedian(), 3), ValueFormat.number(r.sigmaMu(), 3));
    }
    String text = b.build().render();
    text += exposureForZLine(s.rows(), s.nominalExposure(), s.exposureUnit());
    text += precision(s.expected(), experiment + ": expected 68.27 % CL precision at the configured exposure"
        + " (Asimov, systematics included)");
    text += ImpactOutputs.table(impacts(s), experiment + ": expected impact of each group of nuisances on the"
        + " 68.27 % CL half-widths, \u2212 / + (Asimov; quadrature subtraction)");
    if (!s.precisionVsExposure().isEmpty()) {
      var v = TerminalTable.builder(experiment + ": expected 68.27 % CL precision vs exposure (Asimov, with"
          + " systematics; > : interval cut by the parameter's range)").column("parameter", Align.LEFT)
          .column("exposure factor", Align.DECIMAL).column("nominal", Align.DECIMAL).column("\u2212", Align.DECIMAL)
          .column("+", Align.DECIMAL).column("relative", Align.DECIMAL);
      for (org.cevns.analysis.pipeline.SensitivityReport.Precision p : s.precisionVsExposure()) {
        v.row(p.name(), ValueFormat.number(p.exposureFactor(), 3), ValueFormat.number(p.nominal(), 5),
            ValueFormat.number(p.minus(), 3), ValueFormat.number(p.plus(), 3),
            relative(0.5 * (p.minus() + p.plus()), p.nominal(), p.problem().isPresent()));
      }
      text += v.build().render();
    }
    if (s.coverage().isPresent()) {
      CoverageRunner.Result c = s.coverage().get();
      text += String.format(Locale.ROOT, "coverage of the 68.27 %% interval at the configured exposure: %s "
          + "(%d toys, %d failed); mean mu-hat %s%n", ValueFormat.withUncertainty(c.coverage(), c.coverageError()),
          c.nToys(), c.nFailed(), ValueFormat.withUncertainty(c.muHatMean(), c.muHatMeanError()));
    }
    return text;
  }
}
