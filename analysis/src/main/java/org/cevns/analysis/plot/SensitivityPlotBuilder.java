package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * Expected significance versus exposure: one or more curves (optionally with bands), reference lines
 * at 3σ (evidence) and 5σ (observation) by default, marks (e.g. the configured exposure), optional log x;
 * the y axis is logarithmic when the values span more than a factor {@value #LOG_SPAN} (so the 3σ and 5σ
 * lines stay apart from a curve that reaches far higher), unless set with {@link #logY(boolean)}. Points
 * with significance &le; 0 are left out on a log axis.
 */
public final class SensitivityPlotBuilder {
  /** Largest max/min ratio of the plotted significances drawn on a linear y axis. */
  static final double LOG_SPAN = 10;
  private String title = "";
  private String provenance = "";
  private String xLabel;
  private String yLabel = "Expected significance [\u03c3]";
  private final List<String> names = new ArrayList<>();
  private final List<double[][]> curves = new ArrayList<>();
  private final List<String> markNames = new ArrayList<>();
  private final List<Double> marks = new ArrayList<>();
  private double[] references = {3, 5};
  private boolean logX;
  private Boolean logY;

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
   * @param label provenance label under the title ({@link Provenance#label()})
   * @return this builder
   */
  public SensitivityPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("sensitivity provenance", label);
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
    double[] x = Checks.finite("sensitivity exposure", exposure);
    Checks.increasing("sensitivity exposure", x);
    double[] y = Checks.finite("sensitivity significance", significance);
    Checks.sameLength("sensitivity significance", y, x.length);
    names.add(Checks.notNull("sensitivity curve name", name));
    curves.add(new double[][] {x, y});
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
    markNames.add(Checks.notNull("sensitivity mark name", name));
    marks.add(exposure);
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
   * @param log log y axis (default: chosen from the span of the values)
   * @return this builder
   */
  public SensitivityPlotBuilder logY(boolean log) {
    this.logY = log;
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    AnalysisPlots.required("sensitivity", "xLabel", xLabel, "Exposure [kg\u00b7d]");
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("sensitivity plot needs at least one curve, got none");
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = 0;
    for (double[][] c : curves) {
      xMin = Math.min(xMin, c[0][0]);
      xMax = Math.max(xMax, c[0][c[0].length - 1]);
      for (double z : c[1]) {
        yMax = Math.max(yMax, z);
        if (z > 0) {
          yMin = Math.min(yMin, z);
        }
      }
    }
    for (double r : references) {
      yMin = Math.min(yMin, r);
      yMax = Math.max(yMax, r);
    }
    boolean log = logY != null ? logY : yMax / yMin > LOG_SPAN;
    Range yRange = log ? new Range(Math.pow(10, Math.floor(Math.log10(yMin * 0.7))),
        Math.pow(10, Math.ceil(Math.log10(yMax * 1.4)))) : AnalysisPlots.yRange(0, yMax, 0.15);
    if (!(xMax > xMin)) { // one exposure factor: the point as a dot on a range around it (log: its decade)
      double x = xMin;
      double half = Math.max(Math.abs(x), 1) / 2;
      xMin = logX ? Math.pow(10, Math.ceil(Math.log10(x)) - 1) : x - half;
      xMax = logX ? Math.pow(10, Math.floor(Math.log10(x)) + 1) : x + half;
    }
    Range xRange = new Range(xMin, xMax);
    ValueAxis xAxis = logX ? HepTheme.log(xLabel, xRange) : HepTheme.linearX(xLabel, xRange);
    ValueAxis yAxis = log ? HepTheme.log(yLabel, yRange) : HepTheme.linear(yLabel, yRange);
    if (yAxis instanceof org.jfree.chart.axis.LogAxis l) {
      l.setNumberFormatOverride(HepTheme.decimal("0.###"));
    }
    XYPlot plot = HepTheme.plot(xAxis, yAxis);
    for (double r : references) {
      String tag = ValueFormat.number(r, 3) + "\u03c3";
      if (r == 3) {
        tag += " (evidence)";
      } else if (r == 5) {
        tag += " (observation)";
      }
      plot.addRangeMarker(HepTheme.referenceLine(r, tag, HepTheme.DARK_GREY, HepTheme.dashed(1.5), false),
          Layer.BACKGROUND);
    }
    for (int i = 0; i < marks.size(); i++) {
      plot.addDomainMarker(HepTheme.referenceLine(marks.get(i), markNames.get(i), HepTheme.BLACK,
          HepTheme.dotted(1.5), true), Layer.BACKGROUND);
    }
    Layers layers = new Layers(plot);
    for (int i = 0; i < curves.size(); i++) {
      double[][] c = curves.get(i);
      double[][] xy = log ? positive(c) : c;
      if (xy[0].length == 1) {
        layers.points(HepTheme.plain(names.get(i)), xy[0], null, null, xy[1], xy[1], xy[1], HepTheme.cycle(i), true);
      } else {
        layers.line(HepTheme.plain(names.get(i)), xy[0], xy[1], HepTheme.cycle(i), HepTheme.solid(2.5));
      }
    }
    HepTheme.legend(plot, layers.legend(), true);
    return HepTheme.chart(title, plot, provenance);
  }

  private static double[][] positive(double[][] c) {
    List<double[]> keep = new ArrayList<>();
    for (int i = 0; i < c[0].length; i++) {
      if (c[1][i] > 0) {
        keep.add(new double[] {c[0][i], c[1][i]});
      }
    }
    double[][] out = new double[2][keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      out[0][i] = keep.get(i)[0];
      out[1][i] = keep.get(i)[1];
    }
    return out;
  }
}
