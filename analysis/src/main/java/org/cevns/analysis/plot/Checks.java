package org.cevns.analysis.plot;

/** Input validation shared by the series records; every failure is a one-line message. */
final class Checks {
  private Checks() {}


  /** Copies a non-null, non-empty array of finite values. */
  static double[] finite(String name, double[] values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(name + " must be a non-empty array, got "
          + (values == null ? "null" : "length 0"));
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
      }
    }
    return values.clone();
  }


  static void sameLength(String name, double[] values, int length) {
    if (values.length != length) {
      throw new IllegalArgumentException(
          name + " must have length " + length + ", got " + values.length);
    }
  }

  static void increasing(String name, double[] values) {
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        throw new IllegalArgumentException(name + " must be strictly increasing, got " + values[i - 1]
            + " then " + values[i] + " at index " + i);
      }
    }
  }


  static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

}
