package org.cevns.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.stat.ToySummary;
import org.cevns.events.CevnsVersion;

/**
 * Outputs of the toy summary: {@code toys.json} (with {@code parameters}: coverage, mean, spread and median
 * interval of every physics POI of the table) and the distributions of μ̂, Z and each POI's best fit
 * ({@code plots/toys-NAME}) as PNG, SVG and PDF, with a provenance label.
 */
public final class ToyOutputs {
  /** Summary file name. */
  public static final String JSON = "toys.json";

  private ToyOutputs() {}

  /** The summary of a toy table read by {@link ToyTable#read}. */
  public static ToySummary summarise(ToyTable.Columns t) {
    return ToySummary.of(t.get("mu_true")[0], t.get("mu_hat"), t.get("covered_68"), t.get("converged"), t.get("z"));
  }

  /**
   * The summaries of the physics POIs of a toy table: one per {@code NAME_true} column other than {@code mu_true}
   * (the columns of {@link org.cevns.analysis.stat.ToyStudy#POI_SUFFIXES}), in column order.
   */
  public static List<ToySummary.Poi> summarisePois(ToyTable.Columns t) {
    List<ToySummary.Poi> out = new ArrayList<>();
    for (String n : t.names()) {
      if (n.endsWith("_true") && !n.equals("mu_true") && !n.startsWith("fit.") && !n.startsWith("pull.")) {
        String p = n.substring(0, n.length() - "_true".length());
        out.add(ToySummary.Poi.of(p, t.get(n)[0], t.get(p + "_hat"), t.get(p + "_lower_68"), t.get(p + "_upper_68"),
            t.get(p + "_covered_68"), t.get(p + "_converged")));
      }
    }
    return out;
  }

  /** Writes the summary and the plots into {@code dir}; returns the files. */
  public static List<Path> write(ToySummary s, ToyTable.Columns t, String experiment, Path dir) throws IOException {
    return write(s, t, experiment, dir, java.util.Optional.empty());
  }

  /** The observed result of the data among the toys of table {@code t}. */
  public static ToySummary.Observed observed(ToyTable.Columns t, double muHat, double z) {
    return ToySummary.Observed.of(muHat, z, t.get("mu_hat"), t.get("converged"), t.get("z"));
  }

