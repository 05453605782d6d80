package org.cevns.detsim.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Spectrum samplers against their CDFs: KS with 20000 draws, fixed seeds, reject at p &lt; 1e-3 (0.1 %
 * false-failure rate for a random seed).
 */
class BackgroundSpectrumTest {
  private static final int N = 20_000;

  private static double[] draw(BackgroundSpectrum s, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousSampler sampler = s.sampler(rng);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = sampler.sample();
      assertTrue(x[i] >= s.minKeV() && x[i] <= s.maxKeV());
    }
    return x;
  }

  private static double integral(BackgroundSpectrum s, double a, double b) {
    return new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14).integrate(1_000_000, s::densityPerKeV, a, b);
  }

  @Test
  void flat() {
    FlatSpectrum s = FlatSpectrum.of(1.0, 46.1);
    assertEquals(1 / 45.1, s.densityPerKeV(3), 1e-15);
    assertEquals(0.5, s.cdf(23.55), 1e-15);
    assertTrue(Stats.ksPValue(draw(s, 301), s::cdf) > 1e-3);
    assertThrows(IllegalArgumentException.class, () -> FlatSpectrum.of(2, 1));
  }

  @Test
  void exponentialFiniteAndInfinite() {
    ExponentialSpectrum s = ExponentialSpectrum.of(0.5, 20, 3.0);
    assertEquals(1.0, integral(s, 0.5, 20), 1e-10);
    assertEquals(integral(s, 0.5, 4.0), s.cdf(4.0), 1e-10);
    assertTrue(Stats.ksPValue(draw(s, 302), s::cdf) > 1e-3);
    ExponentialSpectrum open = ExponentialSpectrum.of(0, Double.POSITIVE_INFINITY, 3.0);
    assertEquals(1 - Math.exp(-1), open.cdf(3.0), 1e-15);
    assertEquals(Math.exp(-1) / 3.0, open.densityPerKeV(3.0), 1e-15);
    assertTrue(Stats.ksPValue(draw(open, 303), open::cdf) > 1e-3);
  }

  @Test
  void tabulatedPiecewiseLinear() {
    // Rising, a zero-density gap, falling.
    TabulatedSpectrum s = TabulatedSpectrum.of(
        new double[] {1, 2, 3, 4, 6}, new double[] {0, 2, 0, 0, 4});
    // Areas: 1, 1, 0, 4 → total 6.
    assertEquals(2.0 / 6, s.densityPerKeV(2.0), 1e-15);
    assertEquals(1.0 / 6, s.densityPerKeV(1.5), 1e-15);
    assertEquals(0.0, s.densityPerKeV(3.5));
    assertEquals(0.25 / 6, s.cdf(1.5), 1e-15); // ∫_1^1.5 2(E−1) dE = 0.25
    assertEquals(2.0 / 6, s.cdf(3.5), 1e-15);
    assertEquals(1.0, integral(s, 1, 2) + integral(s, 2, 3) + integral(s, 3, 4) + integral(s, 4, 6), 1e-12);
    double[] x = draw(s, 304);
    for (double v : x) {
      assertTrue(v < 3 || v >= 4 || v == 3.0, "no events in the zero-density gap: " + v);
    }
    assertTrue(Stats.ksPValue(x, s::cdf) > 1e-3);
    assertThrows(IllegalArgumentException.class,
        () -> TabulatedSpectrum.of(new double[] {1, 2}, new double[] {0, 0}));
  }

  @Test
  void tritiumBetaSpectrum() {
    BetaSpectrum t = BetaSpectrum.tritium();
    assertEquals(1.0, integral(t, 0, 18.6), 1e-9);
    // Golden values: SciPy quad of the same non-relativistic-Fermi shape (Q = 18.6 keV, Z = 2).
    assertEquals(0.08910323684270413, t.cdf(1.0), 1e-9);
    assertEquals(0.48887678870065776, t.cdf(5.0), 1e-9);
    assertEquals(0.8481745933894945, t.cdf(10.0), 1e-9);
    double mean = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14)
        .integrate(1_000_000, e -> e * t.densityPerKeV(e), 0, 18.6);
    // SciPy: 5.69881 keV; the measured mean ³H β energy is ≈ 5.7 keV.
    assertEquals(5.69881158069778, mean, 1e-8);
    assertTrue(t.densityPerKeV(0.0) > 0); // Coulomb attraction: finite, non-zero at T = 0
    assertTrue(Stats.ksPValue(draw(t, 305), t::cdf) > 1e-3);
    // Without the Fermi function the spectrum is different and the samples reject it.
    BetaSpectrum noCoulomb = BetaSpectrum.of(18.6, 0);
    assertEquals(0.0, noCoulomb.densityPerKeV(0.0));
    assertTrue(Stats.ksPValue(draw(t, 306), noCoulomb::cdf) < 1e-3);
  }

  @Test
  void line() {
    LineSpectrum l = LineSpectrum.of(10.37);
    assertTrue(l.isLine());
    assertEquals(10.37, l.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L)).sample());
    assertEquals(0.0, l.cdf(10.36));
    assertEquals(1.0, l.cdf(10.37));
  }
}
