package org.cevns.analysis.validate;

import java.util.Objects;

/**
 * One comparison of a cevns prediction with a published number.
 *
 * @param system experiment or configuration ({@code coherent-csi}, ...)
 * @param quantity what is compared, with its unit
 * @param cevns cevns's value
 * @param published the published value
 * @param errorLow published uncertainty below the value (absolute, &gt; 0), or NaN when none is published
 * @param errorHigh published uncertainty above the value, or NaN when none is published
 * @param source where the published number comes from
 * @param note why cevns differs where it does, or what the comparison assumes (may be empty)
 */
public record ValidationCheck(String system, String quantity, double cevns, double published, double errorLow,
    double errorHigh, String source, String note) {

  /** How a comparison came out. */
  public enum Mark {
    /** Within the published 1σ uncertainty. */
    PASS,
    /** Between 1σ and 2σ. */
    MARGINAL,
    /** Beyond 2σ: the report says why. */
    TENSION,
    /** No published uncertainty: shown for information. */
    INFO
  }

  public ValidationCheck {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(note, "note");
    if (!Double.isFinite(cevns) || !Double.isFinite(published)) {
      throw new IllegalArgumentException(system + " " + quantity + ": values must be finite, got " + cevns + ", "
          + published);
    }
  }

  /** A check with a symmetric uncertainty. */
  public static ValidationCheck symmetric(String system, String quantity, double cevns, double published,
      double error, String source, String note) {
    return new ValidationCheck(system, quantity, cevns, published, error, error, source, note);
  }

  /** A check without a published uncertainty. */
  public static ValidationCheck info(String system, String quantity, double cevns, double published,
      String source, String note) {
    return new ValidationCheck(system, quantity, cevns, published, Double.NaN, Double.NaN, source, note);
  }

  /** cevns / published. */
  public double ratio() {
    return cevns / published;
  }

  /** (cevns − published) in units of the published uncertainty on cevns's side; NaN without one. */
  public double pull() {
    double err = cevns >= published ? errorHigh : errorLow;
    return (cevns - published) / err;
  }

  /** PASS within 1σ, MARGINAL within 2σ, TENSION beyond, INFO without an uncertainty. */
  public Mark mark() {
    double z = pull();
    if (Double.isNaN(z)) {
      return Mark.INFO;
    }
    double a = Math.abs(z);
    return a <= 1 ? Mark.PASS : a <= 2 ? Mark.MARGINAL : Mark.TENSION;
  }
}
