package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Nuisance parameters at the best fit: for each one, its pull (θ̂ − a)/σ_prior with the post-fit constraint
 * σ_post/σ_prior as error bar, at x = its rank (1, 2, …; the legend names it), with the ±1 and ±2 bands of the
 * prior; or, with {@link #impacts}, the shifts of the POI when each is moved by ±σ_post.
 */
public final class PullPlotBuilder {
  private String title = "";
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

  /** @return the plot */
  public Plot build() {
    List<Series> s = new ArrayList<>();
    if (!impacts) {
      s.add(HLine.of(1, new Style(Rgb.DARK_GREY, 1.0, Style.Dash.DASHED), "+1"));
      s.add(HLine.of(-1, new Style(Rgb.DARK_GREY, 1.0, Style.Dash.DASHED), "\u22121"));
      s.add(HLine.of(0, new Style(Rgb.DARK_GREY, 1.0, Style.Dash.DOTTED), ""));
    } else {
      s.add(HLine.of(0, new Style(Rgb.DARK_GREY, 1.0, Style.Dash.DOTTED), ""));
    }
    for (int k = 0; k < names.size(); k++) {
      double[] v = values.get(k);
      String label = (k + 1) + ": " + names.get(k);
      Rgb c = Rgb.cycle(k);
      if (!impacts) {
        double e = Double.isFinite(v[1]) ? v[1] : 0;
        double p = Double.isFinite(v[0]) ? v[0] : 0;
        s.add(Points.of(label, new double[] {k + 1}, new double[] {p}, new double[] {e}, c));
      } else {
        double up = Double.isFinite(v[0]) ? v[0] : 0;
        double dn = Double.isFinite(v[1]) ? v[1] : 0;
        s.add(Line.of(label, new double[] {k + 1, k + 1}, new double[] {dn, up}, Style.solid(c).withWidth(6)));
      }
    }
    if (names.isEmpty()) {
      s.add(Points.of("no constrained nuisance", new double[] {0}, new double[] {0}, new double[] {0}, Rgb.BLACK));
    }
    String yl = impacts ? "\u0394" + poi + " (\u03b8 at \u00b1\u03c3_post)" : "(\u03b8\u0302 \u2212 a)/\u03c3_prior";
    return Plot.of(title, Axis.linear("nuisance (rank)"), Panel.of(Axis.linear(yl), s));
  }
}
