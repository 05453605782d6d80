package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;

/**
 * Falling exponential truncated to [minKeV, maxKeV]: density ∝ exp(−(E − min)/s), s = {@code slopeKeV};
 * {@code maxKeV} may be +∞. Sampled by inversion E = min − s · log1p(u · expm1(−(max − min)/s)).
 */
public final class ExponentialSpectrum implements BackgroundSpectrum {
  private final double minKeV;
  private final double maxKeV;
  private final double slopeKeV;
  private final double expm1Range;

  private ExponentialSpectrum(double minKeV, double maxKeV, double slopeKeV) {
    this.minKeV = minKeV;
    this.maxKeV = maxKeV;
    this.slopeKeV = slopeKeV;
    this.expm1Range = Math.expm1(-(maxKeV - minKeV) / slopeKeV);
  }

  /**
   * @param minKeV &ge; 0
   * @param maxKeV &gt; minKeV, may be +∞
   * @param slopeKeV e-folding energy s in keV, &gt; 0
   */
  public static ExponentialSpectrum of(double minKeV, double maxKeV, double slopeKeV) {
    Checks.nonNegative("minKeV", minKeV);
    if (!(maxKeV > minKeV)) {
      throw Checks.fail("maxKeV", "> minKeV " + minKeV + " (may be Infinity)", maxKeV);
    }
    Checks.positive("slopeKeV", slopeKeV);
    return new ExponentialSpectrum(minKeV, maxKeV, slopeKeV);
  }

  public double slopeKeV() {
    return slopeKeV;
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
    if (energyKeV < minKeV || energyKeV > maxKeV) {
      return 0.0;
    }
    return Math.exp(-(energyKeV - minKeV) / slopeKeV) / (slopeKeV * -expm1Range);
  }

  @Override
  public double cdf(double energyKeV) {
    if (energyKeV <= minKeV) {
      return 0.0;
    }
    if (energyKeV >= maxKeV) {
      return 1.0;
    }
    return Math.expm1(-(energyKeV - minKeV) / slopeKeV) / expm1Range;
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> Math.min(maxKeV, minKeV - slopeKeV * Math.log1p(rng.nextDouble() * expm1Range));
  }

  @Override
  public String toString() {
    return "Exponential[" + minKeV + ", " + maxKeV + "] keV, slope " + slopeKeV + " keV";
  }
}
