package org.cevns.physics;

import java.util.Arrays;

/**
 * Argument validation shared by the factories of the physics and the detector simulation. Every failure is an
 * {@link IllegalArgumentException} with one line naming the parameter, what is allowed and the value received.
 */
public final class Checks {
  private Checks() {}

  /** Fails with {@code "name must be allowed, got value"}. */
  public static IllegalArgumentException fail(String name, String allowed, Object value) {
    return new IllegalArgumentException(name + " must be " + allowed + ", got " + value);
  }

  /** Returns {@code value} if finite. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw fail(name, "finite", value);
    }
    return value;
  }

  /** Returns {@code value} if finite and &gt; 0. */
  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw fail(name, "finite and > 0", value);
    }
    return value;
  }

  /** Returns {@code value} if finite and &ge; 0. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw fail(name, "finite and >= 0", value);
    }
    return value;
  }

  /** Returns {@code value} if in the closed interval [lo, hi]. */
  public static double inClosedRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw fail(name, "in [" + lo + ", " + hi + "]", value);
    }
    return value;
  }

  /** Returns {@code value} if it is a probability, in [0, 1]. */
  public static double probability(String name, double value) {
    return inClosedRange(name, value, 0.0, 1.0);
  }

  /** Fails unless {@code values} is non-null, has at least {@code minLength} entries, all finite. */
  public static double[] finiteArray(String name, double[] values, int minLength) {
    if (values == null) {
      throw fail(name, "an array of at least " + minLength + " values", "null");
    }
    if (values.length < minLength) {
      throw fail(name, "an array of at least " + minLength + " values", values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw fail(name + "[" + i + "]", "finite", values[i]);
      }
    }
    return values.clone();
  }

  /** Like {@link #finiteArray} and also strictly increasing. */
  public static double[] strictlyIncreasing(String name, double[] values, int minLength) {
    double[] copy = finiteArray(name, values, minLength);
    for (int i = 1; i < copy.length; i++) {
      if (!(copy[i] > copy[i - 1])) {
        throw fail(name, "strictly increasing", Arrays.toString(copy));
      }
    }
    return copy;
  }

  /** Fails unless the two arrays have the same length. */
  public static void sameLength(String nameA, double[] a, String nameB, double[] b) {
    if (a.length != b.length) {
      throw fail(nameB, "as long as " + nameA + " (" + a.length + " values)", b.length + " values");
    }
  }

  /** Returns {@code text} if non-null and not blank. */
  public static String name(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw fail(parameter, "a non-blank string", text == null ? "null" : "\"" + text + "\"");
    }
    return text;
  }

  /** Returns {@code value} if it is not null. */
  public static <T> T notNull(String parameter, T value) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " must not be null");
    }
    return value;
  }

  /** Returns {@code label} if it is a non-empty label of letters, digits, '_', '.', '-'. */
  public static String label(String parameter, String label) {
    if (label == null || !label.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          parameter + " must be a non-empty string of letters, digits, '_', '.', '-', got '" + label + "'");
    }
    return label;
  }
}
