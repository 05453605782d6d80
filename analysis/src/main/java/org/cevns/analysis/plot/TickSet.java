package org.cevns.analysis.plot;

import java.util.List;

/**
 * Major ticks with their labels (markup, see the package doc) and unlabelled minor ticks of one axis
 * range. Values are in data units; the arrays returned are copies.
 */
public final class TickSet {
  private final double min;
  private final double max;
  private final double[] major;
  private final List<String> labels;
  private final double[] minor;

  TickSet(double min, double max, double[] major, List<String> labels, double[] minor) {
    if (major.length != labels.size()) {
      throw new IllegalArgumentException(
          "tick labels must match major ticks, got " + labels.size() + " for " + major.length);
    }
    this.min = min;
    this.max = max;
    this.major = major.clone();
    this.labels = List.copyOf(labels);
    this.minor = minor.clone();
  }

  /** @return lower end of the axis range */
  public double min() {
    return min;
  }

  /** @return upper end of the axis range */
  public double max() {
    return max;
  }

  /** @return major tick values, increasing, all within [min, max] */
  public double[] major() {
    return major.clone();
  }

  /** @return one label per major tick */
  public List<String> labels() {
    return labels;
  }

  /** @return minor tick values, increasing, within [min, max], none equal to a major tick */
  public double[] minor() {
    return minor.clone();
  }

  @Override
  public String toString() {
    return "TickSet[" + min + ", " + max + ": " + labels + "]";
  }
}
