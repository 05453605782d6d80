package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.cevns.physics.source.TimeProfile;

/** Test stand-in for a prompt (proton-pulse) time profile: Gaussian in ns. */
final class GaussianPulseProfile implements TimeProfile {
  private final double meanNs;
  private final double sigmaNs;

  GaussianPulseProfile(double meanNs, double sigmaNs) {
    this.meanNs = meanNs;
    this.sigmaNs = sigmaNs;
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), meanNs, sigmaNs);
  }

  @Override
  public double cdf(double timeNs) {
    return NormalDistribution.of(meanNs, sigmaNs).cumulativeProbability(timeNs);
  }

  @Override
  public double minTimeNs() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double maxTimeNs() {
    return Double.POSITIVE_INFINITY;
  }
}
