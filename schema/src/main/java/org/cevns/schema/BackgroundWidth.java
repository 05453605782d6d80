package org.cevns.schema;

/**
 * The prior of one background normalisation in {@code analysis.fit.backgrounds} and
 * {@code analysis.fit.default_background_width}: a relative Gaussian width in [0, 100] (0: fixed to the template)
 * or {@code free} (unconstrained). Bound from a YAML number or the word {@code free} by {@link ConfigBinding}.
 *
 * @param free {@code free}: no constraint
 * @param relative the relative width (NaN when free)
 */
public record BackgroundWidth(boolean free, double relative) {
  /** What a width is, as {@link BindingErrors#kind} names it: "must be " + this. */
  public static final String KIND = "a relative width >= 0 (0: fixed) or free";
  /** What a width may be, the text of the one-line error. */
  public static final String ALLOWED = "must be " + KIND;
  /** The allowed relative widths (up to 100, i.e. 10000 %). */
  public static final DoubleRange RANGE = DoubleRange.closed(0, 100);
  /** The spelling of an unconstrained normalisation. */
  public static final String FREE = "free";

  public BackgroundWidth {
    if (free != Double.isNaN(relative)) {
      throw new IllegalArgumentException("a width is free (NaN) or a number, got free=" + free + ", " + relative);
    }
    if (!free) {
      RANGE.check("width", relative);
    }
  }

  /** @return an unconstrained normalisation */
  public static BackgroundWidth unconstrained() {
    return new BackgroundWidth(true, Double.NaN);
  }

  /** @return a Gaussian prior of relative width {@code relative} in [0, 100] */
  public static BackgroundWidth of(double relative) {
    return new BackgroundWidth(false, relative);
  }
}
