package org.cevns.generator.sample;

import static org.cevns.generator.sample.SamplerFixtures.ENERGY_NODES;
import static org.cevns.generator.sample.SamplerFixtures.KEV;
import static org.cevns.generator.sample.SamplerFixtures.P_MIN;
import static org.cevns.generator.sample.SamplerFixtures.RECOIL_NODES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;
import org.cevns.events.run.RandomStreams;

/**
 * Weighted mode: the weighted histograms of E and T must reproduce the exact unweighted density. For each bin b
 * the weighted fraction X_b = Σ_{i∈b} w_i / N estimates p_b with variance estimated from Σ w_i²; the sum of
 * squared pulls is compared with χ²(bins) and must have p &gt; 1e-3 (false-failure rate ≈ 1e-3 per histogram,
 * fixed seeds; the weak negative correlation between bins makes the test slightly conservative). The mean
 * weight must be 1 within 5 standard errors (false-failure rate 6e-7).
 */
class RecoilSamplerWeightedTest {
  private static final int N = 400_000;

  private record Weighted(double[] e, double[] t, double[] w) {}

  private static Weighted drawWeighted(RecoilSampler s, long seed) {
    UniformRandomProvider rng = RandomStreams.create(seed, 0);
    double[] e = new double[N];
    double[] t = new double[N];
    double[] w = new double[N];
    s.sampleWeighted(rng, N, e, t, w, 0);
    return new Weighted(e, t, w);
  }

  private static void assertMeanWeightOne(double[] w) {
    double sum = 0;
    double sum2 = 0;
    for (double x : w) {
      assertTrue(x >= 0.0 && Double.isFinite(x), "weight " + x);
      sum += x;
      sum2 += x * x;
    }
    double mean = sum / N;
    double se = Math.sqrt((sum2 / N - mean * mean) / N);
    assertEquals(1.0, mean, 5 * se, "mean weight");
  }

  /** p-value of Σ pulls² over the bins of {@code edges}. */
  private static double weightedChi2PValue(double[] x, double[] w, double[] edges, DoubleUnaryOperator cdf) {
    int bins = edges.length - 1;
    double[] sum = new double[bins];
    double[] sum2 = new double[bins];
    for (int i = 0; i < x.length; i++) {
      int k = Arrays.binarySearch(edges, x[i]);
      int b = Math.min(bins - 1, Math.max(0, k >= 0 ? k : -k - 2));
      sum[b] += w[i];
      sum2[b] += w[i] * w[i];
    }
    double chi2 = 0.0;
    int used = 0;
    for (int b = 0; b < bins; b++) {
      double expected = cdf.applyAsDouble(edges[b + 1]) - cdf.applyAsDouble(edges[b]);
      double estimate = sum[b] / N;
      double variance = (sum2[b] / N - estimate * estimate) / N;
      if (expected == 0.0 && sum[b] == 0.0) {
        continue;
      }
      chi2 += (estimate - expected) * (estimate - expected) / variance;
      used++;
    }
    return ChiSquaredDistribution.of(used).survivalProbability(chi2);
  }

  private static double[] uniformEdges(double lo, double hi, int bins, double... extra) {
    double[] inside = new double[bins - 1 + extra.length];
    for (int i = 1; i < bins; i++) {
      inside[i - 1] = lo + (hi - lo) * i / bins;
    }
    System.arraycopy(extra, 0, inside, bins - 1, extra.length);
    return ExactIntegrals.edges(lo, hi, inside);
  }

  private static void assertWeightedMatchesDensity(EnergySpectrum sp, RecoilCrossSection xs, double lo,
      double hi, double[] steps, long seed) {
    RecoilSampler s = RecoilSampler.of(sp, xs, ENERGY_NODES, RECOIL_NODES, lo, hi);
    Weighted d = drawWeighted(s, seed);
    assertMeanWeightOne(d.w());
    ExactIntegrals exact = new ExactIntegrals(sp, xs, lo, hi, steps);
    double tTop = Math.min(hi, xs.maxRecoilMeV(sp.maxEnergyMeV()));
    for (int i = 0; i < N; i++) {
      assertTrue(d.t()[i] >= lo && d.t()[i] <= Math.min(hi, xs.maxRecoilMeV(d.e()[i])));
    }
    double pt = weightedChi2PValue(d.t(), d.w(), uniformEdges(lo, tTop, 30, steps),
        exact.recoilCdf(Double.NaN, Double.NaN, 1500));
    assertTrue(pt > P_MIN, "weighted T histogram p = " + pt);
    if (!sp.isLine()) {
      double[] eEdges = exact.energyEdges();
      double pe = weightedChi2PValue(d.e(), d.w(), uniformEdges(eEdges[0], eEdges[eEdges.length - 1], 30),
          exact.energyCdf(300));
      assertTrue(pe > P_MIN, "weighted E histogram p = " + pe);
    }
  }

  @Test
  void michelCevns() {
    assertWeightedMatchesDensity(TestSpectra.michel(), CevnsLikeXs.cesium(true), 0.0, Double.POSITIVE_INFINITY,
        new double[0], 31);
  }

  @Test
  void reactorLikeWithThreshold() {
    assertWeightedMatchesDensity(TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0.3 * KEV,
        Double.POSITIVE_INFINITY, new double[0], 32);
  }

  @Test
  void evesStepsInWeights() {
    assertWeightedMatchesDensity(TestSpectra.stepped(), new EvesLikeXs(), 0.5 * KEV, 20 * KEV,
        SamplerFixtures.evesSteps(), 33);
  }

  @Test
  void line() {
    assertWeightedMatchesDensity(TestSpectra.line(29.79), CevnsLikeXs.cesium(true), 0.0,
        Double.POSITIVE_INFINITY, new double[0], 34);
  }

  @Test
  void reproducible() {
    RecoilSampler s = RecoilSampler.of(TestSpectra.michel(), CevnsLikeXs.cesium(true), 64, 16);
    double[][] a = new double[3][100];
    double[][] b = new double[3][100];
    s.sampleWeighted(RandomStreams.create(5, 2), 100, a[0], a[1], a[2], 0);
    s.sampleWeighted(RandomStreams.create(5, 2), 100, b[0], b[1], b[2], 0);
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(a[k], b[k]);
    }
  }
}
