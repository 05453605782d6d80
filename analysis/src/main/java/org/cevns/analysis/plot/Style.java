package org.cevns.analysis.plot;

/**
 * How a line is stroked.
 *
 * @param color the colour
 * @param widthPx line width in pixels at the default 1000 x 700 size (scaled with the plot)
 * @param dash solid, dashed or dotted
 */
public record Style(Rgb color, double widthPx, Dash dash) {
  /** Dash patterns. */
  public enum Dash {
    /** Continuous line. */
    SOLID,
    /** Long dashes. */
    DASHED,
    /** Dots. */
    DOTTED
  }

  /** Validates the style. */
  public Style {
    if (color == null) {
      throw new IllegalArgumentException("style color must not be null");
    }
    if (!(widthPx > 0 && widthPx <= 50)) {
      throw new IllegalArgumentException("style widthPx must be in (0, 50], got " + widthPx);
    }
    if (dash == null) {
      throw new IllegalArgumentException("style dash must not be null");
    }
  }

  /**
   * @param color the colour
   * @return a solid 2 px line
   */
  public static Style solid(Rgb color) {
    return new Style(color, 2.0, Dash.SOLID);
  }

  /**
   * @param color the colour
   * @return a dashed 2 px line
   */
  public static Style dashed(Rgb color) {
    return new Style(color, 2.0, Dash.DASHED);
  }

  /**
   * @param color the colour
   * @return a dotted 2 px line
   */
  public static Style dotted(Rgb color) {
    return new Style(color, 2.0, Dash.DOTTED);
  }

  /**
   * @param newWidthPx the new width in pixels
   * @return this style with another width
   */
  public Style withWidth(double newWidthPx) {
    return new Style(color, newWidthPx, dash);
  }
}
