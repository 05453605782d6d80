package org.cevns.analysis.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram drawn as a step outline from bin edges and contents, optionally filled below (towards
 * zero, or the bottom of a log axis) and with vertical error bars at the bin centres.
 *
 * @param label legend label ("" for none)
 * @param edges bin edges, strictly increasing, at least 2
 * @param contents bin contents, one per bin (edges.length - 1)
 * @param errors symmetric errors per bin (>= 0) or null for none
 * @param style outline style
 * @param fillAlpha opacity of the fill below the outline, 0 for no fill
 */
public record StepHistogram(
    String label, double[] edges, double[] contents, double[] errors, Style style, double fillAlpha)
    implements Series {
  /** Validates and copies the arrays. */
  public StepHistogram {
    Checks.label("histogram", label);
    edges = Checks.finite("histogram edges", edges);
    if (edges.length < 2) {
      throw new IllegalArgumentException("histogram edges must have at least 2 values, got " + edges.length);
    }
    Checks.increasing("histogram edges", edges);
    contents = Checks.finite("histogram contents", contents);
    Checks.sameLength("histogram contents", contents, edges.length - 1);
    errors = Checks.optionalNonNegative("histogram errors", errors, contents.length);
    Checks.notNull("histogram style", style);
    Checks.alpha("histogram fillAlpha", fillAlpha);
  }

  /**
   * An unfilled 2 px step histogram without error bars.
   *
   * @param label legend label
   * @param edges bin edges
   * @param contents bin contents
   * @param color outline colour
   * @return the histogram
   */
  public static StepHistogram of(String label, double[] edges, double[] contents, Rgb color) {
    return new StepHistogram(label, edges, contents, null, Style.solid(color), 0.0);
  }

  /**
   * @param newErrors symmetric errors per bin, or null
   * @return this histogram with error bars
   */
  public StepHistogram withErrors(double[] newErrors) {
    return new StepHistogram(label, edges, contents, newErrors, style, fillAlpha);
  }

  /**
   * @param alpha fill opacity in [0, 1]
   * @return this histogram filled below the outline
   */
  public StepHistogram withFill(double alpha) {
    return new StepHistogram(label, edges, contents, errors, style, alpha);
  }

  /**
   * @param newStyle the outline style
   * @return this histogram with another outline style
   */
  public StepHistogram withStyle(Style newStyle) {
    return new StepHistogram(label, edges, contents, errors, newStyle, fillAlpha);
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public double[] contents() {
    return contents.clone();
  }

  @Override
  public double[] errors() {
    return Checks.copy(errors);
  }

  /** @return number of bins */
  public int bins() {
    return contents.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepHistogram h && label.equals(h.label) && Arrays.equals(edges, h.edges)
        && Arrays.equals(contents, h.contents) && Arrays.equals(errors, h.errors)
        && style.equals(h.style) && fillAlpha == h.fillAlpha;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, Arrays.hashCode(edges), Arrays.hashCode(contents),
        Arrays.hashCode(errors), style, fillAlpha);
  }

  @Override
  public String toString() {
    return "StepHistogram[" + label + ", " + contents.length + " bins]";
  }
}