  /**
   * Writes the summary and the plots into {@code dir}, with the observed result ({@code cevns analyze}): then
   * {@code toys.json} gains {@code observed.mu_hat}, {@code observed.z}, {@code observed.mu_hat_quantile},
   * {@code observed.z_quantile}, and the plots mark the observed values.
   */
  public static List<Path> write(ToySummary s, ToyTable.Columns t, String experiment, Path dir,
      java.util.Optional<ToySummary.Observed> observed) throws IOException {
    // provenance label of the plots: the toys come from many runs, their seeds are in the toy result files
    String label = experiment + "  \u00b7  cevns " + CevnsVersion.get() + " simulation  \u00b7  " + s.toys()
        + " toy experiments (seeds in the toy result files)";
    Files.createDirectories(dir.resolve("plots"));
    List<Path> out = new ArrayList<>();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", experiment);
    m.put("toys", s.toys());
    m.put("converged", s.converged());
    m.put("mu_true", s.muTrue());
    m.put("coverage_68", s.coverage68());
    m.put("coverage_68_error", s.coverage68Error());
    m.put("mu_hat_mean", s.muHatMean());
    m.put("mu_hat_std", s.muHatStd());
    m.put("z_quantile_levels", ToySummary.QUANTILES);
    m.put("z_quantiles", s.zQuantiles());
    m.put("median_z", s.medianZ());
    m.put("fraction_z_ge_3", s.fractionZ3());
    m.put("fraction_z_ge_5", s.fractionZ5());
    List<ToySummary.Poi> pois = summarisePois(t);
    List<Map<String, Object>> params = new ArrayList<>();
    for (ToySummary.Poi p : pois) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", p.name());
      e.put("true", p.truth());
      e.put("converged", p.converged());
      e.put("coverage_68", p.coverage68());
      e.put("coverage_68_error", p.coverage68Error());
      e.put("mean", p.mean());
      e.put("std", p.std());
      e.put("median_minus_68", p.medianMinus());
      e.put("median_plus_68", p.medianPlus());
      params.add(e);
    }
    m.put("parameters", params);
    observed.ifPresent(o -> {
      Map<String, Object> ob = new LinkedHashMap<>();
      ob.put("mu_hat", o.muHat());
      ob.put("z", o.z());
      ob.put("mu_hat_quantile", o.muHatQuantile());
      ob.put("z_quantile", o.zQuantile());
      m.put("observed", ob);
    });
    // the toys' templates held too few simulated events (cevns toys warned; absent otherwise)
    t.templateWarning().ifPresent(w -> m.put("templates_warning", w));
    Path json = dir.resolve(JSON);
    Files.writeString(json, Json.MAPPER.writeValueAsString(m) + "\n");
    out.add(json);
    out.addAll(histogram(t.get("mu_hat"), "\u03bc\u0302", observed.map(ToySummary.Observed::muHat).orElse(s.muTrue()),
        observed.isPresent() ? "observed" : "\u03bc true", experiment, label, dir, "toys-mu"));
    out.addAll(histogram(t.get("z"), "Z = \u221aq0 [\u03c3]", observed.map(ToySummary.Observed::z).orElse(s.medianZ()),
        observed.isPresent() ? "observed" : "median", experiment, label, dir, "toys-z"));
    for (ToySummary.Poi p : pois) {
      out.addAll(histogram(t.get(p.name() + "_hat"), p.name() + " best fit", p.truth(), "true value", experiment,
          label, dir, "toys-" + p.name().replaceAll("[^A-Za-z0-9_.-]", "_")));
    }
    return out;
  }

  private static List<Path> histogram(double[] v, String xLabel, double mark, String markName, String experiment,
      String provenance, Path dir, String name) throws IOException {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (Double.isFinite(x)) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    int bins = (int) Math.max(10, Math.min(60, Math.round(Math.sqrt(v.length))));
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + (hi - lo) * i / bins;
    }
    double[] counts = new double[bins];
    for (double x : v) {
      if (Double.isFinite(x)) {
        counts[Math.min(bins - 1, (int) ((x - lo) / (hi - lo) * bins))]++;
      }
    }
    var chart = AnalysisPlots.distribution().title(experiment + ": " + xLabel + " of " + v.length + " toy experiments")
        .provenance(provenance).xLabel(xLabel).histogram(v.length + " toys", edges, counts).mark(markName, mark).build();
    return PlotFiles.writeAll(chart, dir.resolve("plots"), name);
  }

  /** The observed result among the toys as terminal text (one line). */
  public static String renderObserved(ToySummary.Observed o) {
    return String.format(Locale.ROOT, "  observed: mu_hat = %.4f (quantile %.3f of the toys), Z = %.3f sigma"
        + " (quantile %.3f)%n", o.muHat(), o.muHatQuantile(), o.z(), o.zQuantile());
  }

  /** The summaries of the physics POIs as terminal text (one line each; empty without POIs). */
  public static String renderPois(List<ToySummary.Poi> pois) {
    StringBuilder b = new StringBuilder();
    for (ToySummary.Poi p : pois) {
      b.append(String.format(Locale.ROOT, "  %s (true %.6g): coverage of the 68.27 %% interval %.4f +- %.4f (%d"
          + " converged); best fit mean %.6g +- %.2g, standard deviation %.4g; median interval -%.4g/+%.4g%n",
          p.name(), p.truth(), p.coverage68(), p.coverage68Error(), p.converged(), p.mean(),
          p.converged() > 1 ? p.std() / Math.sqrt(p.converged()) : Double.NaN, p.std(), p.medianMinus(),
          p.medianPlus()));
    }
    return b.toString();
  }

  /**
   * Fewest toys expected beyond each end of a significance band for the band to be quoted without a caveat: with
   * fewer the band's ends are (nearly) the extreme toys, e.g. the ±2σ band of 40 toys (0.9 toys beyond each end).
   */
  static final double MIN_TOYS_BEYOND_BAND = 5;

  /**
   * The summary as terminal text. Means and medians carry their statistical errors: μ̂'s mean σ/√n, the median Z
   * √(π/2)·σ_Z/√n (the standard error of a sample median, σ_Z the half-width of the ±1σ band); a band with fewer
   * than {@value #MIN_TOYS_BEYOND_BAND} toys expected beyond each end says so and how many toys it needs. Before,
   * 40 toys printed "mu_hat: mean 0.9562" and "median expected significance: 11.038 sigma, … +-2 sigma band
   * [8.960, 13.039]" as if exact (errors 0.023 and 0.19; the ±2σ band was the extreme toys).
   */
  public static String render(ToySummary s, String experiment) {
    double[] q = s.zQuantiles();
    double meanError = s.converged() > 1 ? s.muHatStd() / Math.sqrt(s.converged()) : Double.NaN;
    double medianError = Math.sqrt(Math.PI / 2) * (q[3] - q[1]) / 2 / Math.sqrt(s.toys());
    return String.format(Locale.ROOT, """
        %s: %d toy experiments (%d converged), mu_true = %.4g
          coverage of the 68.27 %% interval: %.4f +- %.4f
          mu_hat: mean %.4f +- %.4f, standard deviation %.4f
          median expected significance: %.3f +- %.3f sigma, +-1 sigma band [%.3f, %.3f]%s, \
        +-2 sigma band [%.3f, %.3f]%s
          toys with Z >= 3: %.1f %%, Z >= 5: %.1f %%
        """, experiment, s.toys(), s.converged(), s.muTrue(), s.coverage68(), s.coverage68Error(), s.muHatMean(),
        meanError, s.muHatStd(), q[2], medianError, q[1], q[3], bandCaveat(s.toys(), ToySummary.QUANTILES[1]), q[0],
        q[4], bandCaveat(s.toys(), ToySummary.QUANTILES[0]), 100 * s.fractionZ3(), 100 * s.fractionZ5());
  }

  /** "" or " (N toys beyond each end; M toys for 5)" for a band whose lower end is the quantile {@code tail}. */
  static String bandCaveat(int toys, double tail) {
    double beyond = toys * tail;
    if (beyond >= MIN_TOYS_BEYOND_BAND) {
      return "";
    }
    return String.format(Locale.ROOT, " (%.1f toys beyond each end; %d toys for %.0f)", beyond,
        (long) Math.ceil(MIN_TOYS_BEYOND_BAND / tail), MIN_TOYS_BEYOND_BAND);
  }
}
