package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/**
 * Times uniform on [startNs, startNs + lengthNs): like the generator's source.UniformTimeProfile (which starts at
 * 0) but with a start offset, needed for beam cycles that begin with an anti-coincidence window before the
 * pulse.
 */
final class UniformSpanTimeProfile implements TimeProfile {
  private final double startNs;
  private final double lengthNs;

  private UniformSpanTimeProfile(double startNs, double lengthNs) {
    this.startNs = startNs;
    this.lengthNs = lengthNs;
  }

  /** @param startNs finite; @param lengthNs finite and &gt; 0 */
  public static UniformSpanTimeProfile of(double startNs, double lengthNs) {
    return new UniformSpanTimeProfile(Checks.finite("startNs", startNs), Checks.positive("lengthNs", lengthNs));
  }

  /** Uniform over a {@link TimeFrame}. */
  public static UniformSpanTimeProfile over(TimeFrame frame) {
    return of(frame.startNs(), frame.lengthNs());
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> startNs + lengthNs * rng.nextDouble();
  }

  @Override
  public double cdf(double timeNs) {
    return Math.min(1.0, Math.max(0.0, (timeNs - startNs) / lengthNs));
  }

  @Override
  public double minTimeNs() {
    return startNs;
  }

  @Override
  public double maxTimeNs() {
    return startNs + lengthNs;
  }

  @Override
  public String toString() {
    return "UniformSpanTimeProfile[" + startNs + ", " + (startNs + lengthNs) + ") ns";
  }
}
