package org.cevns.analysis.plot;

/**
 * A panel's plot area in pixels and its data ranges: maps data coordinates to pixels. Values outside
 * the range map outside the area (non-positive values on a log axis map far below/left of it).
 *
 * @param left left edge, px
 * @param top top edge, px
 * @param width width, px
 * @param height height, px
 * @param xScale x scale
 * @param xMin x at the left edge
 * @param xMax x at the right edge
 * @param yScale y scale
 * @param yMin y at the bottom edge
 * @param yMax y at the top edge
 */
public record Frame(double left, double top, double width, double height, Axis.Scale xScale,
    double xMin, double xMax, Axis.Scale yScale, double yMin, double yMax) {
  private static final double FAR_PX = 1.0e5;

  /** Validates the frame. */
  public Frame {
    if (!(width > 0 && height > 0)) {
      throw new IllegalArgumentException("frame needs width, height > 0, got " + width + " x " + height);
    }
    if (!(xMin < xMax) || !(yMin < yMax)) {
      throw new IllegalArgumentException("frame ranges need min < max, got x [" + xMin + ", " + xMax
          + "], y [" + yMin + ", " + yMax + "]");
    }
  }

  /** @return right edge, px */
  public double right() {
    return left + width;
  }

  /** @return bottom edge, px */
  public double bottom() {
    return top + height;
  }

  /**
   * @param x data x
   * @return pixel column
   */
  public double px(double x) {
    return left + fraction(x, xScale, xMin, xMax) * width;
  }

  /**
   * @param y data y
   * @return pixel row
   */
  public double py(double y) {
    return bottom() - fraction(y, yScale, yMin, yMax) * height;
  }

  private static double fraction(double v, Axis.Scale scale, double min, double max) {
    double f;
    if (scale == Axis.Scale.LOG) {
      if (!(v > 0)) {
        return -FAR_PX;
      }
      f = (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
    } else {
      f = (v - min) / (max - min);
    }
    return Math.max(-FAR_PX, Math.min(FAR_PX, f));
  }
}
