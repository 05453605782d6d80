package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Normalised energy distribution of a background component, in keV on the component's
 * {@link EnergyScale}. Either a line (all events at one energy) or a density on [{@link #minKeV},
 * {@link #maxKeV}] that integrates to 1. Immutable.
 */
public interface BackgroundSpectrum {
  /** Lower edge of the support in keV (the line energy for a line), &ge; 0. */
  double minKeV();

  /** Upper edge in keV (may be +∞ for an exponential; the line energy for a line). */
  double maxKeV();

  /** True for a line. */
  default boolean isLine() {
    return false;
  }

  /** Probability density per keV; 0 outside the support; NaN for a line. */
  double densityPerKeV(double energyKeV);

  /** Cumulative distribution at {@code energyKeV} (a step at the energy for a line). */
  double cdf(double energyKeV);

  /** A sampler of energies in keV drawing from {@code rng}. */
  ContinuousSampler sampler(UniformRandomProvider rng);
}
