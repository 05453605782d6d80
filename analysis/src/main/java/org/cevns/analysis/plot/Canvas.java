package org.cevns.analysis.plot;

/**
 * The drawing surface the shared layout ({@link PlotLayout}) paints on; implemented for PNG (Java2D)
 * and SVG. Coordinates are pixels, origin top left, y down. Text is positioned by the layout (which
 * measures it with the same font metrics for every canvas); a canvas only draws it.
 */
public interface Canvas {
  /** Horizontal text anchor. */
  enum Anchor {
    /** x is the left end. */
    START,
    /** x is the centre. */
    MIDDLE,
    /** x is the right end. */
    END
  }

  /**
   * Fills a rectangle.
   *
   * @param x left
   * @param y top
   * @param w width
   * @param h height
   * @param color colour
   * @param alpha opacity in [0, 1]
   */
  void fillRect(double x, double y, double w, double h, Rgb color, double alpha);

  /**
   * Strokes a polyline (open).
   *
   * @param xs x coordinates
   * @param ys y coordinates
   * @param style stroke, width already in output pixels
   */
  void polyline(double[] xs, double[] ys, Style style);

  /**
   * Fills a closed polygon.
   *
   * @param xs x coordinates
   * @param ys y coordinates
   * @param color colour
   * @param alpha opacity in [0, 1]
   */
  void fillPolygon(double[] xs, double[] ys, Rgb color, double alpha);

  /**
   * Fills a circle.
   *
   * @param cx centre x
   * @param cy centre y
   * @param r radius
   * @param color colour
   */
  void fillCircle(double cx, double cy, double r, Rgb color);

  /**
   * Draws text whose baseline starts, centres or ends at (x, y), rotated by {@code rotationDeg}
   * (clockwise on screen, -90 for a y-axis label) about (x, y).
   *
   * @param text the runs
   * @param x anchor x
   * @param y baseline y
   * @param sizePx base font size in pixels
   * @param bold bold face
   * @param anchor horizontal anchor
   * @param rotationDeg rotation in degrees
   * @param color colour
   */
  void text(RichText text, double x, double y, double sizePx, boolean bold, Anchor anchor,
      double rotationDeg, Rgb color);

  /**
   * Restricts drawing to a rectangle until {@link #popClip()}.
   *
   * @param x left
   * @param y top
   * @param w width
   * @param h height
   */
  void pushClip(double x, double y, double w, double h);

  /** Removes the clip set by the matching {@link #pushClip}. */
  void popClip();
}
