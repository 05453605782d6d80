package org.cevns.analysis.plot;

/**
 * A shaded vertical strip across the whole panel height between two x values (e.g. a coincidence
 * window, a confidence interval).
 *
 * @param label legend label ("" for none)
 * @param xMin left edge
 * @param xMax right edge, > xMin
 * @param color fill colour
 * @param alpha fill opacity in [0, 1]
 */
public record VSpan(String label, double xMin, double xMax, Rgb color, double alpha)
    implements Series {
  /** Validates the span. */
  public VSpan {
    Checks.label("vspan", label);
    if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMin < xMax)) {
      throw new IllegalArgumentException(
          "vspan needs finite xMin < xMax, got [" + xMin + ", " + xMax + "]");
    }
    Checks.notNull("vspan color", color);
    Checks.alpha("vspan alpha", alpha);
  }

  /**
   * A span at opacity 0.18.
   *
   * @param label legend label
   * @param xMin left edge
   * @param xMax right edge
   * @param color colour
   * @return the span
   */
  public static VSpan of(String label, double xMin, double xMax, Rgb color) {
    return new VSpan(label, xMin, xMax, color, 0.18);
  }
}
