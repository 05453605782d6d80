package org.cevns.analysis.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * Data points with markers and error bars (asymmetric in y allowed, optional half-width in x).
 *
 * @param label legend label ("" for none)
 * @param x x values
 * @param y y values, same length
 * @param yErrLow downward error (>= 0) per point, or null
 * @param yErrHigh upward error (>= 0) per point, or null (must be null exactly when yErrLow is)
 * @param xErr horizontal half-width (>= 0) per point, or null
 * @param color marker and error-bar colour
 * @param markerRadiusPx marker radius in pixels at the default size; 0 draws error bars only
 */
public record Points(String label, double[] x, double[] y, double[] yErrLow, double[] yErrHigh,
    double[] xErr, Rgb color, double markerRadiusPx) implements Series {
  /** Validates and copies the arrays. */
  public Points {
    Checks.label("points", label);
    x = Checks.finite("points x", x);
    y = Checks.finite("points y", y);
    Checks.sameLength("points y", y, x.length);
    if ((yErrLow == null) != (yErrHigh == null)) {
      throw new IllegalArgumentException("points yErrLow and yErrHigh must both be given or both null");
    }
    yErrLow = Checks.optionalNonNegative("points yErrLow", yErrLow, x.length);
    yErrHigh = Checks.optionalNonNegative("points yErrHigh", yErrHigh, x.length);
    xErr = Checks.optionalNonNegative("points xErr", xErr, x.length);
    Checks.notNull("points color", color);
    if (!(markerRadiusPx >= 0 && markerRadiusPx <= 50)) {
      throw new IllegalArgumentException("points markerRadiusPx must be in [0, 50], got " + markerRadiusPx);
    }
  }

  /**
   * Points with symmetric y errors and 4 px markers.
   *
   * @param label legend label
   * @param x x values
   * @param y y values
   * @param yErr symmetric y errors or null
   * @param color colour
   * @return the points
   */
  public static Points of(String label, double[] x, double[] y, double[] yErr, Rgb color) {
    return new Points(label, x, y, yErr, yErr, null, color, 4.0);
  }

  /**
   * @param low downward errors
   * @param high upward errors
   * @return these points with asymmetric y errors
   */
  public Points withYErrors(double[] low, double[] high) {
    return new Points(label, x, y, low, high, xErr, color, markerRadiusPx);
  }

  /**
   * @param halfWidths horizontal half-widths (e.g. half the bin width), or null
   * @return these points with x error bars
   */
  public Points withXErrors(double[] halfWidths) {
    return new Points(label, x, y, yErrLow, yErrHigh, halfWidths, color, markerRadiusPx);
  }

  /**
   * @param radiusPx marker radius in pixels
   * @return these points with another marker size
   */
  public Points withMarkerRadius(double radiusPx) {
    return new Points(label, x, y, yErrLow, yErrHigh, xErr, color, radiusPx);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] yErrLow() {
    return Checks.copy(yErrLow);
  }

  @Override
  public double[] yErrHigh() {
    return Checks.copy(yErrHigh);
  }

  @Override
  public double[] xErr() {
    return Checks.copy(xErr);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Points p && label.equals(p.label) && Arrays.equals(x, p.x)
        && Arrays.equals(y, p.y) && Arrays.equals(yErrLow, p.yErrLow)
        && Arrays.equals(yErrHigh, p.yErrHigh) && Arrays.equals(xErr, p.xErr)
        && color.equals(p.color) && markerRadiusPx == p.markerRadiusPx;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(yErrLow),
        Arrays.hashCode(yErrHigh), Arrays.hashCode(xErr), color, markerRadiusPx);
  }

  @Override
  public String toString() {
    return "Points[" + label + ", " + x.length + " points]";
  }
}
