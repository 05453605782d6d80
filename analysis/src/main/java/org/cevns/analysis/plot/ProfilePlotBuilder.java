package org.cevns.analysis.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * A profile-likelihood curve Δ(2NLL) = −2 Δln L versus a parameter (signal strength μ), with
 * horizontal lines at the confidence levels, the intervals marked (a bar at the level between the
 * bounds, dashed drops to zero, the first interval shaded)
 * and the best fit as a dotted vertical line. One-parameter thresholds follow Wilks' theorem:
 * Δ(2NLL) = F⁻¹_χ²(1)(CL), giving 1.00 at 68.27 % and 2.71 at 90 % (PDG, Review of Particle Physics,
 * "Statistics", table of Δχ² for one fitted parameter).
 */
public final class ProfilePlotBuilder {
  /** The one-sigma confidence level erf(1/√2) = 0.682689..., whose Δ(2NLL) threshold is exactly 1. */
  public static final double ONE_SIGMA_CL = PoissonErrors.ONE_SIGMA_CL;
  private static final Color[] INTERVAL_COLORS = {HepTheme.GREEN, HepTheme.ORANGE, HepTheme.SKY_BLUE};
  private String title = "";
  private String provenance = "";
  private String xLabel = "Signal strength \u03bc";
  private boolean logX;
  private String yLabel = "\u0394(2NLL)";
  private double[] mu;
  private double[] delta;
  private double bestFit = Double.NaN;
  private double[] levels = {ONE_SIGMA_CL, 0.90};
  private final List<double[]> intervals = new ArrayList<>();
  private final List<double[]> criticalCurves = new ArrayList<>();
  private final List<String> criticalNames = new ArrayList<>();
  private double yMax = Double.NaN;

  ProfilePlotBuilder() {}

  /**
   * Δ(2NLL) threshold of a one-parameter interval at this confidence level (Wilks).
   *
   * @param cl confidence level in (0, 1)
   * @return the χ²(1) quantile
   */
  public static double threshold(double cl) {
    if (!(cl > 0 && cl < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + cl);
    }
    return ChiSquaredDistribution.of(1).inverseCumulativeProbability(cl);
  }

