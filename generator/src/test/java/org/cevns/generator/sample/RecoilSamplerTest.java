package org.cevns.generator.sample;

import static org.cevns.generator.sample.SamplerFixtures.ENERGY_NODES;
import static org.cevns.generator.sample.SamplerFixtures.KEV;
import static org.cevns.generator.sample.SamplerFixtures.P_MIN;
import static org.cevns.generator.sample.SamplerFixtures.RECOIL_NODES;
import static org.cevns.generator.sample.SamplerFixtures.draw;
import static org.cevns.generator.sample.SamplerFixtures.ksPValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.cevns.generator.sample.SamplerFixtures.Pairs;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;
import org.cevns.events.run.RandomStreams;

/**
 * Statistical tests of the unweighted sampler against exact distributions from independent integration
 * ({@link ExactIntegrals}). Each KS or χ² test uses a fixed seed and requires p &gt; 1e-3 (false-failure rate
 * 1e-3 per test for a random seed). With 4·10⁵ pairs the KS test detects CDF deviations of ~3·10⁻³; the table
 * error itself (≤ 10⁻⁶, {@link RecoilSamplerPrecisionTest}) is far below that.
 */
class RecoilSamplerTest {
  private static final int N = 400_000;
  private static final EnergySpectrum MICHEL = TestSpectra.michel();
  private static final CevnsLikeXs CEVNS = CevnsLikeXs.cesium(true);

  private static void assertKinematics(RecoilSampler s, RecoilCrossSection xs, EnergySpectrum sp, Pairs p) {
    for (int i = 0; i < p.energyMeV().length; i++) {
      double e = p.energyMeV()[i];
      double t = p.recoilMeV()[i];
      assertTrue(e >= sp.minEnergyMeV() && e <= sp.maxEnergyMeV(), "E out of support: " + e);
      assertTrue(t >= s.minRecoilMeV() && t <= s.maxRecoilMeV(), "T out of window: " + t);
      assertTrue(t >= 0.0 && t <= xs.maxRecoilMeV(e), "T = " + t + " above T_max(" + e + ")");
    }
  }

  private static void assertMarginals(EnergySpectrum sp, RecoilCrossSection xs, double lo, double hi,
      double[] steps, long seed) {
    RecoilSampler s = RecoilSampler.of(sp, xs, ENERGY_NODES, RECOIL_NODES, lo, hi);
    Pairs p = draw(s, seed, N);
    assertKinematics(s, xs, sp, p);
    ExactIntegrals exact = new ExactIntegrals(sp, xs, lo, hi, steps);
    double pe = ksPValue(p.energyMeV(), exact.energyCdf(200));
    double pt = ksPValue(p.recoilMeV(), exact.recoilCdf(Double.NaN, Double.NaN, 600));
    assertTrue(pe > P_MIN, "E marginal KS p = " + pe);
    assertTrue(pt > P_MIN, "T marginal KS p = " + pt);
  }

  @Test
  void michelCevnsMarginals() {
    assertMarginals(MICHEL, CEVNS, 0.0, Double.POSITIVE_INFINITY, new double[0], 11);
  }

  @Test
  void michelCevnsRecoilWindow() {
    assertMarginals(MICHEL, CEVNS, 5 * KEV, 30 * KEV, new double[0], 12);
  }

  @Test
  void reactorLikeSpectrumWithJumpAndThreshold() {
    assertMarginals(TestSpectra.stepped(), CEVNS, 0.3 * KEV, Double.POSITIVE_INFINITY, new double[0], 13);
  }

  @Test
  void tabulatedSpectrumWithMoreBreakpointsThanNodes() {
    // 39 breakpoints and only 16 requested nodes: every knot becomes a node (41 nodes).
    RecoilSampler s = RecoilSampler.of(TestSpectra.tabulated(), CEVNS, 16, RECOIL_NODES);
    assertEquals(41, s.energyNodeCount());
    assertMarginals(TestSpectra.tabulated(), CEVNS, 0.0, Double.POSITIVE_INFINITY, new double[0], 10);
  }

  @Test
  void evesAcceptanceStepsByRejection() {
    assertMarginals(MICHEL, new EvesLikeXs(), 0.0, Double.POSITIVE_INFINITY, SamplerFixtures.evesSteps(), 14);
    assertMarginals(TestSpectra.stepped(), new EvesLikeXs(), 0.5 * KEV, 20 * KEV,
        SamplerFixtures.evesSteps(), 15);
  }

