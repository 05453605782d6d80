package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.ShellBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvesCrossSectionTest {

  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double ME = PhysicalConstants.ELECTRON_MASS_MEV;
  private static final double GF = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
  private static final double PREF = 2 * GF * GF * ME / Math.PI * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;

  @Test
  void couplingsPerFlavour() {
    EvesCrossSection nue = EvesCrossSection.of(1, Flavor.NUE, S2, false);
    assertEquals(0.5 + S2, nue.gL(), 1e-15);
    assertEquals(S2, nue.gR(), 1e-15);
    EvesCrossSection nuebar = EvesCrossSection.of(1, Flavor.NUEBAR, S2, false);
    assertEquals(S2, nuebar.gL(), 1e-15);
    assertEquals(0.5 + S2, nuebar.gR(), 1e-15);
    for (Flavor f : new Flavor[] {Flavor.NUMU, Flavor.NUTAU}) {
      assertEquals(-0.5 + S2, EvesCrossSection.of(1, f, S2, false).gL(), 1e-15);
      assertEquals(S2, EvesCrossSection.of(1, f, S2, false).gR(), 1e-15);
    }
    for (Flavor f : new Flavor[] {Flavor.NUMUBAR, Flavor.NUTAUBAR}) {
      assertEquals(S2, EvesCrossSection.of(1, f, S2, false).gL(), 1e-15);
      assertEquals(-0.5 + S2, EvesCrossSection.of(1, f, S2, false).gR(), 1e-15);
    }
  }

  /** Free electrons: analytic σ(E) against a numerical integral of dσ/dT, and against the published formula (Marciano &amp; Parsa, J. Phys. G 29 (2003) 2629). */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void freeElectronTotalMatchesNumericalIntegral(Flavor flavor) {
    EvesCrossSection xs = EvesCrossSection.of(1, flavor, S2, false);
    double gl = xs.gL();
    double gr = xs.gR();
    for (double e : new double[] {0.1, 1, 5, 30, 52.8}) {
      double tMax = 2 * e * e / (ME + 2 * e);
      assertEquals(tMax, xs.maxRecoilMeV(e), 1e-15 * tMax);
      double t = 0.37 * tMax;
      double expected = PREF * (gl * gl + gr * gr * (1 - t / e) * (1 - t / e) - gl * gr * ME * t / (e * e));
      assertEquals(expected, xs.xsCm2PerMeV(e, t), 1e-14 * expected);
      double numeric = GaussLegendre.integrate(x -> xs.xsCm2PerMeV(e, x), 0, tMax, 1);
      assertEquals(1.0, xs.totalXsCm2(e) / numeric, 1e-12, flavor + " E=" + e);
    }
  }

  /**
   * High-energy limit σ → (2G_F² m_e E/π)(g_L² + g_R²/3): 9.73e-45 cm² × E/MeV for ν_e at tree level with
   * s² = 0.23857 (hand-computed from the constants).
   */
  @Test
  void highEnergyLimit() {
    EvesCrossSection nue = EvesCrossSection.of(1, Flavor.NUE, S2, false);
    double e = 1e5;
    double limit = PREF * e * (nue.gL() * nue.gL() + nue.gR() * nue.gR() / 3);
    assertEquals(1.0, nue.totalXsCm2(e) / limit, 1e-4);
    assertEquals(9.73e-45, nue.totalXsCm2(1000) / 1000, 0.02e-45);
  }

  /** Stepping: dσ/dT per atom = free × Z_eff(T), exactly, with Z_eff the electrons bound by less than T. */
  @Test
  void steppingRemovesExactlyTheBoundElectrons() {
    int z = 32;
    EvesCrossSection step = EvesCrossSection.of(z, Flavor.NUEBAR, S2, true);
    EvesCrossSection free = EvesCrossSection.of(z, Flavor.NUEBAR, S2, false);
    assertTrue(step.hasAcceptance());
    assertFalse(free.hasAcceptance());
    double e = 3;
    double[][] recoilKeVAndZeff = {{11.2, 32}, {11.0, 30}, {1.3, 28}, {1.23, 26}, {1.21, 22}, {1.0, 22},
        {0.1, 14}, {0.02, 4}, {0.005, 0}};
    for (double[] row : recoilKeVAndZeff) {
      double t = row[0] / Units.KEV_PER_MEV;
      int zEff = (int) row[1];
      assertEquals(zEff, step.electronsBoundBelowMeV(t), "T = " + row[0] + " keV");
      assertEquals(free.xsCm2PerMeV(e, t) * zEff / z, step.xsCm2PerMeV(e, t), 1e-15 * free.xsCm2PerMeV(e, t));
      assertEquals(free.xsCm2PerMeV(e, t), step.envelopeXsCm2PerMeV(e, t), 0);
      assertEquals((double) zEff / z, step.acceptance(t), 0);
    }
    // exactly at a binding energy the shell is still bound (strict inequality)
    assertEquals(30, step.electronsBoundBelowMeV(11.103 / Units.KEV_PER_MEV));
  }

  /** σ(E) with stepping: analytic sum over shells against quadrature split at every binding energy. */
  @Test
  void steppedTotalMatchesSplitQuadrature() {
    for (int z : new int[] {18, 32, 54, 55, 82}) {
      EvesCrossSection xs = EvesCrossSection.of(z, Flavor.NUE, S2, true);
      ShellBinding shells = ShellBinding.of(z);
      for (double e : new double[] {0.02, 0.3, 1, 10}) {
        double tMax = xs.maxRecoilMeV(e);
        double[] edges = new double[shells.shellCount() + 2];
        for (int i = 0; i < shells.shellCount(); i++) {
          edges[i] = Math.min(shells.bindingKeV(i) / Units.KEV_PER_MEV, tMax);
        }
        edges[shells.shellCount()] = 0;
        edges[shells.shellCount() + 1] = tMax;
        java.util.Arrays.sort(edges);
        double numeric = GaussLegendre.integrate(t -> xs.xsCm2PerMeV(e, t), edges, 1);
        assertEquals(1.0, xs.totalXsCm2(e) / numeric, 1e-10, "Z=" + z + " E=" + e);
        assertTrue(xs.totalXsCm2(e) < EvesCrossSection.of(z, Flavor.NUE, S2, false).totalXsCm2(e));
      }
    }
    // far above all thresholds the stepped σ approaches Z × free
    EvesCrossSection xe = EvesCrossSection.of(54, Flavor.NUE, S2, true);
    EvesCrossSection xeFree = EvesCrossSection.of(54, Flavor.NUE, S2, false);
    assertEquals(1.0, xe.totalXsCm2(30) / xeFree.totalXsCm2(30), 2e-3);
  }

  @Test
  void kinematicsAndValidation() {
    EvesCrossSection xs = EvesCrossSection.of(54, Flavor.NUMU, S2, true);
    assertEquals(0, xs.xsCm2PerMeV(1, 2));
    assertEquals(0, xs.totalXsCm2(0));
    double t = xs.maxRecoilMeV(2.5);
    assertEquals(2.5, xs.minEnergyMeV(t), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> EvesCrossSection.of(92, Flavor.NUE, S2, true));
    assertEquals(92, EvesCrossSection.of(92, Flavor.NUE, S2, false).electronsBoundBelowMeV(0));
    assertThrows(IllegalArgumentException.class, () -> EvesCrossSection.of(0, Flavor.NUE, S2, false));
    assertThrows(IllegalArgumentException.class, () -> EvesCrossSection.of(32, Flavor.NUE, 0, false));
  }
}
