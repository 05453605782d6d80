package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/**
 * Times of a decaying source within [startNs, startNs + lengthNs): density ∝ exp(−(t − start)/τ), sampled by
 * inversion t = start − τ · log1p(u · expm1(−L/τ)). τ = +∞ gives the uniform profile.
 */
final class DecayingTimeProfile implements TimeProfile {
  private final double startNs;
  private final double lengthNs;
  private final double meanLifeNs;
  private final double expm1Length;

  private DecayingTimeProfile(double startNs, double lengthNs, double meanLifeNs) {
    this.startNs = startNs;
    this.lengthNs = lengthNs;
    this.meanLifeNs = meanLifeNs;
    this.expm1Length = Math.expm1(-lengthNs / meanLifeNs);
  }

  /**
   * @param startNs finite
   * @param lengthNs finite and &gt; 0
   * @param meanLifeNs mean life τ = T½/ln 2 in ns, &gt; 0 (may be +∞)
   */
  public static DecayingTimeProfile of(double startNs, double lengthNs, double meanLifeNs) {
    Checks.finite("startNs", startNs);
    Checks.positive("lengthNs", lengthNs);
    if (!(meanLifeNs > 0)) {
      throw Checks.fail("meanLifeNs", "> 0 (or +Infinity)", meanLifeNs);
    }
    return new DecayingTimeProfile(startNs, lengthNs, meanLifeNs);
  }

  public double meanLifeNs() {
    return meanLifeNs;
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    if (Double.isInfinite(meanLifeNs)) {
      return () -> startNs + lengthNs * rng.nextDouble();
    }
    return () -> Math.min(startNs + lengthNs,
        startNs - meanLifeNs * Math.log1p(rng.nextDouble() * expm1Length));
  }

  @Override
  public double cdf(double timeNs) {
    double dt = Math.min(lengthNs, Math.max(0.0, timeNs - startNs));
    if (Double.isInfinite(meanLifeNs)) {
      return dt / lengthNs;
    }
    return Math.expm1(-dt / meanLifeNs) / expm1Length;
  }

  @Override
  public double minTimeNs() {
    return startNs;
  }

  @Override
  public double maxTimeNs() {
    return startNs + lengthNs;
  }
}
