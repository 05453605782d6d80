package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.Flavor;
import org.junit.jupiter.api.Test;

class MswLmaSurvivalTest {
  private static final MswLmaSurvival PDG = MswLmaSurvival.pdgB8();

  /** Low energies: vacuum-averaged cos⁴θ13 (1 − sin²2θ12/2) + sin⁴θ13 = 0.5502 with the PDG 2022 angles. */
  @Test
  void lowEnergyLimitIsTheVacuumAverage() {
    double c13 = 1 - 0.0219;
    double s2t12 = 4 * 0.307 * (1 - 0.307);
    assertEquals(c13 * c13 * (1 - s2t12 / 2) + 0.0219 * 0.0219, PDG.survivalProbability(1e-4), 1e-4);
  }

  /**
   * SNO's combined ⁸B analysis (PRC 88 (2013) 025501) fits P_ee(10 MeV) = 0.317 ± 0.016 (day); the MSW–LMA
   * prediction with PDG parameters must lie within that uncertainty (the value is 0.319).
   */
  @Test
  void tenMeVMatchesSno() {
    assertEquals(0.317, PDG.survivalProbability(10), 0.016);
    assertTrue(PDG.survivalProbability(6) > PDG.survivalProbability(14), "P_ee falls with energy");
  }

  @Test
  void invalidParameters() {
    assertThrows(IllegalArgumentException.class, () -> new MswLmaSurvival(1.2, 0.02, 7.5e-5, 6e25));
    assertThrows(IllegalArgumentException.class, () -> new MswLmaSurvival(0.3, 0.02, -1, 6e25));
  }

  /** The flavour split keeps the total flux; ν_e carries ∫S·P_ee ≈ 0.33 of it. */
  @Test
  void componentsKeepTheTotalFlux() {
    Solar8BSource s = Solar8BSource.of("sun", 5.46e6, 1e9);
    assertEquals(3, s.components().size());
    double total = s.components().stream().mapToDouble(SourceComponent::neutrinosPerExposureUnit).sum();
    assertEquals(5.46e6, total, 1e-9 * 5.46e6);
    double nue = s.components().get(0).neutrinosPerExposureUnit() / 5.46e6;
    assertEquals(Flavor.NUE, s.components().get(0).flavor());
    assertTrue(nue > 0.3 && nue < 0.4, "nu_e fraction " + nue);
    assertEquals(1, Solar8BSource.of("sun", 5.46e6, 1e9, null).components().size());
  }
}
