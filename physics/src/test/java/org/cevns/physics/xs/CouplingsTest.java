package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cevns.physics.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CouplingsTest {

  private static final double S2 = 0.23857;

  @Test
  void treeLevel() {
    Couplings c = Couplings.of(CouplingScheme.TREE, Flavor.NUE, S2);
    assertEquals(0.02286, c.gVp(), 1e-12);
    assertEquals(-0.5, c.gVn(), 0);
    // Q_W = N − (1 − 4 s²) Z for Cs133 (tree level)
    assertEquals(-(78 - (1 - 4 * S2) * 55), c.weakCharge(55, 78), 1e-12);
  }

  @Test
  void pdgParametrisationGivesTheReferenceNumbersAtTheStandardModelSin2() {
    Couplings c = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, S2);
    assertEquals(0.0303, c.gVp(), 5e-5); // 0.030279
    assertEquals(-0.5122, c.gVn(), 5e-5); // -0.512213
    assertEquals(0.0302786, c.gVp(), 1e-7);
    assertEquals(-0.5122125, c.gVn(), 1e-7);
    assertEquals(c, Couplings.of(CouplingScheme.PDG, Flavor.NUEBAR, S2));
  }

  /**
   * Regression (the scan of sin2_theta_w under PDG couplings found 0.2308, not the configured 0.23857, because the
   * PDG scheme ignored the configured value): away from the SM value the radiatively corrected g_V^p moves as the
   * tree-level term, −2ρ per unit of sin²θ_W (−2 for charge-radius couplings); g_V^n does not move.
   */
  @Test
  void aSin2AwayFromTheStandardModelValueShiftsTheProtonCoupling() {
    Couplings pdg = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, S2);
    Couplings shifted = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, 0.25);
    assertEquals(pdg.gVp() - 2 * 1.0086 * (0.25 - S2), shifted.gVp(), 1e-15);
    assertEquals(pdg.gVn(), shifted.gVn(), 0);
    Couplings cr = Couplings.of(CouplingScheme.CHARGE_RADIUS, Flavor.NUE, 0.22);
    assertEquals(0.0184 + 0.0197 - 2 * (0.22 - S2), cr.gVp(), 1e-15);
    // same slope as tree level
    assertEquals(Couplings.tree(0.25).gVp() - Couplings.tree(S2).gVp(), -2 * (0.25 - S2), 1e-15);
  }

  @Test
  void chargeRadiusShiftsByFlavourSameForAntineutrinos() {
    assertEquals(0.0184 + 0.0197, Couplings.of(CouplingScheme.CHARGE_RADIUS, Flavor.NUE, S2).gVp(), 1e-15);
    assertEquals(0.0184 + 0.0114, Couplings.of(CouplingScheme.CHARGE_RADIUS, Flavor.NUMU, S2).gVp(), 1e-15);
    assertEquals(0.0184 + 0.0071, Couplings.of(CouplingScheme.CHARGE_RADIUS, Flavor.NUTAU, S2).gVp(), 1e-15);
    for (Flavor f : new Flavor[] {Flavor.NUE, Flavor.NUMU, Flavor.NUTAU}) {
      Flavor anti = Flavor.valueOf(f.name() + "BAR");
      assertEquals(Couplings.of(CouplingScheme.CHARGE_RADIUS, f, S2),
          Couplings.of(CouplingScheme.CHARGE_RADIUS, anti, S2));
      assertEquals(-0.5117, Couplings.of(CouplingScheme.CHARGE_RADIUS, f, S2).gVn(), 0);
    }
  }

  /** The charge-radius shifts follow from the SM radii: δ = (√2πα/3G_F)·(G_F/2√2π²)[3 − 2 ln(m_ℓ²/m_W²)]. */
  @Test
  void chargeRadiusShiftsFollowFromTheStandardModelRadii() {
    double alpha = 1 / 137.035999;
    double mW = 80369.2; // MeV, PDG 2024
    double[] lepton = {0.51099895, 105.6583755, 1776.86};
    double[] shift = {0.0197, 0.0114, 0.0071};
    for (int i = 0; i < 3; i++) {
      // (√2πα/3G_F)(G_F/2√2π²) = α/(6π): the G_F cancels
      double delta = alpha / (6 * Math.PI) * (3 - 2 * Math.log(lepton[i] * lepton[i] / (mW * mW)));
      assertEquals(shift[i], delta, 1e-4, "lepton " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(CouplingScheme.class)
  void validation(CouplingScheme scheme) {
    assertThrows(IllegalArgumentException.class, () -> Couplings.of(scheme, Flavor.NUE, 1.2));
    assertThrows(IllegalArgumentException.class, () -> Couplings.of(scheme, null, S2));
    assertEquals(scheme, CouplingScheme.fromConfigName(scheme.configName()));
  }

  @Test
  void recordRejectsNonFiniteValues() {
    assertThrows(IllegalArgumentException.class, () -> new Couplings(Double.NaN, -0.5));
  }
}
