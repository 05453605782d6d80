package org.cevns.schema;

import java.util.Objects;

/**
 * Allowed values of a floating-point configuration key: an interval, finite unless {@code .inf} is explicitly
 * allowed. Used by {@link ConfigNode} getters and by the records' compact constructors, so the message text
 * is the same everywhere:
 *
 * <ul>
 *   <li>{@code NaN} or a disallowed infinity: {@code must be a finite number > 0, got .inf};
 *   <li>outside the interval: {@code must be > 0, got -3}, {@code must be in (0, 1), got 1.2}.
 * </ul>
 */
public final class DoubleRange {
  /** Any finite number. */
  public static final DoubleRange FINITE = new DoubleRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, false);
  /** Finite and {@code > 0}. */
  public static final DoubleRange POSITIVE = greaterThan(0);
  /** Finite and {@code >= 0}. */
  public static final DoubleRange NON_NEGATIVE = atLeast(0);
  /** {@code > 0}, and {@code .inf} is allowed (an open upper end, e.g. {@code roi_max_kevnr}). */
  public static final DoubleRange POSITIVE_OR_INFINITE = new DoubleRange(0, false, Double.POSITIVE_INFINITY, false, true);

  private final double lower;
  private final boolean lowerInclusive;
  private final double upper;
  private final boolean upperInclusive;
  private final boolean infinityAllowed;
  /** Why the bounds are what they are, appended to the message (null: none). */
  private final String reason;

  private DoubleRange(double lower, boolean lowerInclusive, double upper, boolean upperInclusive, boolean infinityAllowed) {
    this(lower, lowerInclusive, upper, upperInclusive, infinityAllowed, null);
  }

  private DoubleRange(double lower, boolean lowerInclusive, double upper, boolean upperInclusive, boolean infinityAllowed,
      String reason) {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("DoubleRange bounds must be ordered numbers, got " + lower + ", " + upper);
    }
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
    this.infinityAllowed = infinityAllowed;
    this.reason = reason;
  }

  /**
   * The same interval as a physical range: a value below the lower bound (or NaN, or a disallowed infinity) gets
   * the message of the lower bound alone ({@code must be > 0, got -3}), a value above the upper bound the upper
   * bound with its reason ({@code must be <= 1e9 (up to 1 Mt), got 1e12}).
   */
  public DoubleRange because(String why) {
    return new DoubleRange(lower, lowerInclusive, upper, upperInclusive, infinityAllowed, why);
  }

  /**
   * Any finite number of magnitude at most {@code max} — a physical range for a signed quantity: NaN and infinities
   * get the {@link #FINITE} message, a larger magnitude {@code must be within +-MAX (REASON), got V}.
   */
  public static DoubleRange within(double max, String why) {
    return new DoubleRange(-max, true, max, true, false, why);
  }

  /** Upper bound of the interval (+∞ if none). */
  public double upper() {
    return upper;
  }

  /** Finite and {@code > lower}. */
  public static DoubleRange greaterThan(double lower) {
    return new DoubleRange(lower, false, Double.POSITIVE_INFINITY, false, false);
  }

  /** Finite and {@code >= lower}. */
  public static DoubleRange atLeast(double lower) {
    return new DoubleRange(lower, true, Double.POSITIVE_INFINITY, false, false);
  }

  /** The open interval (lower, upper). */
  public static DoubleRange open(double lower, double upper) {
    return new DoubleRange(lower, false, upper, false, false);
  }

  /** The closed interval [lower, upper]. */
  public static DoubleRange closed(double lower, double upper) {
    return new DoubleRange(lower, true, upper, true, false);
  }

  /** The interval (lower, upper]. */
  public static DoubleRange openClosed(double lower, double upper) {
    return new DoubleRange(lower, false, upper, true, false);
  }

  /** Writes the bounds as JSON Schema keywords ({@code minimum}, {@code exclusiveMinimum}, ...) into {@code schema}. */
  void writeJsonSchema(com.fasterxml.jackson.databind.node.ObjectNode schema) {
    if (lower != Double.NEGATIVE_INFINITY) {
      schema.put(lowerInclusive ? "minimum" : "exclusiveMinimum", lower);
    }
    if (upper != Double.POSITIVE_INFINITY) {
      schema.put(upperInclusive ? "maximum" : "exclusiveMaximum", upper);
    }
  }

  /** True when {@code value} is allowed. */
  public boolean contains(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (Double.isInfinite(value)) {
      return infinityAllowed && value > 0;
    }
    boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
    boolean belowUpper = upperInclusive ? value <= upper : value < upper;
    return aboveLower && belowUpper;
  }

  /** What is allowed, e.g. {@code > 0}, {@code in (0, 1)}, {@code > 0 (or .inf)}, {@code any finite number}. */
  public String describe() {
    boolean hasLower = lower != Double.NEGATIVE_INFINITY;
    boolean hasUpper = upper != Double.POSITIVE_INFINITY;
    String text;
    if (hasLower && hasUpper) {
      text = "in " + (lowerInclusive ? "[" : "(") + ConfigException.render(lower) + ", "
          + ConfigException.render(upper) + (upperInclusive ? "]" : ")");
    } else if (hasLower) {
      text = (lowerInclusive ? ">= " : "> ") + ConfigException.render(lower);
    } else if (hasUpper) {
      text = (upperInclusive ? "<= " : "< ") + ConfigException.render(upper);
    } else {
      text = "";
    }
    if (infinityAllowed) {
      return text + " (or .inf)";
    }
    return text;
  }

  /**
   * Returns {@code value} if allowed, else throws {@link ConfigException} at {@code keyPath}.
   *
   * @throws ConfigException {@code KEY: must be a finite number > 0, got .inf} or {@code KEY: must be > 0, got -3}
   */
  public double check(String keyPath, double value) {
    record(keyPath);
    if (contains(value)) {
      return value;
    }
    if (reason != null && lower == -upper && Double.isFinite(value)) {
      throw new ConfigException(keyPath, "must be within +-" + ConfigException.render(upper) + " (" + reason + ")",
          ConfigException.render(value));
    }
    if (reason != null && lower == -upper) {
      return FINITE.check(keyPath, value);
    }
    if (reason != null) {
      DoubleRange lowerOnly = new DoubleRange(lower, lowerInclusive, Double.POSITIVE_INFINITY, false, infinityAllowed);
      if (!lowerOnly.contains(value)) {
        return lowerOnly.check(keyPath, value);
      }
      throw new ConfigException(keyPath, "must be " + (upperInclusive ? "<= " : "< ") + ConfigException.render(upper)
          + " (" + reason + ")", ConfigException.render(value));
    }
    String described = describe();
    if (Double.isNaN(value) || (Double.isInfinite(value) && !infinityAllowed)) {
      String allowed = infinityAllowed ? "must be " + described
          : described.isEmpty() ? "must be a finite number" : "must be a finite number " + described;
      throw new ConfigException(keyPath, allowed, ConfigException.render(value));
    }
    throw new ConfigException(keyPath, "must be " + described, ConfigException.render(value));
  }

  /**
   * Tells the schema recorder, if one is recording, that {@code keyPath} (relative to the record being built) is
   * checked against this range, without a value: an optional key absent from this configuration whose range the
   * generated schema should carry all the same ({@link #check} records it too).
   */
  void record(String keyPath) {
    SchemaRecorder recorder = SchemaRecorder.current();
    if (recorder != null) {
      recorder.recordCheck(keyPath, this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoubleRange r && Double.compare(lower, r.lower) == 0 && lowerInclusive == r.lowerInclusive
        && Double.compare(upper, r.upper) == 0 && upperInclusive == r.upperInclusive
        && infinityAllowed == r.infinityAllowed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lower, lowerInclusive, upper, upperInclusive, infinityAllowed);
  }

  @Override
  public String toString() {
    return describe().isEmpty() ? "any finite number" : describe();
  }
}
