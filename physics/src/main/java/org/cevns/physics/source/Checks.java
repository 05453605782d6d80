package org.cevns.physics.source;

/** Argument checks shared by the source classes; every message names the parameter, the value and the rule. */
final class Checks {
  private Checks() {}

  /** Returns {@code value} if it is finite and &gt; 0. */
  static double positive(String parameter, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(parameter + " must be finite and > 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and &ge; 0. */
  static double nonNegative(String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(parameter + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in [lo, hi]. */
  static double inRange(String parameter, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          parameter + " must be in [" + lo + ", " + hi + "], got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is not null. */
  static <T> T notNull(String parameter, T value) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " must not be null");
    }
    return value;
  }

  /** Returns {@code label} if it is a non-empty label of letters, digits, '_', '.', '-'. */
  static String label(String parameter, String label) {
    if (label == null || !label.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          parameter + " must be a non-empty string of letters, digits, '_', '.', '-', got '" + label + "'");
    }
    return label;
  }
}
