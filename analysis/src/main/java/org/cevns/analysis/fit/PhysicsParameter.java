package org.cevns.analysis.fit;

/**
 * A physics parameter of the model (sin²θ_W, {@code rn_fm.Cs133}, …) that changes the expected counts of the
 * samples with a {@link PhysicsShape}. It floats within [lower, upper], unconstrained when {@code sigma} is 0,
 * else with a Gaussian constraint ((x − nominal)/sigma)² (a physics nuisance, e.g. a radius known to 0.1 fm).
 *
 * @param name the parameter name ([A-Za-z0-9_.\[\]-]+, not "mu"; brackets for {@code mediator[0].g})
 * @param nominal the value the templates were made at, inside [lower, upper]
 * @param lower lower bound, finite
 * @param upper upper bound, finite, &gt; lower
 * @param sigma Gaussian constraint width, 0 for none, finite
 */
public record PhysicsParameter(String name, double nominal, double lower, double upper, double sigma) {
  public PhysicsParameter {
    if (name == null || !name.matches("[A-Za-z0-9_.\\[\\]-]+") || name.equals(BinnedModel.POI_NAME)) {
      throw new IllegalArgumentException("physics parameter name must match [A-Za-z0-9_.[]-]+ and not be 'mu', got '"
          + name + "'");
    }
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(upper > lower)) {
      throw new IllegalArgumentException("bounds of " + name + " must be finite with upper > lower, got [" + lower
          + ", " + upper + "]");
    }
    if (!(nominal >= lower && nominal <= upper)) {
      throw new IllegalArgumentException("nominal of " + name + " must be in [" + lower + ", " + upper + "], got "
          + nominal);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma of " + name + " must be finite and >= 0, got " + sigma);
    }
  }

  /** An unconstrained physics parameter. */
  public static PhysicsParameter free(String name, double nominal, double lower, double upper) {
    return new PhysicsParameter(name, nominal, lower, upper, 0.0);
  }
}
