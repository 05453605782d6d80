package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scalars of {@link RecordBinder}, read from the YAML tree as strictly as YAML allows: numbers only from YAML
 * numbers (no quoted {@code '3'}, magnitudes at most {@link ConfigNode#MAX_MAGNITUDE}), integers only from integers
 * within their {@link IntBounds}, booleans only from {@code true}/{@code false}, strings only from non-empty
 * strings, enums spelled as {@link ConfigNode#spelling}, a {@link BackgroundWidth} from a number or {@code free}. A
 * refused value is {@code KEY: ALLOWED, got VALUE}.
 */
final class BoundScalars {
  private BoundScalars() {}

  /** Whether {@link #scalar} reads values of {@code raw}. */
  static boolean isScalar(Class<?> raw) {
    return raw == Double.class || raw == Double.TYPE || raw == Integer.class || raw == Integer.TYPE
        || raw == Long.class || raw == Long.TYPE || raw == Boolean.class || raw == Boolean.TYPE || raw == String.class
        || raw == BackgroundWidth.class || raw.isEnum();
  }

  /** The value of {@code node} as a {@code raw} ({@link #isScalar}). */
  static Object scalar(Class<?> raw, JsonNode node, String path, IntBounds bounds) {
    if (raw == Double.class || raw == Double.TYPE) {
      return number(node, path);
    } else if (raw == Integer.class || raw == Integer.TYPE || raw == Long.class || raw == Long.TYPE) {
      return integer(raw, node, path, bounds);
    } else if (raw == Boolean.class || raw == Boolean.TYPE) {
      if (!node.isBoolean()) {
        throw refused(path, "must be true or false", node);
      }
      return node.booleanValue();
    } else if (raw == String.class) {
      if (!node.isTextual() || node.textValue().isEmpty()) {
        throw refused(path, "must be a non-empty string", node);
      }
      return node.textValue();
    } else if (raw == BackgroundWidth.class) {
      return width(node, path);
    }
    return enumeration(raw, node, path);
  }

  static ConfigException refused(String path, String allowed, JsonNode node) {
    return ConfigException.rooted(path, allowed, ConfigException.render(node));
  }

  /** A finite number within ±{@link ConfigNode#MAX_MAGNITUDE}, or NaN/infinity (the record's range decides). */
  static double number(JsonNode node, String path) {
    if (!node.isNumber()) {
      throw refused(path, "must be a number", node);
    }
    double v = node.doubleValue();
    if (Double.isInfinite(v) && node.isIntegralNumber() || Double.isFinite(v) && Math.abs(v) > ConfigNode.MAX_MAGNITUDE) {
      throw refused(path, "must be a number of magnitude at most 1e30", node);
    }
    return v;
  }

  /** An integer in {@code bounds} (else the range of {@code raw}); no fractions, no strings. */
  static Object integer(Class<?> raw, JsonNode node, String path, IntBounds bounds) {
    long[] range = BindingErrors.intRange(raw, bounds);
    if (!node.isIntegralNumber() || node.isBigInteger() || node.longValue() < range[0] || node.longValue() > range[1]) {
      throw refused(path, "must be an integer in [" + range[0] + ", " + range[1] + "]", node);
    }
    long v = node.longValue();
    return raw == Long.class || raw == Long.TYPE ? (Object) v : (Object) (int) v;
  }

  /** A {@link BackgroundWidth}: a number in its range or the word {@code free}. */
  private static BackgroundWidth width(JsonNode node, String path) {
    if (node.isTextual() && BackgroundWidth.FREE.equals(node.textValue())) {
      return BackgroundWidth.unconstrained();
    }
    if (!node.isNumber()) {
      throw refused(path, BackgroundWidth.ALLOWED, node);
    }
    double v = number(node, path);
    if (!BackgroundWidth.RANGE.contains(v)) {
      throw refused(path, "must be " + BackgroundWidth.RANGE.describe(), node);
    }
    return BackgroundWidth.of(v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumeration(Class<?> raw, JsonNode node, String path) {
    Class<? extends Enum> type = (Class<? extends Enum>) raw;
    if (node.isTextual()) {
      for (Enum<?> e : type.getEnumConstants()) {
        if (ConfigNode.spelling(e).equals(node.textValue())) {
          return e;
        }
      }
    }
    throw refused(path, "must be one of " + ConfigNode.spellings(type), node);
  }
}
