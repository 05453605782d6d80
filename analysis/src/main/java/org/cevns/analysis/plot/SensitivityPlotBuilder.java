package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected significance versus exposure: one or more curves (optionally with bands), reference lines
 * at 3σ (evidence) and 5σ (observation) by default, optional log x and log y.
 */
public final class SensitivityPlotBuilder {
  private String title = "";
  private String xLabel;
  private String yLabel = "Expected significance [\u03c3]";
  private final List<Series> bands = new ArrayList<>();
  private final List<Series> curves = new ArrayList<>();
  private final List<Series> marks = new ArrayList<>();
  private double[] references = {3, 5};
  private boolean logX;
  private boolean logY;

  SensitivityPlotBuilder() {}

  /**
   * @param text plot title
   * @return this builder
   */
  public SensitivityPlotBuilder title(String text) {
    this.title = Checks.notNull("sensitivity title", text);
    return this;
  }

  /**
   * @param label x label with unit, e.g. {@code "Exposure [kg·d]"} (required)
   * @return this builder
   */
  public SensitivityPlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /**
   * @param label y label (default "Expected significance [σ]")
   * @return this builder
   */
  public SensitivityPlotBuilder yLabel(String label) {
    this.yLabel = Checks.notNull("sensitivity yLabel", label);
    return this;
  }

  /**
   * Adds a curve (colours cycle).
   *
   * @param name legend name
   * @param exposure exposures, increasing
   * @param significance expected significance at each exposure
   * @return this builder
   */
  public SensitivityPlotBuilder curve(String name, double[] exposure, double[] significance) {
    curves.add(Line.of(name, exposure, significance, Style.solid(Rgb.cycle(curves.size())).withWidth(2.5)));
    return this;
  }

  /**
   * Adds a band in the colour of the next curve to be added (add it before its curve).
   *
   * @param name legend name, e.g. "±1σ"
   * @param exposure exposures
   * @param low lower edge
   * @param high upper edge
   * @return this builder
   */
  public SensitivityPlotBuilder band(String name, double[] exposure, double[] low, double[] high) {
    bands.add(new Band(name, exposure, low, high, Rgb.cycle(curves.size()), 0.25));
    return this;
  }

  /**
   * Marks an exposure with a vertical dotted line and a tag (e.g. the planned run).
   *
   * @param name tag text
   * @param exposure the exposure
   * @return this builder
   */
  public SensitivityPlotBuilder mark(String name, double exposure) {
    marks.add(new VLine("", exposure, Style.dotted(Rgb.BLACK), name));
    return this;
  }

  /**
   * @param sigmas significances of the reference lines (default 3 and 5); none for no lines
   * @return this builder
   */
  public SensitivityPlotBuilder references(double... sigmas) {
    for (double s : sigmas) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new IllegalArgumentException("sensitivity reference must be finite > 0, got " + s);
      }
    }
    this.references = sigmas.clone();
    return this;
  }

  /**
   * @param log log x axis
   * @return this builder
   */
  public SensitivityPlotBuilder logX(boolean log) {
    this.logX = log;
    return this;
  }

  /**
   * @param log log y axis
   * @return this builder
   */
  public SensitivityPlotBuilder logY(boolean log) {
    this.logY = log;
    return this;
  }

  /** @return the plot */
  public Plot build() {
    AnalysisPlots.required("sensitivity", "xLabel", xLabel, "Exposure [kg\u00b7d]");
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("sensitivity plot needs at least one curve, got none");
    }
    List<Series> all = new ArrayList<>(bands);
    for (double r : references) {
      String tag = ValueFormat.number(r, 3) + "\u03c3";
      if (r == 3) {
        tag += " (evidence)";
      } else if (r == 5) {
        tag += " (observation)";
      }
      all.add(HLine.of(r, new Style(Rgb.DARK_GREY, 1.5, Style.Dash.DASHED), tag));
    }
    all.addAll(marks);
    all.addAll(curves);
    Axis x = logX ? Axis.log(xLabel) : Axis.linear(xLabel);
    Axis y = logY ? Axis.log(yLabel) : Axis.linear(yLabel);
    return Plot.of(title, x, Panel.of(y, all));
  }
}
