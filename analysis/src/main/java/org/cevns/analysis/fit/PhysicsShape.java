package org.cevns.analysis.fit;

/**
 * The expected counts of one sample as a function of the model's physics parameters (e.g. sin²θ_W, a neutron
 * rms radius): used for samples whose template is recomputed, e.g. by event-wise reweighting, at every
 * parameter point. Implementations must be deterministic; the model caches the last point.
 */
@FunctionalInterface
public interface PhysicsShape {
  /**
   * Expected counts per bin of the sample (finite, length the sample's bins) at the physics parameter values
   * {@code values}, given in the order of {@link BinnedModel#physics()}.
   */
  double[] expected(double[] values);

  /**
   * For a model with one physics parameter: the first and second derivatives of {@link #expected} in it at
   * {@code values}, {d1, d2} (each per bin), or null if the shape has none (the default; the model then takes
   * central differences of {@link #expected}).
   */
  default double[][] derivatives(double[] values) {
    return null;
  }
}
