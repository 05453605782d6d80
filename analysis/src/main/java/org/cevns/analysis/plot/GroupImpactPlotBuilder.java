package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * The impact breakdown of a parameter of interest's 68.27 % interval as horizontal bars, one row per entry in the
 * order added from the top (the statistical and total systematic half-widths first, then the groups of nuisances
 * ranked by impact): the lower half-width (or the impact on it) to the left of zero, the upper one to the right,
 * with the total half-widths as dashed lines. The group names label the rows (a {@link SymbolAxis}).
 */
public final class GroupImpactPlotBuilder {
  private String title = "";
  private String provenance = "";
  private String poi = "\u03bc";
  private double totalMinus = Double.NaN;
  private double totalPlus = Double.NaN;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();

  private GroupImpactPlotBuilder() {}

  /** New builder. */
  public static GroupImpactPlotBuilder create() {
    return new GroupImpactPlotBuilder();
  }

  public GroupImpactPlotBuilder title(String text) {
    this.title = Checks.notNull("impact title", text);
    return this;
  }

  /** The provenance label under the title (experiment, exposure, cevns version, seed); "" for none. */
  public GroupImpactPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("provenance label", label);
    return this;
  }

  /** The label of the parameter of interest on the x axis. */
  public GroupImpactPlotBuilder poi(String label) {
    this.poi = Checks.notNull("impact poi", label);
    return this;
  }

  /** The total half-widths (dashed lines at −minus and +plus). */
  public GroupImpactPlotBuilder total(double minus, double plus) {
    this.totalMinus = minus;
    this.totalPlus = plus;
    return this;
  }

  /** Adds a row below the previous ones: its impacts on the lower and upper half-widths (&ge; 0; NaN: no bar). */
  public GroupImpactPlotBuilder add(String name, double minus, double plus) {
    names.add(Checks.notNull("impact name", name));
    values.add(new double[] {minus, plus});
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    int n = Math.max(1, names.size());
    double max = 0;
    for (double v : new double[] {totalMinus, totalPlus}) {
      max = Double.isFinite(v) ? Math.max(max, v) : max;
    }
    for (double[] v : values) {
      for (double x : v) {
        max = Double.isFinite(x) ? Math.max(max, x) : max;
      }
    }
    if (!(max > 0)) {
      max = 1;
    }
    String[] symbols = new String[n];
    for (int k = 0; k < names.size(); k++) {
      symbols[n - 1 - k] = names.get(k);
    }
    for (int k = names.size(); k < n; k++) {
      symbols[n - 1 - k] = "";
    }
    SymbolAxis y = new SymbolAxis(null, symbols);
    y.setTickLabelFont(HepTheme.TICK_FONT);
    y.setTickLabelPaint(HepTheme.BLACK);
    y.setTickMarksVisible(false);
    y.setAxisLineVisible(false);
    y.setGridBandsVisible(false);
    y.setRange(new Range(-0.6, n + 0.6)); // a free row on top for the legend
    XYPlot plot = HepTheme.plot(HepTheme.linearX("impact on the 68.27 % CL half-widths of " + poi
        + " (\u2212 | +)", new Range(-AnalysisPlots.roundUp(1.1 * max),
        AnalysisPlots.roundUp(1.1 * max))), y);
    plot.addDomainMarker(HepTheme.referenceLine(0, "", HepTheme.DARK_GREY, HepTheme.solid(1.0), true),
        org.jfree.chart.ui.Layer.BACKGROUND);
    if (Double.isFinite(totalMinus) && Double.isFinite(totalPlus)) {
      plot.addDomainMarker(HepTheme.referenceLine(-totalMinus, "", HepTheme.GREY, HepTheme.dashed(1.0), true),
          org.jfree.chart.ui.Layer.BACKGROUND);
      plot.addDomainMarker(HepTheme.referenceLine(totalPlus, "total", HepTheme.GREY, HepTheme.dashed(1.0), true),
          org.jfree.chart.ui.Layer.BACKGROUND);
    }
    Layers layers = new Layers(plot);
    double width = Math.max(3, Math.min(16, 360.0 / n));
    for (int k = 0; k < names.size(); k++) {
      double[] v = values.get(k);
      double row = n - 1 - k;
      boolean first = k == 0;
      if (Double.isFinite(v[0])) {
        layers.line(first ? "lower half-width (\u2212)" : "", new double[] {-v[0], 0}, new double[] {row, row},
            HepTheme.BLUE, HepTheme.solid(width));
      }
      if (Double.isFinite(v[1])) {
        layers.line(first ? "upper half-width (+)" : "", new double[] {0, v[1]}, new double[] {row, row},
            HepTheme.ORANGE, HepTheme.solid(width));
      }
    }
    HepTheme.legend(plot, layers.legend(), false);
    return HepTheme.chart(title, plot, provenance);
  }
}
