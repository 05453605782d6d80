package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.cevns.physics.Flavor;
import org.junit.jupiter.api.Test;

class SolarSourceTest {
  private static final double YEAR_NS = 365.25 * 86400e9;

  /**
   * Bahcall's pp spectrum (normalised, per MeV; public copy SNO+/RAT SOLAR.ratdb "pp") at 0.04032, 0.12097,
   * 0.20162, 0.28227, 0.36292 and 0.40325 MeV; the allowed β⁺ shape agrees to 0.12 % of the peak (4.064).
   */
  @Test
  void ppShapeFollowsBahcallsTable() {
    SolarSource s = SolarSource.of("sun", Map.of(SolarBranch.PP, 5.98e10), YEAR_NS, null);
    EnergySpectrum pp = s.components().get(0).spectrum();
    double[] e = {0.04032, 0.12097, 0.20162, 0.28227, 0.36292, 0.40325};
    double[] bahcall = {0.2038, 1.437, 2.9766, 3.9854, 3.5937, 2.2589};
    for (int i = 0; i < e.length; i++) {
      assertEquals(bahcall[i], pp.densityPerMeV(e[i]), 0.0015 * 4.064, "pp at " + e[i]);
    }
    // Bahcall: <E_pp> = 0.2668 MeV (his table integrates to 0.2666)
    assertEquals(0.2668, ((TabulatedSpectrum) pp).meanEnergyMeV(), 3e-4);
  }

  @Test
  void cnoMeanEnergiesAreBahcalls() {
    double[] mean = {0.7063, 0.9964, 0.9977};   // Bahcall 1989: 13N, 15O, 17F
    SolarBranch[] b = {SolarBranch.N13, SolarBranch.O15, SolarBranch.F17};
    for (int i = 0; i < b.length; i++) {
      SolarSource s = SolarSource.of("sun", Map.of(b[i], 1.0), YEAR_NS, null);
      double m = ((TabulatedSpectrum) s.components().get(0).spectrum()).meanEnergyMeV();
      assertEquals(mean[i], m, 2e-3 * mean[i], b[i].parent());
    }
  }

  @Test
  void unoscillatedFluxesAreTheB16Gs98FluxesAllNue() {
    SolarSource s = SolarSource.of("sun", SolarSource.b16Gs98Fluxes(), YEAR_NS, null);
    double total = 0;
    for (SourceComponent c : s.components()) {
      assertEquals(Flavor.NUE, c.flavor());
      total += c.neutrinosPerExposureUnit();
    }
    assertEquals(5.98e10 + 1.44e8 + 4.93e9 + 2.78e8 + 2.05e8 + 5.29e6, total, 1e-9 * total);
    assertEquals(7, s.components().size());   // 4 continuous + pep + two 7Be lines
  }

  @Test
  void oscillationsSplitEachBranchWithPeeAndKeepTheTotal() {
    MswLmaSurvival pee = MswLmaSurvival.pdgB8();
    SolarSource s = SolarSource.of("sun", SolarSource.b16Gs98Fluxes(), YEAR_NS, pee);
    Map<String, double[]> byParent = new java.util.HashMap<>();
    for (SourceComponent c : s.components()) {
      double[] f = byParent.computeIfAbsent(c.parent(), k -> new double[3]);
      f[c.flavor() == Flavor.NUE ? 0 : c.flavor() == Flavor.NUMU ? 1 : 2] += c.neutrinosPerExposureUnit();
    }
    for (SolarBranch b : SolarBranch.values()) {
      double[] f = byParent.get(b.parent());
      assertEquals(b.b16Gs98FluxPerCm2S(), f[0] + f[1] + f[2], 1e-12 * b.b16Gs98FluxPerCm2S(), b.parent());
      assertEquals(f[1], f[2], 0, b.parent());
    }
    double be7 = 4.93e9 * (0.8956 * pee.survivalProbability(0.8613) + 0.1044 * pee.survivalProbability(0.3843));
    assertEquals(be7, byParent.get("Be7")[0], 1e-12 * be7);
    // pp: P_ee averaged over the spectrum, between its values at 0 and 0.42 MeV (~0.55)
    double ppNue = byParent.get("pp")[0] / 5.98e10;
    assertTrue(ppNue < pee.survivalProbability(0.01) && ppNue > pee.survivalProbability(0.42), "pp P_ee " + ppNue);
  }

  @Test
  void rejectsNoBranchAndNonPositiveFlux() {
    assertThrows(IllegalArgumentException.class, () -> SolarSource.of("sun", Map.of(), YEAR_NS, null));
    Map<SolarBranch, Double> bad = new EnumMap<>(SolarBranch.class);
    bad.put(SolarBranch.PEP, -1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SolarSource.of("sun", bad, YEAR_NS, null));
    assertTrue(e.getMessage().contains("pep"), e.getMessage());
  }
}
