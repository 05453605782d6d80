package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A time distribution: one or more histograms (the first filled), an optional model curve, and shaded
 * windows (coincidence, anti-coincidence, ...) behind them.
 */
public final class TimePlotBuilder {
  private static final Rgb[] WINDOW_COLORS = {Rgb.GREEN, Rgb.GREY, Rgb.ORANGE, Rgb.SKY_BLUE};
  private String title = "";
  private String xLabel;
  private String yLabel = "Counts / bin";
  private final List<StepHistogram> histograms = new ArrayList<>();
  private final List<VSpan> windows = new ArrayList<>();
  private Line model;
  private boolean logY;

  TimePlotBuilder() {}

  /**
   * @param text plot title
   * @return this builder
   */
  public TimePlotBuilder title(String text) {
    this.title = Checks.notNull("time title", text);
    return this;
  }

  /**
   * @param label x label with unit, e.g. {@code "t − t_{POT} [µs]"} (required)
   * @return this builder
   */
  public TimePlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /**
   * @param label y label (default "Counts / bin")
   * @return this builder
   */
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
   * @param errors errors per bin, or null for none
   * @return this builder
   */
  public TimePlotBuilder histogram(String name, double[] edges, double[] counts, double[] errors) {
    int i = histograms.size();
    histograms.add(new StepHistogram(name, edges, counts, errors, Style.solid(Rgb.cycle(i)),
        i == 0 ? 0.2 : 0));
    return this;
  }

  /**
   * @param name legend name
   * @param time time values
   * @param perBin expected contents per bin at those times
   * @return this builder
   */
  public TimePlotBuilder model(String name, double[] time, double[] perBin) {
    this.model = Line.of(name, time, perBin, Style.dashed(Rgb.BLACK));
    return this;
  }

  /**
   * Adds a shaded window (colours: green, grey, orange, sky blue).
   *
   * @param name legend name, e.g. "Coincidence" or "Anti-coincidence"
   * @param tMin start
   * @param tMax end, > tMin
   * @return this builder
   */
  public TimePlotBuilder window(String name, double tMin, double tMax) {
    windows.add(VSpan.of(name, tMin, tMax, WINDOW_COLORS[windows.size() % WINDOW_COLORS.length]));
    return this;
  }

  /**
   * @param log log y axis
   * @return this builder
   */
  public TimePlotBuilder logY(boolean log) {
    this.logY = log;
    return this;
  }

  /** @return the plot */
  public Plot build() {
    AnalysisPlots.required("time", "xLabel", xLabel, "t [\u00b5s]");
    if (histograms.isEmpty()) {
      throw new IllegalArgumentException("time plot needs at least one histogram, got none");
    }
    List<Series> all = new ArrayList<>(windows);
    all.addAll(histograms);
    if (model != null) {
      all.add(model);
    }
    return Plot.of(title, Axis.linear(xLabel),
        Panel.of(logY ? Axis.log(yLabel) : Axis.linear(yLabel), all));
  }
}
