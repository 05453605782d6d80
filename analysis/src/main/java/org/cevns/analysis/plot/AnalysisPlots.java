package org.cevns.analysis.plot;

/**
 * Entry points of the builders for the standard analysis plots: ON vs OFF (or C vs AC) spectra with a
 * residual panel, time distribution with windows, likelihood profile, and sensitivity curve.
 */
public final class AnalysisPlots {
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

  /** @return a builder for expected significance vs exposure */
  public static SensitivityPlotBuilder sensitivity() {
    return new SensitivityPlotBuilder();
  }

  /** Poisson errors √max(n, 0) for raw counts. */
  static double[] sqrtErrors(double[] counts) {
    double[] e = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      e[i] = Math.sqrt(Math.max(counts[i], 0));
    }
    return e;
  }

  /**
   * @param edges bin edges
   * @return the bin centres
   */
  public static double[] centresOf(double[] edges) {
    return centres(edges);
  }

  static double[] centres(double[] edges) {
    double[] c = new double[edges.length - 1];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.5 * (edges[i] + edges[i + 1]);
    }
    return c;
  }

  static double[] halfWidths(double[] edges) {
    double[] c = new double[edges.length - 1];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.5 * (edges[i + 1] - edges[i]);
    }
    return c;
  }

  static String required(String builder, String name, String value, String example) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          builder + " " + name + " must be set, with its unit (e.g. \"" + example + "\")");
    }
    return value;
  }
}
