package org.cevns.analysis.plot;

import org.jfree.data.Range;

/**
 * Entry points of the builders for the standard analysis plots: ON vs OFF (or C vs AC) spectra with
 * stacked fitted components and a residual panel, time distribution with windows, likelihood profile,
 * and sensitivity curve. Each builder returns a {@link org.jfree.chart.JFreeChart} in the
 * {@link HepTheme}; {@link PlotFiles} writes it as PNG, SVG and PDF.
 */
public final class AnalysisPlots {
  /** Head room above the highest point, as a fraction of it, for the legend inside the frame. */
  static final double HEADROOM = 0.45;

  private AnalysisPlots() {}

  /** @return a builder for ON vs OFF spectra with an ON − OFF residual panel */
  public static OnOffPlotBuilder onOff() {
    return new OnOffPlotBuilder();
  }

  /** @return a builder for a time distribution with shaded windows */
  public static TimePlotBuilder time() {
    return new TimePlotBuilder();
  }

  /** @return a builder for a Δ(2NLL) profile with confidence levels and intervals */
  public static ProfilePlotBuilder profile() {
    return new ProfilePlotBuilder();
  }

  /** @return a builder for the distribution of a per-toy quantity with a reference line */
  public static DistributionPlotBuilder distribution() {
    return new DistributionPlotBuilder();
  }

  /** @return a builder for expected significance vs exposure */
  public static SensitivityPlotBuilder sensitivity() {
    return new SensitivityPlotBuilder();
  }

  /**
   * @param edges bin edges
   * @return the bin centres
   */
  public static double[] centresOf(double[] edges) {
    double[] c = new double[edges.length - 1];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.5 * (edges[i] + edges[i + 1]);
    }
    return c;
  }

  /** The lower edges of the bins. */
  static double[] lowEdges(double[] edges) {
    return java.util.Arrays.copyOf(edges, edges.length - 1);
  }

  /** The upper edges of the bins. */
  static double[] highEdges(double[] edges) {
    return java.util.Arrays.copyOfRange(edges, 1, edges.length);
  }

  /** {@code a - b} (or + when sign is +1) element-wise. */
  static double[] plus(double[] a, double[] b, double sign) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + sign * b[i];
    }
    return c;
  }

  /** A y range from 0 (or the lowest value if negative) to a round number above max × (1 + headroom). */
  static Range yRange(double min, double max, double headroom) {
    double top = max > 0 ? roundUp(max * (1 + headroom)) : 1;
    double bottom = min < 0 ? -roundUp(-min * 1.1) : 0;
    return new Range(bottom, top);
  }

  /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ {@code x} &gt; 0. */
  static double roundUp(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= x * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String required(String builder, String name, String value, String example) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          builder + " " + name + " must be set, with its unit (e.g. \"" + example + "\")");
    }
    return value;
  }
}
