package org.cevns.detsim.response;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Detector energy response: draws the observed energy (and PE count) for a visible energy. Immutable and
 * thread-safe; randomness comes only from the {@link UniformRandomProvider} passed in.
 */
public interface EnergyResponse {
  /**
   * Draws one observation.
   *
   * @param visibleKeVee visible (electron-equivalent) energy, finite and &ge; 0
   * @param rng random stream
   */
  Observation observe(double visibleKeVee, UniformRandomProvider rng);

  /** Observed energy in keVee of one draw; same stream use as {@link #observe}. */
  default double observedKeVee(double visibleKeVee, UniformRandomProvider rng) {
    return observe(visibleKeVee, rng).energyKeVee();
  }

  /** Mean observed energy in keVee at {@code visibleKeVee} (equal to it for every model here). */
  double meanKeVee(double visibleKeVee);

  /** Standard deviation of the observed energy in keVee at {@code visibleKeVee}. */
  double sigmaKeVee(double visibleKeVee);

  /** True when {@link Observation#photoelectrons()} is filled. */
  boolean countsPhotoelectrons();

  /** Rejects negative or non-finite visible energies. */
  static double checkVisible(double visibleKeVee) {
    if (!(visibleKeVee >= 0) || Double.isInfinite(visibleKeVee)) {
      throw new IllegalArgumentException("visibleKeVee must be finite and >= 0, got " + visibleKeVee);
    }
    return visibleKeVee;
  }
}
