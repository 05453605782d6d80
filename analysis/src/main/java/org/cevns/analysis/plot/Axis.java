package org.cevns.analysis.plot;

/**
 * One axis: label (with unit, e.g. {@code "E_{ee} [keVee]"}), scale and optional fixed range. A NaN
 * limit means automatic (from the data).
 *
 * @param label axis label, may be empty, not null
 * @param scale linear or logarithmic
 * @param min lower limit or NaN for automatic
 * @param max upper limit or NaN for automatic
 */
public record Axis(String label, Scale scale, double min, double max) {
  /** Axis scales. */
  public enum Scale {
    /** Linear. */
    LINEAR,
    /** Base-10 logarithmic (only positive values are shown). */
    LOG
  }

  /** Validates the axis. */
  public Axis {
    if (label == null) {
      throw new IllegalArgumentException("axis label must not be null (use \"\")");
    }
    if (scale == null) {
      throw new IllegalArgumentException("axis scale must not be null");
    }
    if (Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(
          "axis limits must be finite or NaN (automatic), got [" + min + ", " + max + "]");
    }
    if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
      throw new IllegalArgumentException("axis min must be < max, got [" + min + ", " + max + "]");
    }
    if (scale == Scale.LOG && (min <= 0 || max <= 0)) {
      throw new IllegalArgumentException(
          "log axis limits must be > 0 or NaN, got [" + min + ", " + max + "]");
    }
  }

  /**
   * @param label the label
   * @return an automatic linear axis
   */
  public static Axis linear(String label) {
    return new Axis(label, Scale.LINEAR, Double.NaN, Double.NaN);
  }

  /**
   * @param label the label
   * @return an automatic log axis
   */
  public static Axis log(String label) {
    return new Axis(label, Scale.LOG, Double.NaN, Double.NaN);
  }

  /**
   * @param newMin lower limit or NaN
   * @param newMax upper limit or NaN
   * @return this axis with a fixed range
   */
  public Axis withRange(double newMin, double newMax) {
    return new Axis(label, scale, newMin, newMax);
  }

  /**
   * @param newScale the scale
   * @return this axis with another scale (limits kept)
   */
  public Axis withScale(Scale newScale) {
    return new Axis(label, newScale, min, max);
  }

  /** @return true for a log axis */
  public boolean isLog() {
    return scale == Scale.LOG;
  }
}
