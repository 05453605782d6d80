package org.cevns.physics.source;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Distribution of the neutrino time in ns: since the start of the proton pulse for pulsed sources, since the
 * start of the period for steady ones. Immutable; {@link #sampler} binds it to a random stream.
 */
public interface TimeProfile {
  /** A sampler of times in ns drawing from {@code rng}. */
  ContinuousSampler sampler(UniformRandomProvider rng);

  /** Cumulative distribution function at {@code timeNs}, for statistical tests. */
  double cdf(double timeNs);

  /** Lower bound of the support in ns (may be -infinity for none). */
  double minTimeNs();

  /** Upper bound of the support in ns (may be +infinity). */
  double maxTimeNs();
}
