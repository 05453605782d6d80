package org.cevns.detsim.response;

import org.cevns.physics.constants.Units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests use fixed seeds and reject at p &lt; 1e-3: with a random seed each would fail falsely
 * with probability 0.1 %; with the fixed seed they are deterministic.
 */
class EnergyResponseTest {
  private static final int N = 20_000;
  private static final double ALPHA = 1e-3;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  private static double[] draw(EnergyResponse r, double visibleKeVee, long seed) {
    UniformRandomProvider rng = rng(seed);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = r.observedKeVee(visibleKeVee, rng);
    }
    return x;
  }

  private static double ksP(double[] x, NormalDistribution d) {
    return KolmogorovSmirnovTest.withDefaults().test(x, d::cumulativeProbability).getPValue();
  }

  @Test
  void gaussianWidthFormulaAndSamples() {
    GaussianResponse r = GaussianResponse.of(0.3, 0.1, 0.02);
    // σ² = 0.3² + 0.1·5 + (0.02·5)² = 0.09 + 0.5 + 0.01 = 0.6
    assertEquals(Math.sqrt(0.6), r.sigmaKeVee(5.0), 1e-15);
    double[] x = draw(r, 5.0, 101);
    assertTrue(ksP(x, NormalDistribution.of(5.0, Math.sqrt(0.6))) > ALPHA);
    // The test has power: a 10 % wider Gaussian is rejected with these 20000 samples (KS D ≈ 0.022 vs a
    // critical 0.014).
    assertTrue(ksP(x, NormalDistribution.of(5.0, 1.10 * Math.sqrt(0.6))) < ALPHA);
  }

  @Test
  void larStochasticTerm() {
    GaussianResponse lar = GaussianResponse.coherentLAr();
    assertEquals(0.58 * 0.58, lar.aKeVee(), 1e-15);
    // σ/E = 0.58/√E: at 16 keVee σ = 0.58 · 4 = 2.32 keVee.
    assertEquals(2.32, lar.sigmaKeVee(16.0), 1e-12);
    assertTrue(ksP(draw(lar, 16.0, 102), NormalDistribution.of(16.0, 2.32)) > ALPHA);
  }

  @Test
  void negativeObservedEnergiesAreKept() {
    double[] x = draw(GaussianResponse.of(1.0, 0, 0), 0.0, 103);
    long negative = java.util.Arrays.stream(x).filter(v -> v < 0).count();
    // Binomial(20000, 1/2): mean 10000, σ 70.7; 5σ band.
    assertEquals(10_000, negative, 354);
  }

  @Test
  void ionisationFanoAndNoise() {
    IonisationResponse ge = IonisationResponse.germanium(20.0);
    // σ² = 20² + 0.11 · 2.96 · 1000 eV² = 725.6 eV²
    assertEquals(Math.sqrt(725.6) / Units.EV_PER_KEV, ge.sigmaKeVee(1.0), 1e-15);
    assertEquals(0.020, ge.sigmaKeVee(0.0), 1e-15);
    assertTrue(ksP(draw(ge, 1.0, 104), NormalDistribution.of(1.0, Math.sqrt(725.6) / Units.EV_PER_KEV)) > ALPHA);
    assertFalse(ge.countsPhotoelectrons());
  }

  @Test
  void poissonPhotoelectrons() {
    LightYieldResponse r = LightYieldResponse.poisson(13.35);
    double e = 1.5;
    double mu = 13.35 * e;
    UniformRandomProvider rng = rng(105);
    int maxPe = 45;
    long[] counts = new long[maxPe + 1];
    for (int i = 0; i < N; i++) {
      Observation o = r.observe(e, rng);
      assertEquals(o.photoelectrons() / 13.35, o.energyKeVee(), 0);
      assertEquals(Math.rint(o.photoelectrons()), o.photoelectrons(), 0);
      counts[(int) Math.min(maxPe, o.photoelectrons())]++;
    }
    // χ² against the Poisson pmf; first bin collects 0..8, last bin ≥ 45 (expected counts ≥ 5 per bin).
    PoissonDistribution pd = PoissonDistribution.of(mu);
    int first = 8;
    double[] expected = new double[maxPe - first + 1];
    long[] observed = new long[expected.length];
    for (int k = 0; k <= maxPe; k++) {
      int bin = Math.max(0, k - first);
      observed[bin] += counts[k];
    }
    expected[0] = pd.cumulativeProbability(first);
    for (int k = first + 1; k < maxPe; k++) {
      expected[k - first] = pd.probability(k);
    }
    expected[expected.length - 1] = pd.survivalProbability(maxPe - 1);
    assertTrue(ChiSquareTest.withDefaults().test(expected, observed).getPValue() > ALPHA);
    assertEquals(Math.sqrt(mu) / 13.35, r.sigmaKeVee(e), 1e-15);
    assertEquals(new Observation(0, 0), r.observe(0.0, rng));
  }

  @Test
  void gammaSmearedPhotoelectrons() {
    LightYieldResponse r = LightYieldResponse.coherentCsI2021();
    double e = 2.0;
    double mu = 13.35 * e;
    double shape = 1 + 9.56 * e;
    assertEquals(shape, r.gammaShape(e), 1e-15);
    assertEquals(mu / Math.sqrt(shape) / 13.35, r.sigmaKeVee(e), 1e-15);
    UniformRandomProvider rng = rng(106);
    double[] pe = new double[N];
    for (int i = 0; i < N; i++) {
      Observation o = r.observe(e, rng);
      assertEquals(o.photoelectrons() / 13.35, o.energyKeVee(), 1e-15 * o.energyKeVee());
      pe[i] = o.photoelectrons();
    }
    GammaDistribution gd = GammaDistribution.of(shape, mu / shape);
    assertEquals(mu, gd.getMean(), 1e-12);
    assertTrue(KolmogorovSmirnovTest.withDefaults().test(pe, gd::cumulativeProbability).getPValue() > ALPHA);
    // Power check: Poisson-width Gaussian of the same mean is rejected (the Gamma is wider and skewed).
    NormalDistribution poissonLike = NormalDistribution.of(mu, Math.sqrt(mu));
    assertTrue(KolmogorovSmirnovTest.withDefaults().test(pe, poissonLike::cumulativeProbability).getPValue()
        < ALPHA);
  }

  @Test
  void validation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LightYieldResponse.poisson(0));
    assertEquals("lightYieldPePerKeVee must be finite and > 0, got 0.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GaussianResponse.of(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> IonisationResponse.of(2.96, 0.11, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> GaussianResponse.of(0.1, 0, 0).observe(-1.0, rng(1)));
  }
}
