package org.cevns.analysis.config;

/**
 * The prior on a background normalisation θ in the fit (nominal 1 = the template): {@link Kind#GAUSSIAN} with
 * a relative width, {@link Kind#FREE} (no constraint, θ &ge; 0), or {@link Kind#FIXED} (θ = 1). Written in the
 * configuration as a number (the relative width; 0 means fixed) or {@code free}.
 *
 * @param kind the kind
 * @param relativeWidth σ/θ of the Gaussian constraint, &gt; 0 and finite for GAUSSIAN, 0 otherwise
 */
public record Constraint(Kind kind, double relativeWidth) {
  /** Kind of constraint. */
  public enum Kind {
    /** Gaussian constraint of relative width {@code relativeWidth}. */
    GAUSSIAN,
    /** Unconstrained. */
    FREE,
    /** Held at the template value. */
    FIXED
  }

  public Constraint {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind == Kind.GAUSSIAN && (!(relativeWidth > 0) || Double.isInfinite(relativeWidth))) {
      throw new IllegalArgumentException("relativeWidth must be finite and > 0 for a Gaussian constraint, got "
          + relativeWidth);
    }
    if (kind != Kind.GAUSSIAN && relativeWidth != 0) {
      throw new IllegalArgumentException("relativeWidth must be 0 for a " + kind + " constraint, got " + relativeWidth);
    }
  }

  /** A Gaussian constraint of relative width {@code relativeWidth} (&gt; 0), or FIXED for 0. */
  public static Constraint of(double relativeWidth) {
    return relativeWidth == 0 ? new Constraint(Kind.FIXED, 0) : new Constraint(Kind.GAUSSIAN, relativeWidth);
  }

  /** No constraint. */
  public static Constraint free() {
    return new Constraint(Kind.FREE, 0);
  }

  /** As written in the configuration: the width or {@code free}. */
  public String spelling() {
    return kind == Kind.FREE ? "free" : Double.toString(relativeWidth);
  }
}
