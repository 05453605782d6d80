package org.cevns.analysis.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * A filled band between two curves sharing x (e.g. a 68 % band).
 *
 * @param label legend label ("" for none)
 * @param x x values, at least 2
 * @param low lower edge, same length
 * @param high upper edge, same length, each >= low
 * @param color fill colour
 * @param alpha fill opacity in [0, 1]
 */
public record Band(String label, double[] x, double[] low, double[] high, Rgb color, double alpha)
    implements Series {
  /** Validates and copies the arrays. */
  public Band {
    Checks.label("band", label);
    x = Checks.finite("band x", x);
    if (x.length < 2) {
      throw new IllegalArgumentException("band x must have at least 2 values, got " + x.length);
    }
    low = Checks.finite("band low", low);
    high = Checks.finite("band high", high);
    Checks.sameLength("band low", low, x.length);
    Checks.sameLength("band high", high, x.length);
    for (int i = 0; i < x.length; i++) {
      if (low[i] > high[i]) {
        throw new IllegalArgumentException(
            "band low must be <= high, got " + low[i] + " > " + high[i] + " at index " + i);
      }
    }
    Checks.notNull("band color", color);
    Checks.alpha("band alpha", alpha);
  }

  /**
   * A band at opacity 0.3.
   *
   * @param label legend label
   * @param x x values
   * @param low lower edge
   * @param high upper edge
   * @param color colour
   * @return the band
   */
  public static Band of(String label, double[] x, double[] low, double[] high, Rgb color) {
    return new Band(label, x, low, high, color, 0.3);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Band b && label.equals(b.label) && Arrays.equals(x, b.x)
        && Arrays.equals(low, b.low) && Arrays.equals(high, b.high) && color.equals(b.color)
        && alpha == b.alpha;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, Arrays.hashCode(x), Arrays.hashCode(low), Arrays.hashCode(high),
        color, alpha);
  }

  @Override
  public String toString() {
    return "Band[" + label + ", " + x.length + " points]";
  }
}
