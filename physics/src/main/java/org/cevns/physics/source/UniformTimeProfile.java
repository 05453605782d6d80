package org.cevns.physics.source;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;

/**
 * Time uniform on [0, {@link #durationNs}]: emission times of a steady source over a period's live time.
 *
 * @param durationNs period duration in ns, finite and &gt; 0
 */
record UniformTimeProfile(double durationNs) implements TimeProfile {
  public UniformTimeProfile {
    Checks.positive("durationNs", durationNs);
  }

  /** Uniform on [0, {@code durationNs}]. */
  public static UniformTimeProfile of(double durationNs) {
    return new UniformTimeProfile(durationNs);
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    double d = durationNs;
    return () -> d * rng.nextDouble();
  }

  @Override
  public double cdf(double timeNs) {
    return Math.min(1.0, Math.max(0.0, timeNs / durationNs));
  }

  // equals and hashCode written out, with the record's equality: a record's generated ones bootstrap ObjectMethods
  // on their first call, on the critical path of a cold cevns rates (docs/performance-history.md, coldrates)
  @Override
  public boolean equals(Object o) {
    return o instanceof UniformTimeProfile u && Double.compare(durationNs, u.durationNs) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(durationNs);
  }

  @Override
  public double minTimeNs() {
    return 0.0;
  }

  @Override
  public double maxTimeNs() {
    return durationNs;
  }
}
