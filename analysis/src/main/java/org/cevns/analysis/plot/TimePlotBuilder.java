package org.cevns.analysis.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * A time distribution: one or more histograms (the first filled) with Poisson (Garwood) errors between their first
 * and last occupied bin, an
 * optional model curve, and shaded windows (coincidence, anti-coincidence, ...) behind them.
 */
public final class TimePlotBuilder {
  private static final Color[] WINDOW_COLORS = {HepTheme.GREEN, HepTheme.GREY, HepTheme.ORANGE, HepTheme.SKY_BLUE};
  private static final double WINDOW_TINT = 0.2;
  private String title = "";
  private String provenance = "";
  private String xLabel;
  private String yLabel = "Counts / bin";
  private final List<String> names = new ArrayList<>();
  private final List<double[][]> histograms = new ArrayList<>();
  private final List<String> windowNames = new ArrayList<>();
  private final List<double[]> windows = new ArrayList<>();
  private String modelName;
  private double[][] model;

  TimePlotBuilder() {}

  /** @param text plot title @return this builder */
  public TimePlotBuilder title(String text) {
    this.title = Checks.notNull("time title", text);
    return this;
  }

  /** @param label provenance label under the title ({@link Provenance#label()}) @return this builder */
  public TimePlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("time provenance", label);
    return this;
  }

  /** @param label x label with unit, e.g. {@code "t − t_{POT} [µs]"} (required) @return this builder */
  public TimePlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** @param label y label (default "Counts / bin") @return this builder */
  public TimePlotBuilder yLabel(String label) {
    this.yLabel = Checks.notNull("time yLabel", label);
    return this;
  }

  /**
   * Adds a histogram (colours cycle; the first is filled).
   *
   * @param name legend name
   * @param edges bin edges (time)
   * @param counts contents per bin
   * @param errors √n-type errors per bin (null: raw counts), drawn as Garwood intervals
   * @return this builder
   */
  public TimePlotBuilder histogram(String name, double[] edges, double[] counts, double[] errors) {
    double[] e = Checks.finite("time edges", edges);
    Checks.increasing("time edges", e);
    double[] c = Checks.finite("time counts", counts);
    Checks.sameLength("time counts", c, e.length - 1);
    names.add(Checks.notNull("time histogram name", name));
    histograms.add(new double[][] {e, c, errors == null ? null : errors.clone()});
    return this;
  }

  /**
   * @param name legend name
   * @param time time values
   * @param perBin expected contents per bin at those times
   * @return this builder
   */
  public TimePlotBuilder model(String name, double[] time, double[] perBin) {
    this.modelName = Checks.notNull("time model name", name);
    this.model = new double[][] {Checks.finite("time model x", time), Checks.finite("time model y", perBin)};
    Checks.sameLength("time model y", model[1], model[0].length);
    return this;
  }

  /**
   * Adds a shaded window (colours: green, grey, orange, sky blue).
   *
   * @param name legend name, e.g. "Coincidence" or "Anti-coincidence"
   * @param tMin start
   * @param tMax end, &gt; tMin
   * @return this builder
   */
  public TimePlotBuilder window(String name, double tMin, double tMax) {
    if (!(tMax > tMin)) {
      throw new IllegalArgumentException("time window needs tMin < tMax, got [" + tMin + ", " + tMax + "]");
    }
    windowNames.add(Checks.notNull("time window name", name));
    windows.add(new double[] {tMin, tMax});
    return this;
  }

  /**
   * First and last bin with entries: empty bins before and after them get no error bar (a period's histogram spans
   * the whole time axis, but outside its live time nothing was measured).
   */
  private static int[] occupied(double[] counts) {
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    int last = counts.length - 1;
    while (last >= 0 && counts[last] == 0) {
      last--;
    }
    return new int[] {first, last};
  }

  private static double[] slice(double[] v, int[] span) {
    return java.util.Arrays.copyOfRange(v, span[0], span[1] + 1);
  }

  /** @return the chart */
  public JFreeChart build() {
    AnalysisPlots.required("time", "xLabel", xLabel, "t [\u00b5s]");
    if (histograms.isEmpty()) {
      throw new IllegalArgumentException("time plot needs at least one histogram, got none");
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    for (double[][] h : histograms) {
      xMin = Math.min(xMin, h[0][0]);
      xMax = Math.max(xMax, h[0][h[0].length - 1]);
    }
    XYPlot plot = HepTheme.plot(HepTheme.linearX(xLabel, new Range(xMin, xMax)),
        HepTheme.linear(yLabel, new Range(0, 1)));
    LegendItemCollection legend = new LegendItemCollection();
    for (int i = 0; i < windows.size(); i++) {
      Color c = HepTheme.tint(WINDOW_COLORS[i % WINDOW_COLORS.length], WINDOW_TINT);
      IntervalMarker m = new IntervalMarker(windows.get(i)[0], windows.get(i)[1], HepTheme.alpha(c, 0.75));
      m.setOutlinePaint(null);
      plot.addDomainMarker(m, Layer.BACKGROUND);
      legend.add(Layers.boxItem(windowNames.get(i), c, null));
    }
    Layers layers = new Layers(plot);
    double top = 0;
    for (int i = 0; i < histograms.size(); i++) {
      double[][] h = histograms.get(i);
      Color c = HepTheme.cycle(i);
      if (i == 0) {
        layers.filledStep(names.get(i), h[0], h[1], c, HepTheme.alpha(c, 0.2));
      } else {
        layers.step(names.get(i), h[0], h[1], c, HepTheme.solid(1.8), false);
      }
      double[][] e = PoissonErrors.of(h[1], h[2]);
      double[] high = AnalysisPlots.plus(h[1], e[1], 1);
      int[] span = occupied(h[1]);
      if (span[1] >= span[0]) {
        layers.points("", slice(AnalysisPlots.centresOf(h[0]), span), null, null, slice(h[1], span),
            slice(AnalysisPlots.plus(h[1], e[0], -1), span), slice(high, span), c, false);
      }
      top = Math.max(top, OnOffPlotBuilder.max(high));
    }
    if (model != null) {
      layers.line(modelName, model[0], model[1], HepTheme.BLACK, HepTheme.dashed(1.8));
      top = Math.max(top, OnOffPlotBuilder.max(model[1]));
    }
    for (int i = 0; i < layers.legend().getItemCount(); i++) {
      legend.add(layers.legend().get(i));
    }
    Range y = AnalysisPlots.yRange(0, top, 0.15);
    HepTheme.range(plot.getRangeAxis(), y);
    HepTheme.legend(plot, legend, false);
    return HepTheme.chart(title, plot, provenance);
  }
}