  /**
   * @param cl confidence level in (0, 1)
   * @return e.g. "68.3 % CL", "90 % CL" (at most one decimal)
   */
  public static String clText(double cl) {
    double pct = Math.round(cl * 1000) / 10.0;
    String s = pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct);
    return s + " % CL";
  }

  /**
   * @param text plot title
   * @return this builder
   */
  public ProfilePlotBuilder title(String text) {
    this.title = Checks.notNull("profile title", text);
    return this;
  }

  /**
   * @param label provenance label under the title ({@link Provenance#label()})
   * @return this builder
   */
  public ProfilePlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("profile provenance", label);
    return this;
  }

  /**
   * @param label x label (default "Signal strength μ")
   * @return this builder
   */
  public ProfilePlotBuilder xLabel(String label) {
    this.xLabel = Checks.notNull("profile xLabel", label);
    return this;
  }

  /**
   * @param label y label (default "Δ(2NLL)")
   * @return this builder
   */
  public ProfilePlotBuilder yLabel(String label) {
    this.yLabel = Checks.notNull("profile yLabel", label);
    return this;
  }

  /**
   * @param parameter scanned parameter values, increasing
   * @param delta2Nll Δ(2NLL) at each value (≥ 0 up to rounding)
   * @return this builder
   */
  public ProfilePlotBuilder curve(double[] parameter, double[] delta2Nll) {
    this.mu = Checks.finite("profile parameter", parameter);
    this.delta = Checks.finite("profile delta", delta2Nll);
    return this;
  }

  /**
   * @param value best-fit parameter value (marked at Δ = 0)
   * @return this builder
   */
  public ProfilePlotBuilder bestFit(double value) {
    this.bestFit = value;
    return this;
  }

  /**
   * @param cls confidence levels of the horizontal lines (default 68.27 % and 90 %)
   * @return this builder
   */
  public ProfilePlotBuilder levels(double... cls) {
    for (double cl : cls) {
      threshold(cl);
    }
    this.levels = cls.clone();
    return this;
  }

  /**
   * Marks an interval.
   *
   * @param cl its confidence level
   * @param lower lower bound
   * @param upper upper bound, > lower
   * @return this builder
   */
  public ProfilePlotBuilder interval(double cl, double lower, double upper) {
    threshold(cl);
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
      throw new IllegalArgumentException(
          "profile interval needs finite lower < upper, got [" + lower + ", " + upper + "]");
    }
    intervals.add(new double[] {cl, lower, upper});
    return this;
  }

  /**
   * Adds a curve of critical values c(x) at the scanned points (e.g. toy-calibrated ones, {@code cevns scan --toys}),
   * drawn dashed: the region of its CL is where the profile lies below it.
   *
   * @param name legend entry (e.g. "68.3 % CL, toys")
   * @param values c at each scanned parameter value (same length as the curve; NaN points left out)
   * @return this builder
   */
  public ProfilePlotBuilder criticalCurve(String name, double[] values) {
    criticalNames.add(Checks.notNull("critical curve name", name));
    criticalCurves.add(values.clone());
    return this;
  }

  /**
   * @param max top of the y axis (default: 1.5 × the highest level, at least 4, less if the curve
   *     stays lower)
   * @return this builder
   */
  public ProfilePlotBuilder yMax(double max) {
    this.yMax = max;
    return this;
  }

  /**
   * A log x axis (a log-spaced grid).
   *
   * @return this builder
   */
  public ProfilePlotBuilder logX(boolean log) {
    this.logX = log;
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    Checks.notNull("profile curve", mu);
    double[] x = Checks.finite("profile parameter", mu);
    double[] y = Checks.finite("profile delta", delta);
    Checks.sameLength("profile delta", y, x.length);
    Checks.increasing("profile parameter", x);
    double top = 0;
    for (double cl : levels) {
      top = Math.max(top, threshold(cl));
    }
    double max = yMax;
    if (Double.isNaN(max)) {
      double curveMax = Math.max(0, OnOffPlotBuilder.max(y));
      max = Math.max(4, 1.5 * top);
      if (curveMax * 1.05 < max) {
        max = Math.max(curveMax * 1.05, 1.25 * top);
      }
    }
    Range yRange = new Range(0, max);
    if (logX && !(x[0] > 0)) {
      throw new IllegalArgumentException("profile plot: a log x axis needs positive parameter values");
    }
    Range xRange = new Range(x[0], x[x.length - 1]);
    XYPlot plot = HepTheme.plot(logX ? HepTheme.logParameter(xLabel, xRange) : HepTheme.linearX(xLabel, xRange),
        HepTheme.linear(yLabel, yRange));
    if (!intervals.isEmpty()) {
      double[] iv = intervals.get(0);
      IntervalMarker m = new IntervalMarker(iv[1], iv[2], HepTheme.tint(INTERVAL_COLORS[0], 0.12));
      m.setOutlinePaint(null);
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    for (double cl : levels) {
      plot.addRangeMarker(HepTheme.referenceLine(threshold(cl), clText(cl), HepTheme.DARK_GREY,
          HepTheme.dashed(1.5), false), Layer.BACKGROUND);
    }
    Layers layers = new Layers(plot);
    layers.line("Profile likelihood", x, y, HepTheme.BLUE, HepTheme.solid(2.5));
    for (int c = 0; c < criticalCurves.size(); c++) {
      double[] v = criticalCurves.get(c);
      Checks.sameLength("critical curve", v, x.length);
      int n = 0;
      for (double d : v) {
        n += Double.isFinite(d) ? 1 : 0;
      }
      double[] cx = new double[n];
      double[] cy = new double[n];
      for (int i = 0, j = 0; i < v.length; i++) {
        if (Double.isFinite(v[i])) {
          cx[j] = x[i];
          cy[j++] = v[i];
        }
      }
      if (n >= 2) {
        layers.line(criticalNames.get(c), cx, cy, INTERVAL_COLORS[c % INTERVAL_COLORS.length], HepTheme.dashed(2.0));
      }
    }
    for (int i = 0; i < intervals.size(); i++) {
      double[] iv = intervals.get(i);
      double level = threshold(iv[0]);
      Color color = INTERVAL_COLORS[i % INTERVAL_COLORS.length];
      layers.line("", new double[] {iv[1], iv[1]}, new double[] {0, level}, color, HepTheme.dashed(1.8));
      layers.line("", new double[] {iv[2], iv[2]}, new double[] {0, level}, color, HepTheme.dashed(1.8));
      layers.line(clText(iv[0]) + " interval [" + minus(ValueFormat.pair(iv[1], iv[2])) + "]",
          new double[] {iv[1], iv[2]}, new double[] {level, level}, color, HepTheme.solid(4));
    }
    if (!Double.isNaN(bestFit)) {
      double shown = shownBestFit(bestFit, x[0], x[x.length - 1]);
      String value = intervals.isEmpty() ? ValueFormat.number(shown, 3)
          : ValueFormat.withInterval(shown, intervals.get(0)[1], intervals.get(0)[2]);
      // μ̂ for the signal strength (its label has μ), else the parameter is named on the x axis
      String symbol = xLabel.contains("\u03bc") ? "\u03bc\u0302 " : "";
      layers.line("Best fit " + symbol + "= " + minus(value), new double[] {bestFit, bestFit}, new double[] {0, max},
          HepTheme.BLACK, HepTheme.dotted(1.5));
    }
    double centre = Double.isNaN(bestFit) ? 0.5 : (bestFit - x[0]) / (x[x.length - 1] - x[0]);
    HepTheme.legend(plot, layers.legend(), Math.min(Math.max(centre, 0.3), 0.7),
        org.jfree.chart.ui.RectangleAnchor.TOP);
    return HepTheme.chart(title, plot, provenance);
  }

  /** A best fit closer to 0 than this fraction of the plotted range is labelled 0 (the minimiser's rounding). */
  static final double ZERO_FRACTION = 1e-9;

  /**
   * The best fit as labelled: 0 where it lies within {@link #ZERO_FRACTION} of the range [lo, hi] of 0 (a
   * new-physics parameter at the Standard Model read "Best fit = 9.74e−48" on a ⟨r²⟩ axis of 10⁻³² cm²).
   */
  static double shownBestFit(double bestFit, double lo, double hi) {
    return Math.abs(bestFit) < ZERO_FRACTION * Math.abs(hi - lo) ? 0.0 : bestFit;
  }

  /** Typographic minus signs in place of hyphens. */
  static String minus(String s) {
    return s.replace('-', '\u2212');
  }
}
