package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A profile-likelihood curve Δ(2NLL) = −2 Δln L versus a parameter (signal strength μ), with
 * horizontal lines at the confidence levels, the intervals marked (a bar at the level between the
 * bounds, dashed drops to zero, the first interval shaded) and the best fit as a dotted vertical line. One-parameter thresholds follow Wilks' theorem:
 * Δ(2NLL) = F⁻¹_χ²(1)(CL), giving 1.00 at 68.27 % and 2.71 at 90 % (PDG, Review of Particle Physics,
 * "Statistics", table of Δχ² for one fitted parameter).
 */
public final class ProfilePlotBuilder {
  /** The one-sigma confidence level erf(1/√2) = 0.682689..., whose Δ(2NLL) threshold is exactly 1. */
  public static final double ONE_SIGMA_CL = 0.6826894921370859;
  private static final Rgb[] INTERVAL_COLORS = {Rgb.GREEN, Rgb.ORANGE, Rgb.SKY_BLUE};
  private String title = "";
  private String xLabel = "Signal strength \u03bc";
  private String yLabel = "\u0394(2NLL)";
  private double[] mu;
  private double[] delta;
  private double bestFit = Double.NaN;
  private double[] levels = {ONE_SIGMA_CL, 0.90};
  private final List<double[]> intervals = new ArrayList<>();
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
    this.mu = Checks.copy(parameter);
    this.delta = Checks.copy(delta2Nll);
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
   * @param max top of the y axis (default: 1.5 × the highest level, at least 4, less if the curve
   *     stays lower)
   * @return this builder
   */
  public ProfilePlotBuilder yMax(double max) {
    this.yMax = max;
    return this;
  }

  /** @return the plot */
  public Plot build() {
    Checks.notNull("profile curve", mu);
    Line curve = Line.of("Profile likelihood", mu, delta, Style.solid(Rgb.BLUE).withWidth(2.5));
    Checks.increasing("profile parameter", curve.x());
    double top = 0;
    for (double cl : levels) {
      top = Math.max(top, threshold(cl));
    }
    double curveMax = 0;
    for (double d : curve.y()) {
      curveMax = Math.max(curveMax, d);
    }
    double max = yMax;
    if (Double.isNaN(max)) {
      max = Math.max(4, 1.5 * top);
      if (curveMax * 1.05 < max) {
        max = Math.max(curveMax * 1.05, 1.25 * top);
      }
    }
    List<Series> series = new ArrayList<>();
    if (!intervals.isEmpty()) {
      double[] iv = intervals.get(0);
      series.add(new VSpan("", iv[1], iv[2], INTERVAL_COLORS[0], 0.12));
    }
    for (double cl : levels) {
      series.add(HLine.of(threshold(cl), new Style(Rgb.DARK_GREY, 1.5, Style.Dash.DASHED), clText(cl)));
    }
    series.add(curve);
    for (int i = 0; i < intervals.size(); i++) {
      double[] iv = intervals.get(i);
      double level = threshold(iv[0]);
      Rgb color = INTERVAL_COLORS[i % INTERVAL_COLORS.length];
      Style drop = new Style(color, 1.8, Style.Dash.DASHED);
      series.add(Line.of("", new double[] {iv[1], iv[1]}, new double[] {0, level}, drop));
      series.add(Line.of("", new double[] {iv[2], iv[2]}, new double[] {0, level}, drop));
      series.add(Line.of(clText(iv[0]) + " interval [" + Ticks.minus(ValueFormat.pair(iv[1], iv[2])) + "]",
          new double[] {iv[1], iv[2]}, new double[] {level, level}, Style.solid(color).withWidth(4)));
    }
    if (!Double.isNaN(bestFit)) {
      String value = intervals.isEmpty() ? ValueFormat.number(bestFit, 3)
          : ValueFormat.withInterval(bestFit, intervals.get(0)[1], intervals.get(0)[2]);
      series.add(new VLine("Best fit \u03bc\u0302 = " + Ticks.minus(value), bestFit,
          Style.dotted(Rgb.BLACK), ""));
    }
    return Plot.of(title, Axis.linear(xLabel), Panel.of(Axis.linear(yLabel).withRange(0, max), series));
  }
}
