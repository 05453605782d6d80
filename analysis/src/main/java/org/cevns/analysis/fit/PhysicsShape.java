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
}
