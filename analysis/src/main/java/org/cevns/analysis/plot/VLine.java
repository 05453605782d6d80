package org.cevns.analysis.plot;

/**
 * A vertical line across the whole panel (e.g. a best-fit value or a window edge), with an optional
 * tag written at its top.
 *
 * @param label legend label ("" for none)
 * @param x the x value
 * @param style stroke
 * @param tag text drawn beside the top of the line ("" for none)
 */
public record VLine(String label, double x, Style style, String tag) implements Series {
  /** Validates the line. */
  public VLine {
    Checks.label("vline", label);
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("vline x must be finite, got " + x);
    }
    Checks.notNull("vline style", style);
    Checks.notNull("vline tag", tag);
  }

  /**
   * @param x the x value
   * @param style stroke
   * @return an unlabelled, untagged vertical line
   */
  public static VLine of(double x, Style style) {
    return new VLine("", x, style, "");
  }
}