  @Test
  void evesStepsReproducedInBinsAlignedWithTheSteps() {
    // χ² over bins whose edges are the shell binding energies and log-spaced points in [0.5 eV, 30 keV];
    // the density jumps at each step (by up to ×2.3 at L3), so a smeared step would fail.
    EvesLikeXs xs = new EvesLikeXs();
    double lo = 0.5e-3 * KEV;
    double hi = 30 * KEV;
    RecoilSampler s = RecoilSampler.of(TestSpectra.stepped(), xs, ENERGY_NODES, RECOIL_NODES, lo, hi);
    Pairs p = draw(s, 16, N);
    double[] steps = SamplerFixtures.evesSteps();
    double[] log = new double[25];
    for (int i = 0; i < log.length; i++) {
      log[i] = lo * Math.pow(hi / lo, (i + 1.0) / (log.length + 1));
    }
    double[] inside = Arrays.copyOf(log, log.length + steps.length);
    System.arraycopy(steps, 0, inside, log.length, steps.length);
    double[] edges = ExactIntegrals.edges(lo, hi, inside);
    DoubleUnaryOperator cdf = new ExactIntegrals(TestSpectra.stepped(), xs, lo, hi, steps)
        .recoilCdf(Double.NaN, Double.NaN, 3000);
    double[] expected = new double[edges.length - 1];
    long[] observed = new long[edges.length - 1];
    for (int b = 0; b < expected.length; b++) {
      expected[b] = cdf.applyAsDouble(edges[b + 1]) - cdf.applyAsDouble(edges[b]);
    }
    for (double t : p.recoilMeV()) {
      int b = Arrays.binarySearch(edges, t);
      observed[Math.min(expected.length - 1, b >= 0 ? b : -b - 2)]++;
    }
    // Below the lowest binding energy (10 eV) nothing may be sampled; drop those empty bins from the χ².
    int first = 0;
    while (expected[first] == 0.0) {
      assertEquals(0, observed[first], "events below the lowest shell in bin " + first);
      first++;
    }
    assertTrue(first >= 1);
    double pValue = ChiSquareTest.withDefaults()
        .test(Arrays.copyOfRange(expected, first, expected.length),
            Arrays.copyOfRange(observed, first, observed.length)).getPValue();
    assertTrue(pValue > P_MIN, "chi2 p = " + pValue);
  }

  @Test
  void recoilGivenEnergySlice() {
    RecoilSampler s = RecoilSampler.of(MICHEL, CEVNS, ENERGY_NODES, RECOIL_NODES);
    Pairs p = draw(s, 17, N);
    double e1 = 30.0;
    double e2 = 35.0;
    double[] t = java.util.stream.IntStream.range(0, N)
        .filter(i -> p.energyMeV()[i] >= e1 && p.energyMeV()[i] < e2)
        .mapToDouble(i -> p.recoilMeV()[i]).toArray();
    assertTrue(t.length > 50_000);
    DoubleUnaryOperator cdf = new ExactIntegrals(MICHEL, CEVNS, 0.0, Double.POSITIVE_INFINITY, new double[0])
        .recoilCdf(e1, e2, 600);
    double pValue = ksPValue(t, cdf);
    assertTrue(pValue > P_MIN, "T | E in [30, 35] MeV KS p = " + pValue);
  }

  @Test
  void lineSpectrum() {
    double e = 29.79;
    RecoilSampler s = RecoilSampler.of(TestSpectra.line(e), CEVNS, ENERGY_NODES, RECOIL_NODES);
    assertEquals(1, s.energyNodeCount());
    Pairs p = draw(s, 18, N);
    for (double x : p.energyMeV()) {
      assertEquals(e, x);
    }
    assertKinematics(s, CEVNS, TestSpectra.line(e), p);
    DoubleUnaryOperator cdf = new ExactIntegrals(TestSpectra.line(e), CEVNS, 0.0, Double.POSITIVE_INFINITY,
        new double[0]).recoilCdf(Double.NaN, Double.NaN, 2000);
    double pValue = ksPValue(p.recoilMeV(), cdf);
    assertTrue(pValue > P_MIN, "line T KS p = " + pValue);
  }

  @Test
  void sameStreamSameSequenceDifferentStreamsDiffer() {
    RecoilSampler s = RecoilSampler.of(MICHEL, new EvesLikeXs(), 64, 32);
    Pairs a = draw(s, 99, 1000);
    Pairs b = draw(s, 99, 1000);
    assertArrayEquals(a.energyMeV(), b.energyMeV());
    assertArrayEquals(a.recoilMeV(), b.recoilMeV());
    double[] pair = new double[2];
    double[] again = new double[2];
    UniformRandomProvider r1 = RandomStreams.create(99, 0);
    UniformRandomProvider r2 = RandomStreams.create(99, 0);
    for (int i = 0; i < 100; i++) {
      s.sample(r1, pair);
      s.sample(r2, again);
      assertArrayEquals(pair, again);
    }
    Pairs other = draw(s, 100, 1000);
    assertFalse(Arrays.equals(a.energyMeV(), other.energyMeV()));
  }

  @Test
  void singlePairCallsFollowTheSameLaw() {
    RecoilSampler s = RecoilSampler.of(MICHEL, CEVNS, ENERGY_NODES, RECOIL_NODES);
    UniformRandomProvider rng = RandomStreams.create(19, 0);
    int n = 200_000;
    double[] e = new double[n];
    double[] t = new double[n];
    double[] pair = new double[2];
    for (int i = 0; i < n; i++) {
      s.sample(rng, pair);
      e[i] = pair[0];
      t[i] = pair[1];
    }
    ExactIntegrals exact = new ExactIntegrals(MICHEL, CEVNS, 0.0, Double.POSITIVE_INFINITY, new double[0]);
    double pe = ksPValue(e, exact.energyCdf(200));
    double pt = ksPValue(t, exact.recoilCdf(Double.NaN, Double.NaN, 600));
    assertTrue(pe > P_MIN && pt > P_MIN, "single-pair KS p = " + pe + ", " + pt);
  }
}
