package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PulseTimeProfileTest {
  private static final double TAU_PI = 26.033;
  private static final double TAU_MU = 2196.981;
  private static final int N = 20000;
  /**
   * KS acceptance: p &gt; 1e-3. For a correct sampler and CDF p is uniform, so a seed fails by chance with
   * probability 1e-3 per case (the seeds are fixed, so the outcome is reproducible).
   */
  private static final double P_MIN = 1e-3;

  static Stream<Arguments> profiles() {
    return Stream.of(
        Arguments.of(PulseTimeProfile.protonPulse(PulseShape.GAUSSIAN, 380)),
        Arguments.of(PulseTimeProfile.pionPrompt(PulseShape.GAUSSIAN, 380)),
        Arguments.of(PulseTimeProfile.muonDelayed(PulseShape.GAUSSIAN, 380)),
        Arguments.of(PulseTimeProfile.of(PulseShape.GAUSSIAN, 380, 500, 500)),
        Arguments.of(PulseTimeProfile.protonPulse(PulseShape.FLAT, 2.86e6)),
        Arguments.of(PulseTimeProfile.pionPrompt(PulseShape.FLAT, 2.86e6)),
        Arguments.of(PulseTimeProfile.muonDelayed(PulseShape.FLAT, 2.86e6)),
        Arguments.of(PulseTimeProfile.muonDelayed(PulseShape.FLAT, 1000)),
        Arguments.of(PulseTimeProfile.of(PulseShape.FLAT, 1000, 300, 300)));
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void samplerMatchesCdf(PulseTimeProfile p) {
    ContinuousSampler s = p.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L));
    double[] t = new double[N];
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < N; i++) {
      t[i] = s.sample();
      assertTrue(t[i] >= p.minTimeNs() && t[i] <= p.maxTimeNs(), "time outside support: " + t[i]);
      sum += t[i];
      sum2 += t[i] * t[i];
    }
    double pValue = KolmogorovSmirnovTest.withDefaults().test(t, p::cdf).getPValue();
    assertTrue(pValue > P_MIN, p + ": KS p = " + pValue);
    double mean = sum / N;
    double sd = Math.sqrt(sum2 / N - mean * mean);
    assertEquals(p.meanTimeNs(), mean, 5 * sd / Math.sqrt(N), p.toString()); // 5σ: false alarm 6e-7
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void cdfIsADistributionFunction(PulseTimeProfile p) {
    assertEquals(0.0, p.cdf(0.0));
    assertEquals(0.0, p.cdf(-5.0));
    double last = 0;
    double end = Double.isFinite(p.maxTimeNs()) ? p.maxTimeNs() : 3e6 + 20 * TAU_MU;
    for (int i = 1; i <= 400; i++) {
      double c = p.cdf(end * i / 400.0);
      assertTrue(c >= last - 1e-12, "cdf decreases at " + end * i / 400.0);
      last = c;
    }
    assertEquals(1.0, p.cdf(end * 1.5), 1e-6);
  }

  @Test
  void gaussianWithOneDecayMatchesClosedForm() {
    // closed form of the truncated Gaussian ⊗ exponential, written independently of the class:
    // F(t) = P(S ≤ t) − e^{−t/τ} ∫_0^{min(t,6σ)} g(s) e^{s/τ} ds,
    // ∫ g e^{s/τ} = e^{μ/τ + σ²/2τ²} [Φ(b − σ/τ) − Φ(a − σ/τ)] / Z
    double fwhm = 380;
    double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
    assertEquals(161.37, sigma, 0.01);
    double mu = 3 * sigma;
    double z = Erf.value(3 / Math.sqrt(2));
    PulseTimeProfile p = PulseTimeProfile.pionPrompt(PulseShape.GAUSSIAN, fwhm);
    for (double t = 10; t < 1500; t += 37) {
      double hi = Math.min(t, 6 * sigma);
      double a = -3.0;
      double b = (hi - mu) / sigma;
      double ps = (phi(b) - phi(a)) / z;
      double k = sigma / TAU_PI;
      double term = Math.exp(-(t - mu) / TAU_PI + 0.5 * k * k) * (phi(b - k) - phi(a - k)) / z;
      assertEquals(ps - term, p.cdf(t), 1e-10, "t = " + t);
    }
  }

  @Test
  void flatWithOneDecayClosedForm() {
    double l = 1000;
    PulseTimeProfile p = PulseTimeProfile.pionPrompt(PulseShape.FLAT, l);
    for (double t = 5; t < 1500; t += 45) {
      double h1 = t - TAU_PI * (1 - Math.exp(-t / TAU_PI));
      double u = t - l;
      double h0 = u > 0 ? u - TAU_PI * (1 - Math.exp(-u / TAU_PI)) : 0;
      assertEquals((h1 - h0) / l, p.cdf(t), 1e-12);
    }
  }

  @Test
  void ksHasPowerAgainstAWrongPulse() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    ContinuousSampler s = PulseTimeProfile.pionPrompt(PulseShape.GAUSSIAN, 380).sampler(rng);
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = s.sample();
    }
    PulseTimeProfile narrower = PulseTimeProfile.pionPrompt(PulseShape.GAUSSIAN, 340);
    assertTrue(KolmogorovSmirnovTest.withDefaults().test(t, narrower::cdf).getPValue() < 1e-6);
  }

  @Test
  void uniformProfile() {
    UniformTimeProfile u = UniformTimeProfile.of(86400e9);
    ContinuousSampler s = u.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = s.sample();
    }
    assertTrue(KolmogorovSmirnovTest.withDefaults().test(t, u::cdf).getPValue() > P_MIN);
    assertEquals(0.5, u.cdf(43200e9), 1e-15);
    assertEquals(86400e9, u.maxTimeNs());
    assertThrows(IllegalArgumentException.class, () -> UniformTimeProfile.of(0));
  }

  @Test
  void validation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PulseTimeProfile.of(PulseShape.GAUSSIAN, -1));
    assertEquals("pulseFwhmNs must be finite and > 0, got -1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PulseTimeProfile.of(PulseShape.FLAT, 10, 1, 2, 3));
    assertEquals("decayLifetimesNs may hold at most 2 lifetimes, got 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PulseTimeProfile.of(PulseShape.FLAT, 10, 0));
    assertEquals("decayLifetimesNs[0] must be finite and > 0, got 0.0", e.getMessage());
    assertEquals(Double.POSITIVE_INFINITY, PulseTimeProfile.pionPrompt(PulseShape.FLAT, 10).maxTimeNs());
    assertEquals(6 * 380 / PulseTimeProfile.FWHM_PER_SIGMA,
        PulseTimeProfile.protonPulse(PulseShape.GAUSSIAN, 380).maxTimeNs(), 1e-9);
  }

  private static double phi(double x) {
    return 0.5 * Erfc.value(-x / Math.sqrt(2));
  }
}
