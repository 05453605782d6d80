package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;

/** Flat spectrum on [minKeV, maxKeV). */
public final class FlatSpectrum implements BackgroundSpectrum {
  private final double minKeV;
  private final double maxKeV;

  private FlatSpectrum(double minKeV, double maxKeV) {
    this.minKeV = minKeV;
    this.maxKeV = maxKeV;
  }

  /** @param minKeV &ge; 0; @param maxKeV finite, &gt; minKeV */
  public static FlatSpectrum of(double minKeV, double maxKeV) {
    Checks.nonNegative("minKeV", minKeV);
    Checks.finite("maxKeV", maxKeV);
    if (!(maxKeV > minKeV)) {
      throw Checks.fail("maxKeV", "> minKeV " + minKeV, maxKeV);
    }
    return new FlatSpectrum(minKeV, maxKeV);
  }

  @Override
  public double minKeV() {
    return minKeV;
  }

  @Override
  public double maxKeV() {
    return maxKeV;
  }

  @Override
  public double densityPerKeV(double energyKeV) {
    return energyKeV >= minKeV && energyKeV <= maxKeV ? 1.0 / (maxKeV - minKeV) : 0.0;
  }

  @Override
  public double cdf(double energyKeV) {
    return Math.min(1.0, Math.max(0.0, (energyKeV - minKeV) / (maxKeV - minKeV)));
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> minKeV + (maxKeV - minKeV) * rng.nextDouble();
  }

  @Override
  public String toString() {
    return "Flat[" + minKeV + ", " + maxKeV + "] keV";
  }
}
