package org.cevns.detsim.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;

/** A line: every event at {@code energyKeV}; the detector response gives it its width. */
public final class LineSpectrum implements BackgroundSpectrum {
  private final double energyKeV;

  private LineSpectrum(double energyKeV) {
    this.energyKeV = energyKeV;
  }

  /** @param energyKeV line energy, finite and &gt; 0 */
  public static LineSpectrum of(double energyKeV) {
    return new LineSpectrum(Checks.positive("energyKeV", energyKeV));
  }

  public double energyKeV() {
    return energyKeV;
  }

  @Override
  public boolean isLine() {
    return true;
  }

  @Override
  public double minKeV() {
    return energyKeV;
  }

  @Override
  public double maxKeV() {
    return energyKeV;
  }

  @Override
  public double densityPerKeV(double e) {
    return Double.NaN;
  }

  @Override
  public double cdf(double e) {
    return e >= energyKeV ? 1.0 : 0.0;
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> energyKeV;
  }

  @Override
  public String toString() {
    return "Line(" + energyKeV + " keV)";
  }
}
