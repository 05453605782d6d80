package org.cevns.analysis.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * A polyline through (x, y) in the given order (a model curve, a fitted signal, a sensitivity curve).
 *
 * @param label legend label ("" for none)
 * @param x x values
 * @param y y values, same length
 * @param style stroke
 */
public record Line(String label, double[] x, double[] y, Style style) implements Series {
  /** Validates and copies the arrays. */
  public Line {
    Checks.label("line", label);
    x = Checks.finite("line x", x);
    y = Checks.finite("line y", y);
    Checks.sameLength("line y", y, x.length);
    Checks.notNull("line style", style);
  }

  /**
   * @param label legend label
   * @param x x values
   * @param y y values
   * @param style stroke
   * @return the line
   */
  public static Line of(String label, double[] x, double[] y, Style style) {
    return new Line(label, x, y, style);
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
  public boolean equals(Object o) {
    return o instanceof Line l && label.equals(l.label) && Arrays.equals(x, l.x)
        && Arrays.equals(y, l.y) && style.equals(l.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, Arrays.hashCode(x), Arrays.hashCode(y), style);
  }

  @Override
  public String toString() {
    return "Line[" + label + ", " + x.length + " points]";
  }
}
