package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReactorIsotopeSpectrumTest {
  /** The cache key's written-out equals and hashCode: one instance per distinct argument list, in every argument. */
  @Test
  void sameArgumentsGiveTheSameInstance() {
    ReactorIsotopeSpectrum a = ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.VOGEL_ENGEL,
        HighEnergyModel.EXTRAPOLATE, 10.0);
    assertSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.VOGEL_ENGEL,
        HighEnergyModel.EXTRAPOLATE, 10.0));
    assertSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.U235));
    assertNotSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.PU239, LowEnergyModel.VOGEL_ENGEL,
        HighEnergyModel.EXTRAPOLATE, 10.0));
    assertNotSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.EXPONENTIAL,
        HighEnergyModel.EXTRAPOLATE, 10.0));
    assertNotSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.VOGEL_ENGEL,
        HighEnergyModel.EXPONENTIAL, 10.0));
    assertNotSame(a, ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.VOGEL_ENGEL,
        HighEnergyModel.EXTRAPOLATE, 12.0));
  }

  /**
   * ν̄ per fission, max energy 10 MeV. Golden numbers from scipy.integrate.quad (epsrel 1e-13) of the published
   * formulas, coded independently of this package (analytic integrals for the exponential pieces).
   */
  @ParameterizedTest
  @CsvSource({
    "U235,  VOGEL_ENGEL, EXTRAPOLATE, 5.361110",
    "U238,  VOGEL_ENGEL, EXTRAPOLATE, 6.378383",
    "PU239, VOGEL_ENGEL, EXTRAPOLATE, 4.754025",
    "PU241, VOGEL_ENGEL, EXTRAPOLATE, 5.198050",
    "U235,  EXPONENTIAL, EXTRAPOLATE, 7.995663",
    "U238,  EXPONENTIAL, EXTRAPOLATE, 6.250524",
    "PU239, EXPONENTIAL, EXTRAPOLATE, 6.896805",
    "PU241, EXPONENTIAL, EXTRAPOLATE, 6.937554",
    "U235,  NONE,        EXTRAPOLATE, 1.687648",
    "U238,  NONE,        EXTRAPOLATE, 2.246450",
    "PU239, NONE,        EXTRAPOLATE, 1.262502",
    "PU241, NONE,        EXTRAPOLATE, 1.614904",
    "U235,  NONE,        CUTOFF,      1.687221",
    "U238,  NONE,        CUTOFF,      2.244463",
    "U235,  NONE,        EXPONENTIAL, 1.687745",
    "U238,  NONE,        EXPONENTIAL, 2.246670",
    "PU239, EXPONENTIAL, EXPONENTIAL, 6.896831",
    "PU241, VOGEL_ENGEL, CUTOFF,      5.197742",
  })
  void neutrinosPerFissionMatchIndependentIntegration(
      FissionIsotope iso, LowEnergyModel low, HighEnergyModel high, double expected) {
    ReactorIsotopeSpectrum s = ReactorIsotopeSpectrum.of(iso, low, high, 10.0);
    assertEquals(expected, s.neutrinosPerFission(), 2e-6);
    assertEquals(1.0, SpectrumTestMath.norm(s), 1e-9);
    double simpson = SpectrumTestMath.integrate(s, e -> 1.0, 4000) * s.neutrinosPerFission();
    assertEquals(expected, simpson, 2e-6);
  }

  @Test
  void typicalTotals() {
    // fractions 0.58/0.07/0.30/0.05; ≈ 7.2 (CONUS fluxes imply 7.2–7.4, counting neutron-capture ν̄)
    assertEquals(7.49094, typicalTotal(LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXTRAPOLATE), 1e-4);
    double exp = typicalTotal(LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXTRAPOLATE);
    assertTrue(exp > 7.2 && exp < 7.6, "default model total " + exp + " outside 7.2..7.6");
    // Vogel–Engel below 2 MeV gives far fewer (fission products only, and below summation's ≈ 6)
    assertEquals(5.24204, typicalTotal(LowEnergyModel.VOGEL_ENGEL, HighEnergyModel.EXTRAPOLATE), 1e-4);
    assertEquals(1.59558, typicalTotal(LowEnergyModel.NONE, HighEnergyModel.EXTRAPOLATE), 1e-4);
  }

  @Test
  void fitRegionIsHuberMuellerAbsolute() {
    // U-235 at 4 MeV: exp(4.367 − 4.577·4 + 2.1·16 − 0.5294·64 + 0.06186·256 − 0.002777·1024)
    double lnS = 4.367 - 4.577 * 4 + 2.1 * 16 - 0.5294 * 64 + 0.06186 * 256 - 0.002777 * 1024;
    ReactorIsotopeSpectrum s = ReactorIsotopeSpectrum.of(FissionIsotope.U235);
    assertEquals(Math.exp(lnS), s.neutrinosPerFissionPerMeV(4.0), 1e-12);
    assertEquals(Math.exp(lnS) / s.neutrinosPerFission(), s.densityPerMeV(4.0), 1e-12);
    // U-238 (Mueller) at 3 MeV
    double ln238 = 0.4833 + 0.1927 * 3 - 0.1283 * 9 - 0.006762 * 27 + 0.002233 * 81 - 0.0001536 * 243;
    assertEquals(Math.exp(ln238),
        ReactorIsotopeSpectrum.of(FissionIsotope.U238).neutrinosPerFissionPerMeV(3.0), 1e-12);
  }

  @Test
  void lowEnergyJoins() {
    for (FissionIsotope iso : FissionIsotope.values()) {
      ReactorIsotopeSpectrum exp =
          ReactorIsotopeSpectrum.of(iso, LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXTRAPOLATE, 10);
      // EXPONENTIAL: continuous value and slope at 2 MeV
      double below = exp.neutrinosPerFissionPerMeV(2 - 1e-7);
      double at = exp.neutrinosPerFissionPerMeV(2);
      assertEquals(at, below, 1e-6 * at);
      double slopeBelow = Math.log(exp.neutrinosPerFissionPerMeV(2 - 1e-4) / exp.neutrinosPerFissionPerMeV(2 - 2e-4));
      double slopeAbove = Math.log(exp.neutrinosPerFissionPerMeV(2 + 2e-4) / exp.neutrinosPerFissionPerMeV(2 + 1e-4));
      assertEquals(slopeAbove, slopeBelow, 1e-6);
      assertEquals(0.0, exp.minEnergyMeV());
      assertArrayEquals(new double[] {2, 8}, exp.breakpointsMeV());
    }
    // VOGEL_ENGEL: as published, with a step at 2 MeV (U-235: 1.2044 below vs 1.3214 above)
    ReactorIsotopeSpectrum ve =
        ReactorIsotopeSpectrum.of(FissionIsotope.U235, LowEnergyModel.VOGEL_ENGEL, HighEnergyModel.CUTOFF, 10);
    assertEquals(Math.exp(0.870 - 0.160 * 1.0 - 0.0910), ve.neutrinosPerFissionPerMeV(1.0), 1e-12);
    assertEquals(1.2044, ve.neutrinosPerFissionPerMeV(2 - 1e-12), 1e-4);
    assertEquals(1.3214, ve.neutrinosPerFissionPerMeV(2), 1e-4);
    assertArrayEquals(new double[] {2}, ve.breakpointsMeV());
    // NONE: starts at 2 MeV
    ReactorIsotopeSpectrum none =
        ReactorIsotopeSpectrum.of(FissionIsotope.PU239, LowEnergyModel.NONE, HighEnergyModel.EXTRAPOLATE, 12);
    assertEquals(2.0, none.minEnergyMeV());
    assertEquals(12.0, none.maxEnergyMeV());
    assertEquals(0.0, none.densityPerMeV(1.99));
    assertArrayEquals(new double[] {8}, none.breakpointsMeV());
  }

  @Test
  void highEnergyModels() {
    FissionIsotope iso = FissionIsotope.U235;
    ReactorIsotopeSpectrum cut = ReactorIsotopeSpectrum.of(iso, LowEnergyModel.EXPONENTIAL, HighEnergyModel.CUTOFF, 10);
    assertEquals(8.0, cut.maxEnergyMeV());
    assertEquals(0.0, cut.densityPerMeV(8.0001));
    ReactorIsotopeSpectrum poly =
        ReactorIsotopeSpectrum.of(iso, LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXTRAPOLATE, 10);
    ReactorIsotopeSpectrum exp =
        ReactorIsotopeSpectrum.of(iso, LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXPONENTIAL, 10);
    // both continuous at 8 MeV (S(8) = 1.474e-3 per MeV per fission)
    assertEquals(1.474e-3, poly.neutrinosPerFissionPerMeV(8.0), 1e-6);
    assertEquals(poly.neutrinosPerFissionPerMeV(8.0), exp.neutrinosPerFissionPerMeV(8.0 + 1e-9), 1e-9);
    // the polynomial falls much faster: at 9 MeV 2.09e-5 vs S(8)·exp(−2.805) = 8.9e-5
    assertEquals(2.09e-5, poly.neutrinosPerFissionPerMeV(9.0), 0.01e-5);
    assertEquals(1.474e-3 * Math.exp(-2.805), exp.neutrinosPerFissionPerMeV(9.0), 0.01e-5);
    // 8–10 MeV content (scipy): 4.265e-4 and 5.234e-4 per fission
    assertEquals(4.265e-4, poly.neutrinosPerFission(8, 10), 0.001e-4);
    assertEquals(5.234e-4, exp.neutrinosPerFission(8, 10), 0.001e-4);
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReactorIsotopeSpectrum.of(
        FissionIsotope.U235, LowEnergyModel.NONE, HighEnergyModel.EXTRAPOLATE, 7.5));
    assertEquals("maxEnergyMeV must be in [8.0, 20.0], got 7.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReactorIsotopeSpectrum.of(
        null, LowEnergyModel.NONE, HighEnergyModel.EXTRAPOLATE, 10));
    assertEquals(FissionIsotope.PU239, FissionIsotope.fromLabel("Pu239"));
    assertThrows(IllegalArgumentException.class, () -> FissionIsotope.fromLabel("Th232"));
  }

  private static double typicalTotal(LowEnergyModel low, HighEnergyModel high) {
    FissionFractions f = FissionFractions.typical();
    double sum = 0;
    for (FissionIsotope iso : FissionIsotope.values()) {
      sum += f.get(iso) * ReactorIsotopeSpectrum.of(iso, low, high, 10.0).neutrinosPerFission();
    }
    return sum;
  }
}
