package org.cevns.analysis.fit;

/**
 * A normalisation parameter θ multiplying the templates of the samples that name it (nominal θ = 1 means the
 * template as given). Three kinds:
 *
 * <ul>
 *   <li>{@link Kind#CONSTRAINED}: floats with a Gaussian constraint of relative width σ on an auxiliary
 *       measurement (global observable) a, nominal a = 1: the deviance gains ((θ − a)/σ)²;
 *   <li>{@link Kind#FREE}: floats unconstrained (θ &ge; 0), e.g. a steady background measured by the OFF or
 *       anti-coincidence channel of a simultaneous fit;
 *   <li>{@link Kind#FIXED}: held at {@code value}.
 * </ul>
 *
 * @param name label ([A-Za-z0-9_.-]+, not "mu")
 * @param kind the kind
 * @param relativeWidth σ for CONSTRAINED (finite, &gt; 0), 0 otherwise
 * @param value start value (FREE, CONSTRAINED: 1) or fixed value (FIXED, finite, &ge; 0)
 */
public record NormParameter(String name, Kind kind, double relativeWidth, double value) {
  /** The kind of normalisation parameter. */
  public enum Kind {
    /** Floats without constraint. */
    FREE,
    /** Floats with a Gaussian constraint of relative width σ. */
    CONSTRAINED,
    /** Held fixed. */
    FIXED
  }

  public NormParameter {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+") || name.equals(BinnedModel.POI_NAME)) {
      throw new IllegalArgumentException("norm parameter name must match [A-Za-z0-9_.-]+ and not be '"
          + BinnedModel.POI_NAME + "', got '" + name + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind of norm parameter " + name + " must not be null");
    }
    if (kind == Kind.CONSTRAINED && (!(relativeWidth > 0) || Double.isInfinite(relativeWidth))) {
      throw new IllegalArgumentException(
          "relativeWidth of constrained norm " + name + " must be finite and > 0, got " + relativeWidth);
    }
    if (kind != Kind.CONSTRAINED && relativeWidth != 0) {
      throw new IllegalArgumentException(
          "relativeWidth of " + kind + " norm " + name + " must be 0, got " + relativeWidth);
    }
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value of norm " + name + " must be finite and >= 0, got " + value);
    }
  }

  /** A normalisation with a Gaussian constraint of relative width {@code relativeWidth} around 1. */
  public static NormParameter constrained(String name, double relativeWidth) {
    return new NormParameter(name, Kind.CONSTRAINED, relativeWidth, 1.0);
  }

  /** An unconstrained normalisation (θ &ge; 0, start 1). */
  public static NormParameter free(String name) {
    return new NormParameter(name, Kind.FREE, 0.0, 1.0);
  }

  /** A normalisation fixed at {@code value} (finite, &ge; 0). */
  public static NormParameter fixed(String name, double value) {
    return new NormParameter(name, Kind.FIXED, 0.0, value);
  }

  /** True unless FIXED. */
  public boolean floats() {
    return kind != Kind.FIXED;
  }
}
