package org.cevns.schema;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a bound key allows, as the binding messages name it ({@code KEY: must be ALLOWED, got VALUE}): the kind of a
 * value of a type ({@link #kind}) and the range of an integer key ({@link #intRange}).
 */
final class BindingErrors {
  private BindingErrors() {}

  /** [min, max] of an integer key: its {@link IntBounds}, else the range of its Java type. */
  static long[] intRange(Class<?> type, IntBounds bounds) {
    if (bounds != null) {
      return new long[] {bounds.min(), bounds.max()};
    }
    boolean isLong = type == Long.class || type == Long.TYPE || type == OptionalLong.class;
    return isLong ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
  }

  /**
   * What a value of {@code raw} (not an {@link java.util.Optional}) is, after "must be ": {@code a number},
   * {@code a map}, {@code one of a, b}.
   */
  static String kind(Class<?> raw, IntBounds bounds) {
    if (raw == Double.class || raw == Double.TYPE || raw == OptionalDouble.class) {
      return "a number";
    }
    if (raw == Integer.class || raw == Integer.TYPE || raw == Long.class || raw == Long.TYPE
        || raw == OptionalInt.class || raw == OptionalLong.class) {
      long[] r = intRange(raw, bounds);
      return "an integer in [" + r[0] + ", " + r[1] + "]";
    }
    if (raw == Boolean.class || raw == Boolean.TYPE) {
      return "true or false";
    }
    if (raw == String.class) {
      return "a non-empty string";
    }
    if (raw == BackgroundWidth.class) {
      return BackgroundWidth.KIND;
    }
    if (raw.isEnum()) {
      return "one of " + spellings(raw);
    }
    if (java.util.Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return "a list";
    }
    return "a map";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String spellings(Class<?> raw) {
    return ConfigNode.spellings((Class) raw);
  }
}
