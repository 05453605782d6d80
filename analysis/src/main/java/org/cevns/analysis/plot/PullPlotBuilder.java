package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * Nuisance parameters at the best fit: for each one, its pull (θ̂ − a)/σ_prior with the post-fit constraint
 * σ_post/σ_prior as error bar, at x = its rank (1, 2, …; the legend names it, or the x axis for more than
 * {@value #MAX_LEGEND_ITEMS}), with the ±1 and ±2 bands of the
 * prior; or, with {@link #impacts}, the shifts of the POI when each is moved by ±σ_post.
 */
public final class PullPlotBuilder {
  private String title = "";
  private String provenance = "";
  private final List<String> names = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();
  private boolean impacts;
  private String poi = "\u03bc";

  private PullPlotBuilder() {}

  /** New builder. */
  public static PullPlotBuilder create() {
    return new PullPlotBuilder();
  }

  public PullPlotBuilder title(String text) {
    this.title = Checks.notNull("pull title", text);
    return this;
  }

  /** The provenance label under the title (experiment, exposure, cevns version, seed); "" for none. */
  public PullPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("provenance label", label);
    return this;
  }

  /** Adds a nuisance: pull and constraint (pull plot) or impact up and down (impact plot). */
  public PullPlotBuilder add(String name, double a, double b) {
    names.add(name);
    values.add(new double[] {a, b});
    return this;
  }

  /** Plots impacts on {@code poiLabel} instead of pulls. */
  public PullPlotBuilder impacts(String poiLabel) {
    this.impacts = true;
    this.poi = poiLabel;
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    int n = Math.max(1, names.size());
    double lo = impacts ? 0 : -2;
    double hi = impacts ? 0 : 2;
    for (double[] v : values) {
      for (int k = 0; k < 2; k++) {
        double a = impacts ? v[k] : v[0] + (k == 0 ? -1 : 1) * (Double.isFinite(v[1]) ? v[1] : 0);
        if (Double.isFinite(a)) {
          lo = Math.min(lo, a);
          hi = Math.max(hi, a);
        }
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    String yl = impacts ? "\u0394" + poi + " (\u03b8 at \u00b1\u03c3_{post})" : "(\u03b8\u0302 \u2212 a)/\u03c3_{prior}";
    boolean legend = names.size() <= MAX_LEGEND_ITEMS;
    XYPlot plot = legend
        ? HepTheme.plot(HepTheme.linearX("nuisance (rank; legend)", new Range(0.5, n + 0.5)),
            HepTheme.linear(yl, belowLegend(AnalysisPlots.yRange(lo, hi, 0.4), hi, names.size())))
        : HepTheme.plot(HepTheme.namesX(null, names), HepTheme.linear(yl, AnalysisPlots.yRange(lo, hi, 0.4)));
    if (!impacts) {
      plot.addRangeMarker(HepTheme.referenceLine(1, "+1", HepTheme.DARK_GREY, HepTheme.dashed(1.0), false),
          org.jfree.chart.ui.Layer.BACKGROUND);
      plot.addRangeMarker(HepTheme.referenceLine(-1, "\u22121", HepTheme.DARK_GREY, HepTheme.dashed(1.0), false),
          org.jfree.chart.ui.Layer.BACKGROUND);
    }
    plot.addRangeMarker(HepTheme.referenceLine(0, "", HepTheme.DARK_GREY, HepTheme.dotted(1.0), false),
        org.jfree.chart.ui.Layer.BACKGROUND);
    Layers layers = new Layers(plot);
    for (int k = 0; k < names.size(); k++) {
      double[] v = values.get(k);
      String label = (k + 1) + ": " + names.get(k);
      java.awt.Color c = HepTheme.cycle(k);
      if (!impacts) {
        double p = Double.isFinite(v[0]) ? v[0] : 0;
        double e = Double.isFinite(v[1]) ? v[1] : 0;
        layers.points(label, new double[] {k + 1}, null, null, new double[] {p}, new double[] {p - e},
            new double[] {p + e}, c, Layers.marker(k)); // the colours repeat after 7: the shape then changes
      } else {
        double up = Double.isFinite(v[0]) ? v[0] : 0;
        double dn = Double.isFinite(v[1]) ? v[1] : 0;
        // the colours repeat after 7: the bars of the next round are narrower
        float width = k < HepTheme.cycleLength() ? 8f : 8f / (1 + k / HepTheme.cycleLength());
        layers.line(label, new double[] {k + 1, k + 1}, new double[] {dn, up}, c, HepTheme.solid(width));
      }
    }
    if (legend) {
      HepTheme.legend(plot, layers.legend(), !impacts); // impacts: right, away from the largest (rank 1) bars
    }
    return HepTheme.chart(title, plot, provenance);
  }

  /**
   * The most nuisances named in a legend inside the plot ({@link #legendFraction} of 15 is 0.57): more are named
   * under the x axis, at their ranks. Before, CONUS+'s 50 ranked nuisances (three detectors) filled a two-column
   * legend as high as the plot, which hid the points of ranks 1–33 and the impact bars of ranks 17–50.
   */
  static final int MAX_LEGEND_ITEMS = 15;

  /**
   * Fraction of the plot's height the legend of {@code items} nuisances takes under the top (one row ≈ 3.4 %, the
   * box ≈ 3 %, at the default size), plus a margin.
   */
  static double legendFraction(int items) {
    return Math.min(0.6, 0.06 + 0.034 * items);
  }

  /**
   * {@code r} with its top raised (to a round value) until {@code dataTop} is under the legend: the legend box sits
   * at the top of the plot, and a pull of +1.8σ (coherent-csi's efficiency on the 2021 release) was hidden behind it.
   */
  static Range belowLegend(Range r, double dataTop, int items) {
    double room = 1 - legendFraction(items);
    if (!(dataTop > r.getLowerBound()) || (dataTop - r.getLowerBound()) <= room * r.getLength()) {
      return r;
    }
    double top = r.getLowerBound() + (dataTop - r.getLowerBound()) / room;
    return new Range(r.getLowerBound(), top > 0 ? AnalysisPlots.roundUp(top) : top);
  }
}
