package org.cevns.detsim.background;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.physics.Checks;

/**
 * Spectrum from a table (E_i, w_i) of relative densities, <b>linear between points</b> and zero outside
 * [E_0, E_{n−1}]; normalised internally. Sampled exactly by inverting the piecewise-quadratic CDF: in a
 * segment with density f0 at its start and slope s, the area r is reached at
 * t = 2r / (f0 + √(f0² + 2 s r)).
 */
public final class TabulatedSpectrum implements BackgroundSpectrum {
  private final double[] energiesKeV;
  private final double[] densities; // normalised per keV
  private final double[] cumulative; // cumulative[i] = CDF at energiesKeV[i]

  private TabulatedSpectrum(double[] energiesKeV, double[] densities, double[] cumulative) {
    this.energiesKeV = energiesKeV;
    this.densities = densities;
    this.cumulative = cumulative;
  }

  /**
   * @param energiesKeV at least 2, strictly increasing, first &ge; 0
   * @param relativeDensities same length, each &ge; 0, not all zero (any normalisation)
   */
  public static TabulatedSpectrum of(double[] energiesKeV, double[] relativeDensities) {
    double[] e = Checks.strictlyIncreasing("energiesKeV", energiesKeV, 2);
    Checks.nonNegative("energiesKeV[0]", e[0]);
    double[] w = Checks.finiteArray("relativeDensities", relativeDensities, 2);
    Checks.sameLength("energiesKeV", e, "relativeDensities", w);
    for (int i = 0; i < w.length; i++) {
      Checks.nonNegative("relativeDensities[" + i + "]", w[i]);
    }
    double[] cum = new double[e.length];
    for (int i = 1; i < e.length; i++) {
      cum[i] = cum[i - 1] + 0.5 * (w[i - 1] + w[i]) * (e[i] - e[i - 1]);
    }
    double total = cum[e.length - 1];
    if (!(total > 0)) {
      throw Checks.fail("relativeDensities", "not all zero (the spectrum must have area)", Arrays.toString(w));
    }
    for (int i = 0; i < e.length; i++) {
      w[i] /= total;
      cum[i] /= total;
    }
    cum[e.length - 1] = 1.0;
    return new TabulatedSpectrum(e, w, cum);
  }

  @Override
  public double minKeV() {
    return energiesKeV[0];
  }

  @Override
  public double maxKeV() {
    return energiesKeV[energiesKeV.length - 1];
  }

  @Override
  public double densityPerKeV(double energyKeV) {
    int n = energiesKeV.length;
    if (energyKeV < energiesKeV[0] || energyKeV > energiesKeV[n - 1]) {
      return 0.0;
    }
    int i = segment(energyKeV);
    double f = (energyKeV - energiesKeV[i]) / (energiesKeV[i + 1] - energiesKeV[i]);
    return densities[i] + f * (densities[i + 1] - densities[i]);
  }

  @Override
  public double cdf(double energyKeV) {
    int n = energiesKeV.length;
    if (energyKeV <= energiesKeV[0]) {
      return 0.0;
    }
    if (energyKeV >= energiesKeV[n - 1]) {
      return 1.0;
    }
    int i = segment(energyKeV);
    double t = energyKeV - energiesKeV[i];
    double slope = (densities[i + 1] - densities[i]) / (energiesKeV[i + 1] - energiesKeV[i]);
    return cumulative[i] + densities[i] * t + 0.5 * slope * t * t;
  }

  /** Index i of the segment [E_i, E_{i+1}] containing e (E_0 &le; e &le; E_{n−1}). */
  private int segment(double e) {
    int k = Arrays.binarySearch(energiesKeV, e);
    int i = k >= 0 ? k : -k - 2;
    return Math.max(0, Math.min(energiesKeV.length - 2, i));
  }

  @Override
  public ContinuousSampler sampler(UniformRandomProvider rng) {
    return () -> inverseCdf(rng.nextDouble());
  }

  private double inverseCdf(double u) {
    int n = energiesKeV.length;
    int k = Arrays.binarySearch(cumulative, u);
    int i = k >= 0 ? k : -k - 2;
    i = Math.max(0, Math.min(n - 2, i));
    while (i < n - 2 && cumulative[i + 1] <= cumulative[i]) {
      i++; // skip zero-area segments
    }
    double r = u - cumulative[i];
    if (r <= 0) {
      return energiesKeV[i];
    }
    double width = energiesKeV[i + 1] - energiesKeV[i];
    double f0 = densities[i];
    double slope = (densities[i + 1] - f0) / width;
    double t = 2.0 * r / (f0 + Math.sqrt(Math.max(0.0, f0 * f0 + 2.0 * slope * r)));
    return energiesKeV[i] + Math.min(width, t);
  }

  @Override
  public String toString() {
    return "Tabulated[" + minKeV() + ", " + maxKeV() + "] keV, " + energiesKeV.length + " points";
  }
}
