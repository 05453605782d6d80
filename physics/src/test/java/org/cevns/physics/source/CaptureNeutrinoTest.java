package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** ν̄ from ²³⁹U/²³⁹Np after neutron capture on ²³⁸U (reactor option) and the allowed β spectrum. */
class CaptureNeutrinoTest {

  private static double integral(java.util.function.DoubleUnaryOperator f, double a, double b) {
    return new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-14).integrate(1_000_000, f::applyAsDouble, a, b);
  }

  /**
   * Without Coulomb correction (Z → small) the allowed ν̄ spectrum is E²(Q − E + m)√((Q−E+m)² − m²); the
   * density integrates to 1 and vanishes at both ends. The mean ν̄ energy of ²³⁹U (Q = 1.2617 MeV, Z = 93)
   * lies above Q/2 because the Fermi function favours slow electrons (golden: this class's quadrature,
   * 0.733 MeV, cross-checked against the Z = 1 value 0.66 MeV being lower).
   */
  @Test
  void betaSpectrumIsNormalisedAndVanishesAtTheEnds() {
    BetaDecaySpectrum u = BetaDecaySpectrum.of(ReactorSource.U239_ENDPOINT_MEV, 93);
    assertEquals(1.0, integral(u::densityPerMeV, 0, u.maxEnergyMeV()), 1e-9);
    assertEquals(0.0, u.densityPerMeV(0), 0);
    assertEquals(0.0, u.densityPerMeV(u.maxEnergyMeV()), 0);
    double mean93 = integral(e -> e * u.densityPerMeV(e), 0, u.maxEnergyMeV());
    BetaDecaySpectrum light = BetaDecaySpectrum.of(ReactorSource.U239_ENDPOINT_MEV, 1);
    double mean1 = integral(e -> e * light.densityPerMeV(e), 0, light.maxEnergyMeV());
    assertEquals(true, mean93 > mean1 && mean93 > 0.5 * ReactorSource.U239_ENDPOINT_MEV,
        "mean " + mean93 + " vs " + mean1);
    assertThrows(IllegalArgumentException.class, () -> BetaDecaySpectrum.of(-1, 93));
  }

  /** c captures per fission add 2c ν̄ per fission in two components, U239 and Np239. */
  @Test
  void capturesAddTwoNeutrinosPerCapture() {
    ReactorParameters base = ReactorParameters.of(3600, FissionFractions.typical());
    ReactorSource without = ReactorSource.of("core", base, 1e9);
    ReactorSource with = ReactorSource.of("core", base.withCapturesPerFission(0.6), 1e9);
    assertEquals(without.neutrinosPerFission() + 1.2, with.neutrinosPerFission(), 1e-12);
    assertEquals(without.components().size() + 2, with.components().size());
    double r = with.fissionRatePerS();
    SourceComponent u = with.components().get(with.components().size() - 2);
    assertEquals("U239", u.parent());
    assertEquals(0.6 * r, u.neutrinosPerExposureUnit(), 1e-9 * r);
    assertEquals("Np239", with.components().get(with.components().size() - 1).parent());
    assertThrows(IllegalArgumentException.class, () -> base.withCapturesPerFission(3));
  }

  /**
   * The default low-energy model is the published Vogel–Engel fit (not the exponential continuation whose
   * 0–2 MeV part alone held ≈ 5.9 ν̄/fission): with the typical fractions, 5.24 ν̄/fission in total
   * (golden: ReactorIsotopeSpectrum table, Gauss–Legendre).
   */
  @Test
  void defaultLowEnergyModelIsVogelEngel() {
    ReactorParameters p = ReactorParameters.of(3600, FissionFractions.typical());
    assertEquals(LowEnergyModel.VOGEL_ENGEL, p.lowEnergyModel());
    assertEquals(5.24, ReactorSource.of("core", p, 1e9).neutrinosPerFission(), 0.01);
  }
}
