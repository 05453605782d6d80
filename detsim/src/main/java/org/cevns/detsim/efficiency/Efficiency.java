package org.cevns.detsim.efficiency;

import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.detsim.response.Observation;

/** Probability of keeping an event as a function of what the detector observed. Immutable, thread-safe. */
public interface Efficiency {
  /**
   * Probability in [0, 1] of keeping an event.
   *
   * @param observedKeVee observed energy in keVee (may be negative)
   * @param photoelectrons observed PE, or NaN when the response does not count PE (efficiencies defined in PE
   *     then throw {@link IllegalArgumentException})
   */
  double probability(double observedKeVee, double photoelectrons);

  /**
   * True when {@link #probability(double, double)} returns the very same double for every observation of at least
   * {@code observedKeVee} and at least {@code photoelectrons} as for this one (the curve has reached its plateau
   * in floating point); false when that is not known. Lets {@code rates} sum the PE distribution's weight above
   * the plateau in one step instead of term by term (same result to rounding).
   */
  default boolean constantFrom(double observedKeVee, double photoelectrons) {
    return false;
  }

  /** {@link #probability(double, double)} of an {@link Observation}. */
  default double probability(Observation observation) {
    return probability(observation.energyKeVee(), observation.photoelectrons());
  }

  /**
   * Keeps the event with probability {@link #probability(Observation)}. Draws one uniform deviate from
   * {@code rng} only when the probability is strictly between 0 and 1.
   */
  default boolean accept(Observation observation, UniformRandomProvider rng) {
    double p = probability(observation);
    if (p >= 1) {
      return true;
    }
    if (p <= 0) {
      return false;
    }
    return rng.nextDouble() < p;
  }
}
