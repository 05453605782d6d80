package org.cevns.analysis;

/**
 * Argument checks shared by the analysis packages; every message is one line naming the parameter, the value
 * and what is allowed.
 */
public final class ArgChecks {
  private ArgChecks() {}

  /** Returns {@code value} if it is finite and &gt; 0. */
  public static double positive(String parameter, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(parameter + " must be finite and > 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and &ge; 0. */
  public static double nonNegative(String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(parameter + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite. */
  public static double finite(String parameter, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(parameter + " must be finite, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in the open interval (lo, hi). */
  public static double open(String parameter, double value, double lo, double hi) {
    if (!(value > lo && value < hi)) {
      throw new IllegalArgumentException(parameter + " must be in (" + lo + ", " + hi + "), got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is &ge; {@code min}. */
  public static int atLeast(String parameter, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(parameter + " must be >= " + min + ", got " + value);
    }
    return value;
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

  /** Returns a copy of {@code values} if every element is finite and &ge; 0. */
  public static double[] nonNegativeCopy(String parameter, double[] values) {
    notNull(parameter, values);
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            parameter + "[" + i + "] must be finite and >= 0, got " + values[i]);
      }
    }
    return values.clone();
  }
}
