package org.cevns.detsim.background;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/** A time profile shifted by a constant delay: t = t_base + delayNs (e.g. neutron time of flight). */
public final class DelayedTimeProfile implements TimeProfile {
  private final TimeProfile base;
  private final double delayNs;

  private DelayedTimeProfile(TimeProfile base, double delayNs) {
    this.base = base;
    this.delayNs = delayNs;
  }

  /** {@code base} delayed by {@code delayNs} (finite; 0 returns {@code base} itself). */
  public static TimeProfile of(TimeProfile base, double delayNs) {
    Objects.requireNonNull(base, "base");
    Checks.finite("delayNs", delayNs);
    return delayNs == 0 ? base : new DelayedTimeProfile(base, delayNs);
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    ContinuousSampler s = base.sampler(rng);
    return () -> s.sample() + delayNs;
  }

  @Override
  public double cdf(double timeNs) {
    return base.cdf(timeNs - delayNs);
  }

  @Override
  public double minTimeNs() {
    return base.minTimeNs() + delayNs;
  }

  @Override
  public double maxTimeNs() {
    return base.maxTimeNs() + delayNs;
  }

  @Override
  public String toString() {
    return base + " + " + delayNs + " ns";
  }
}
