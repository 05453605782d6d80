package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Test;

/**
 * ⟨σ⟩ against independent composite Gauss–Legendre integration in both orders (∫dE∫dT and ∫dT∫dE), required
 * within 1e-4 relative; the production integrals are expected to agree to ~1e-8.
 */
class FluxAveragedXsTest {
  private static final double REQUIRED = 1e-4;
  private static final double KEV = 1.0 / Units.KEV_PER_MEV;

  private static double[] evesSteps() {
    double[] s = new double[EvesLikeXs.BINDING_KEV.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = EvesLikeXs.bindingMeV(i);
    }
    return s;
  }

  private static void assertBothOrders(EnergySpectrum spectrum, RecoilCrossSection xs, double tLo, double tHi,
      double[] steps) {
    ExactIntegrals exact = new ExactIntegrals(spectrum, xs, tLo, tHi, steps);
    double eFirst = exact.energyThenRecoil();
    double tFirst = exact.recoilThenEnergy();
    double value = FluxAveragedXs.inWindowCm2(spectrum, xs, tLo, tHi);
    assertTrue(value > 0.0);
    assertEquals(1.0, eFirst / tFirst, 1e-6, "reference orders disagree");
    assertEquals(1.0, value / eFirst, REQUIRED, "vs dE dT");
    assertEquals(1.0, value / tFirst, REQUIRED, "vs dT dE");
  }

  @Test
  void lineWithoutFormFactorMatchesAnalyticTotal() {
    CevnsLikeXs xs = CevnsLikeXs.cesium(false);
    double e = PhysicalConstants.PROMPT_NUMU_ENERGY_MEV;
    double m = xs.massMeV();
    double tMax = 2 * e * e / (m + 2 * e);
    double analytic = xs.prefactorCm2PerMeV() * (tMax - (m / (4 * e * e) + 1 / (2 * e)) * tMax * tMax);
    assertEquals(1.0, FluxAveragedXs.totalCm2(TestSpectra.line(e), xs) / analytic, 1e-13);
    // window [1 keV, 10 keV]: ∫ [1 − k T] dT analytic
    double k = m / (2 * e * e) + 1 / e;
    double lo = KEV;
    double hi = 10 * KEV;
    double window = xs.prefactorCm2PerMeV() * ((hi - lo) - 0.5 * k * (hi * hi - lo * lo));
    assertEquals(1.0, FluxAveragedXs.inWindowCm2(TestSpectra.line(e), xs, lo, hi) / window, 1e-11);
  }

  @Test
  void michelCevnsHelmBothOrders() {
    assertBothOrders(TestSpectra.michel(), CevnsLikeXs.cesium(true), 0.0, Double.POSITIVE_INFINITY,
        new double[0]);
  }

  @Test
  void michelCevnsHelmWindowBothOrders() {
    assertBothOrders(TestSpectra.michel(), CevnsLikeXs.cesium(true), 5 * KEV, 30 * KEV, new double[0]);
  }

  @Test
  void steppedSpectrumWithJumpBothOrders() {
    assertBothOrders(TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0.0, Double.POSITIVE_INFINITY,
        new double[0]);
    assertBothOrders(TestSpectra.stepped(), CevnsLikeXs.cesium(true), 0.2 * KEV, Double.POSITIVE_INFINITY,
        new double[0]);
  }

  @Test
  void evesWithShellStepsBothOrders() {
    double[] steps = evesSteps();
    assertBothOrders(TestSpectra.michel(), new EvesLikeXs(), 0.0, Double.POSITIVE_INFINITY, steps);
    assertBothOrders(TestSpectra.stepped(), new EvesLikeXs(), 0.5 * KEV, 20 * KEV, steps);
  }

  @Test
  void fullWindowEqualsTotalAndWindowsAdd() {
    EnergySpectrum michel = TestSpectra.michel();
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    double total = FluxAveragedXs.totalCm2(michel, xs);
    double below = FluxAveragedXs.inWindowCm2(michel, xs, 0.0, 7 * KEV);
    double above = FluxAveragedXs.inWindowCm2(michel, xs, 7 * KEV, Double.POSITIVE_INFINITY);
    assertEquals(1.0, (below + above) / total, 1e-8);
    assertEquals(0.0, FluxAveragedXs.inWindowCm2(michel, xs, 1.0, 2.0)); // beyond T_max of 52.8 MeV
  }

  @Test
  void acceptanceStepsAreLocatedToMachinePrecision() {
    double[] found = AcceptanceSteps.find(new EvesLikeXs(), 0.0, 1.0);
    double[] expected = evesSteps();
    java.util.Arrays.sort(expected);
    assertEquals(expected.length, found.length);
    for (int i = 0; i < found.length; i++) {
      assertEquals(expected[i], found[i], 4 * Math.ulp(expected[i]));
    }
    assertEquals(0, AcceptanceSteps.find(CevnsLikeXs.cesium(true), 0.0, 1.0).length);
  }

  @Test
  void rejectsBadWindows() {
    EnergySpectrum michel = TestSpectra.michel();
    CevnsLikeXs xs = CevnsLikeXs.cesium(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FluxAveragedXs.inWindowCm2(michel, xs, -1.0, 1.0));
    assertTrue(e.getMessage().startsWith("minRecoilMeV"));
    e = assertThrows(IllegalArgumentException.class, () -> FluxAveragedXs.inWindowCm2(michel, xs, 1.0, 1.0));
    assertTrue(e.getMessage().startsWith("maxRecoilMeV"));
  }
}
