package org.cevns.analysis.plot;

/**
 * A horizontal reference line across the whole panel (e.g. Δ(2NLL) = 1, 3σ, zero), with an optional
 * tag written just above its right end.
 *
 * @param label legend label ("" for none)
 * @param y the y value
 * @param style stroke
 * @param tag text drawn on the plot next to the line ("" for none)
 */
public record HLine(String label, double y, Style style, String tag) implements Series {
  /** Validates the line. */
  public HLine {
    Checks.label("hline", label);
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("hline y must be finite, got " + y);
    }
    Checks.notNull("hline style", style);
    Checks.notNull("hline tag", tag);
  }

  /**
   * An unlabelled reference line with a tag.
   *
   * @param y the y value
   * @param style stroke
   * @param tag text beside the line
   * @return the line
   */
  public static HLine of(double y, Style style, String tag) {
    return new HLine("", y, style, tag);
  }
}
