package org.cevns.analysis.plot;

import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * A distribution of a per-toy quantity (μ̂, Z, …): a filled step histogram of counts with a vertical
 * reference line (the true value, the median).
 */
public final class DistributionPlotBuilder {
  private String title = "";
  private String provenance = "";
  private String xLabel;
  private String name = "";
  private double[] edges;
  private double[] counts;
  private String markName;
  private double mark = Double.NaN;

  DistributionPlotBuilder() {}

  /**
   * @param text plot title
   * @return this builder
   */
  public DistributionPlotBuilder title(String text) {
    this.title = Checks.notNull("distribution title", text);
    return this;
  }

  /**
   * @param label provenance label under the title ({@link Provenance#label()})
   * @return this builder
   */
  public DistributionPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("distribution provenance", label);
    return this;
  }

  /**
   * @param label x label with unit (required)
   * @return this builder
   */
  public DistributionPlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /**
   * @param legend legend name of the histogram
   * @param binEdges bin edges, increasing
   * @param binCounts entries per bin (one fewer than edges)
   * @return this builder
   */
  public DistributionPlotBuilder histogram(String legend, double[] binEdges, double[] binCounts) {
    double[] e = Checks.finite("distribution edges", binEdges);
    double[] c = Checks.finite("distribution counts", binCounts);
    if (e.length != c.length + 1 || c.length == 0) {
      throw new IllegalArgumentException("distribution needs edges.length = counts.length + 1 > 1, got "
          + e.length + " and " + c.length);
    }
    this.name = Checks.notNull("distribution name", legend);
    this.edges = e.clone();
    this.counts = c.clone();
    return this;
  }

  /**
   * @param legend legend name of the line
   * @param value position on the x axis (drawn when finite)
   * @return this builder
   */
  public DistributionPlotBuilder mark(String legend, double value) {
    this.markName = Checks.notNull("distribution mark name", legend);
    this.mark = value;
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    AnalysisPlots.required("distribution", "xLabel", xLabel, "\u03bc\u0302");
    if (edges == null) {
      throw new IllegalArgumentException("distribution plot needs a histogram, got none");
    }
    XYPlot plot = HepTheme.plot(HepTheme.linearX(xLabel, new Range(edges[0], edges[edges.length - 1])),
        HepTheme.linear("Toys", new Range(0, 1)));
    Layers layers = new Layers(plot);
    layers.filledStep(name, edges, counts, HepTheme.cycle(0), HepTheme.alpha(HepTheme.cycle(0), 0.2));
    LegendItemCollection legend = new LegendItemCollection();
    for (int i = 0; i < layers.legend().getItemCount(); i++) {
      legend.add(layers.legend().get(i));
    }
    if (Double.isFinite(mark)) {
      plot.addDomainMarker(HepTheme.referenceLine(mark, String.format(Locale.ROOT, "%s %.3g", markName, mark),
          HepTheme.BLACK, HepTheme.dashed(1.5), true), Layer.FOREGROUND);
    }
    HepTheme.range(plot.getRangeAxis(), AnalysisPlots.yRange(0, OnOffPlotBuilder.max(counts), 0.15));
    HepTheme.legend(plot, legend, false);
    return HepTheme.chart(title, plot, provenance);
  }
}
