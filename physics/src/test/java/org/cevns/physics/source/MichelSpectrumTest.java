package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.cevns.physics.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

class MichelSpectrumTest {
  private static final double M = PhysicalConstants.MUON_MASS_MEV;
  /** Analytic CDFs in x = 2E/m_μ, written here from the Michel densities, independent of the classes. */
  private static final DoubleUnaryOperator NUE_CDF = e -> {
    double x = Math.min(1, Math.max(0, 2 * e / M));
    return 4 * x * x * x - 3 * x * x * x * x;
  };
  private static final DoubleUnaryOperator NUMUBAR_CDF = e -> {
    double x = Math.min(1, Math.max(0, 2 * e / M));
    return 2 * x * x * x - x * x * x * x;
  };
  /** KS threshold: with a correct sampler p is uniform, so p &lt; 1e-3 happens by chance 0.1 % of seeds. */
  private static final double P_MIN = 1e-3;

  @Test
  void densitiesMatchTheMichelFormulasAndEndpoint() {
    MichelSpectrum nue = MichelSpectrum.nue();
    MichelSpectrum nub = MichelSpectrum.numubar();
    double e = 20.0;
    assertEquals(96 * e * e * (M - 2 * e) / Math.pow(M, 4), nue.densityPerMeV(e), 1e-15);
    assertEquals(16 * e * e * (3 * M - 4 * e) / Math.pow(M, 4), nub.densityPerMeV(e), 1e-15);
    assertEquals(M / 2, nue.maxEnergyMeV(), 1e-12);
    assertEquals(52.829, nub.maxEnergyMeV(), 1e-3);
    assertEquals(0.0, nue.densityPerMeV(M / 2 + 1e-9));
    assertEquals(0.0, nub.densityPerMeV(-1e-9));
    assertEquals(0.0, nue.densityPerMeV(M / 2), 1e-15); // ν_e density vanishes at the endpoint
    assertEquals(4.0 / M, nub.densityPerMeV(M / 2), 1e-15); // ν̄_μ: 16 (m/2)² (m)/m⁴ = 4/m
  }

  @Test
  void normalisedAndMeansAnalytic() {
    MichelSpectrum nue = MichelSpectrum.nue();
    MichelSpectrum nub = MichelSpectrum.numubar();
    assertEquals(1.0, SpectrumTestMath.norm(nue), 1e-10);
    assertEquals(1.0, SpectrumTestMath.norm(nub), 1e-10);
    // <x> = 12∫x³(1-x) = 3/5 and 2∫x³(3-2x) = 7/10 with x = 2E/m: <E> = 0.6 m/2 and 0.7 m/2
    assertEquals(0.6 * M / 2, SpectrumTestMath.mean(nue), 1e-8);
    assertEquals(0.7 * M / 2, SpectrumTestMath.mean(nub), 1e-8);
    assertEquals(31.6975, nue.meanEnergyMeV(), 1e-4);
    assertEquals(36.9804, nub.meanEnergyMeV(), 1e-4);
    for (double e = 0; e <= M / 2; e += 1.7) {
      assertEquals(NUE_CDF.applyAsDouble(e), nue.cdf(e), 1e-14);
      assertEquals(NUMUBAR_CDF.applyAsDouble(e), nub.cdf(e), 1e-14);
    }
  }

  @Test
  void samplesFollowAnalyticCdf() {
    KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults();
    double[] nue = SpectrumTestMath.sample(MichelSpectrum.nue(), RandomSource.XO_RO_SHI_RO_128_PP.create(11L),
        20000, 20000);
    double[] nub = SpectrumTestMath.sample(MichelSpectrum.numubar(),
        RandomSource.XO_RO_SHI_RO_128_PP.create(12L), 20000, 20000);
    assertTrue(ks.test(nue, NUE_CDF).getPValue() > P_MIN);
    assertTrue(ks.test(nub, NUMUBAR_CDF).getPValue() > P_MIN);
    // the test has power: each sample set is rejected against the other flavour's CDF
    assertTrue(ks.test(nue, NUMUBAR_CDF).getPValue() < 1e-6);
    assertTrue(ks.test(nub, NUE_CDF).getPValue() < 1e-6);
  }

  @Test
  void rejectsBadMuonMass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MichelSpectrum.of(MichelSpectrum.Species.NUE, -1));
    assertEquals("muonMassMeV must be finite and > 0, got -1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MichelSpectrum.of(MichelSpectrum.Species.NUMUBAR, Double.NaN));
  }

  @Test
  void lineSpectrum() {
    LineSpectrum line = LineSpectrum.of(PhysicalConstants.PROMPT_NUMU_ENERGY_MEV);
    assertTrue(line.isLine());
    assertEquals(29.792, line.minEnergyMeV(), 1e-3);
    assertEquals(line.minEnergyMeV(), line.maxEnergyMeV());
    assertThrows(UnsupportedOperationException.class, () -> line.densityPerMeV(29.792));
    assertThrows(IllegalArgumentException.class, () -> LineSpectrum.of(0));
  }
}
