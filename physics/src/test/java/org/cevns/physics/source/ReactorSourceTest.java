package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.Units;
import org.junit.jupiter.api.Test;

class ReactorSourceTest {
  private static final double DAY_NS = Units.S_PER_DAY * Units.NS_PER_S;

  @Test
  void leibstadtFlux() {
    // CONUS+ at Leibstadt: 3.6 GW_th, 20.7 m, published 1.5e13 ν̄/cm²/s (arXiv:2407.11912)
    // the EXPONENTIAL continuation below 2 MeV (the default before issue #10) reproduces the published total
    ReactorSource r = ReactorSource.of("kkl",
        ReactorParameters.of(3600, FissionFractions.typical()).withLowEnergyModel(LowEnergyModel.EXPONENTIAL), DAY_NS);
    // Σ f_i E_i = 205.8371 MeV → R = 3.6e9 W / (205.8371 MeV · 1.602176634e-13 J/MeV) = 1.091612e20 /s
    assertEquals(205.8371, r.parameters().energiesPerFission().meanMeV(FissionFractions.typical()), 1e-9);
    assertEquals(1.091612e20, r.fissionRatePerS(), 1e14);
    assertEquals(7.49094, r.neutrinosPerFission(), 1e-4);
    // golden 1.51864e13 from the same formulas in scipy; within 2 % of the published 1.5e13
    assertEquals(1.51864e13, r.fluxPerCm2PerS(20.7), 0.0005e13);
    assertEquals(1.5e13, r.fluxPerCm2PerS(20.7), 0.02 * 1.5e13);
    // default: Vogel–Engel below 2 MeV
    ReactorSource ve = ReactorSource.of("kkl", ReactorParameters.of(3600, FissionFractions.typical()), DAY_NS);
    assertEquals(1.06272e13, ve.fluxPerCm2PerS(20.7), 0.0005e13);
    // with 0.6 neutron captures per fission: + 1.2 ν̄/fission
    ReactorSource capture = ReactorSource.of("kkl",
        ReactorParameters.of(3600, FissionFractions.typical()).withCapturesPerFission(0.6), DAY_NS);
    assertEquals(1.06272e13 * (5.24204 + 1.2) / 5.24204, capture.fluxPerCm2PerS(20.7), 0.0005e13);
  }

  @Test
  void componentsPerIsotope() {
    ReactorSource r = ReactorSource.of("core", ReactorParameters.of(3000, FissionFractions.typical()), DAY_NS);
    List<SourceComponent> c = r.components();
    assertEquals(List.of("U235", "U238", "Pu239", "Pu241"), c.stream().map(SourceComponent::parent).toList());
    double rate = r.fissionRatePerS();
    for (SourceComponent comp : c) {
      FissionIsotope iso = FissionIsotope.fromLabel(comp.parent());
      assertEquals(Flavor.NUEBAR, comp.flavor());
      assertSame(r.spectrum(iso), comp.spectrum());
      assertEquals(rate * FissionFractions.typical().get(iso) * r.spectrum(iso).neutrinosPerFission(),
          comp.neutrinosPerExposureUnit(), 1e-6 * comp.neutrinosPerExposureUnit());
      assertEquals(UniformTimeProfile.of(DAY_NS), comp.timeProfile());
    }
    assertEquals(ExposureUnit.LIVE_SECOND, r.exposureUnit());
    assertTrue(r.pointSource());
    assertFalse(r.pulsed());
    assertEquals(rate * r.neutrinosPerFission(), r.neutrinosPerS(), 1e-9 * r.neutrinosPerS());
  }

  @Test
  void zeroFractionHasNoComponentAndPeriodRebinds() {
    ReactorParameters p = ReactorParameters.of(58, new FissionFractions(1, 0, 0, 0))
        .withHighEnergyModel(HighEnergyModel.CUTOFF);
    ReactorSource r = ReactorSource.of("ill", p, DAY_NS);
    assertEquals(1, r.components().size());
    assertEquals("U235", r.components().get(0).parent());
    assertEquals(8.0, r.components().get(0).spectrum().maxEnergyMeV());
    ReactorSource longer = r.withPeriodDurationNs(2 * DAY_NS);
    assertEquals(2 * DAY_NS, longer.periodDurationNs());
    assertEquals(2 * DAY_NS, longer.components().get(0).timeProfile().maxTimeNs());
    assertEquals(r.neutrinosPerS(), longer.neutrinosPerS());
    // fission rate of pure U-235 at 58 MW: 58e6 / (202.36 · 1.602176634e-13)
    assertEquals(58e6 / (202.36 * 1.602176634e-13), r.fissionRatePerS(), 1e6);
  }

  @Test
  void validation() {
    IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
        () -> new FissionFractions(0.5, 0.1, 0.3, 0.05));
    assertTrue(sum.getMessage().startsWith("fission_fractions must sum to 1 within 1.0E-6, got 0.95"),
        sum.getMessage());
    IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
        () -> new FissionFractions(1.1, -0.1, 0, 0));
    assertEquals("fission_fractions.U238 must be finite and >= 0, got -0.1", neg.getMessage());
    new FissionFractions(0.58, 0.07, 0.30, 0.05 + 5e-7); // within 1e-6
    assertThrows(IllegalArgumentException.class, () -> new FissionEnergies(202, 0, 211, 214));
    assertThrows(IllegalArgumentException.class, () -> ReactorParameters.of(-1, FissionFractions.typical()));
    assertThrows(IllegalArgumentException.class,
        () -> ReactorParameters.of(1000, FissionFractions.typical()).withMaxEnergyMeV(25));
    ReactorParameters ok = ReactorParameters.of(1000, FissionFractions.typical());
    assertThrows(IllegalArgumentException.class, () -> ReactorSource.of("a b", ok, DAY_NS));
    assertThrows(IllegalArgumentException.class, () -> ReactorSource.of("a", ok, 0));
  }
}
