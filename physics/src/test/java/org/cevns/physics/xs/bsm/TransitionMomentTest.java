package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.Couplings;
import org.cevns.physics.xs.EvesCrossSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transition magnetic moments μ_αβ ({@code magnetic_moment_mub.<emu|etau|mutau>}): helicity-flipping, so the final
 * flavours add incoherently and ν_α sees μ_α² = Σ_β μ_αβ² in the Vogel–Engel term
 * π α² μ_α² / m_e² (1/T − 1/E) (× Z² F_p² on a nucleus). Golden number π α²/m_e² (ħc)² = 2.4946e-25 cm², as in
 * {@code NewPhysicsCrossSectionTest}.
 */
class TransitionMomentTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double FLOOR = 1e-5;
  private static final Isotope CS = IsotopeTable.isotope(55, 133);
  private static final FormFactor F_CS = HelmFormFactor.lewinSmith(133);
  private static final double[][] NUCLEUS = {{10, 1e-3}, {30, 5e-3}, {50, 3e-2}};
  private static final double[][] ELECTRON = {{1, 1e-3}, {3, 0.1}, {8, 2.0}};

  private static NewPhysicsCevns nucleus(Flavor flavor, NewPhysics np) {
    CevnsCrossSection sm = CevnsCrossSection.of(CS, flavor, Couplings.of(CouplingScheme.PDG, flavor, S2), F_CS, F_CS,
        true, F_CS);
    return NewPhysicsCevns.of(sm, flavor, F_CS, F_CS, F_CS, np, FLOOR);
  }

  private static NewPhysicsEves electron(Flavor flavor, NewPhysics np) {
    return NewPhysicsEves.of(EvesCrossSection.of(32, flavor, S2, true), flavor, np, FLOOR);
  }

  /** Zero transition moments are the Standard Model; μ_eμ acts on ν_e, ν_μ (and ν̄) only. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void zeroIsTheStandardModelAndAPairActsOnItsTwoFlavours(Flavor flavor) {
    NewPhysics zero = NewPhysics.NONE.with("magnetic_moment_mub.emu", 0).with("magnetic_moment_mub.mutau", 0);
    assertTrue(zero.isStandardModel());
    NewPhysics emu = NewPhysics.NONE.with("magnetic_moment_mub.emu", 2e-10);
    boolean acts = PerFlavour.index(flavor) < 2;
    assertEquals(acts, emu.hasInverseRecoilTerm(flavor));
    for (double[] p : NUCLEUS) {
      NewPhysicsCevns z = nucleus(flavor, zero);
      assertEquals(z.standardModel().xsCm2PerMeV(p[0], p[1]), z.xsCm2PerMeV(p[0], p[1]), 0.0);
      NewPhysicsCevns m = nucleus(flavor, emu);
      assertEquals(acts ? FLOOR : 0.0, m.recoilFloorMeV(), 0.0);
      if (!acts) {
        assertEquals(m.standardModel().xsCm2PerMeV(p[0], p[1]), m.xsCm2PerMeV(p[0], p[1]), 0.0);
      }
    }
    for (double[] p : ELECTRON) {
      NewPhysicsEves z = electron(flavor, zero);
      assertEquals(z.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]), z.freeElectronXsCm2PerMeV(p[0], p[1]), 0.0);
      if (!acts) {
        NewPhysicsEves m = electron(flavor, emu);
        assertEquals(m.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]), m.freeElectronXsCm2PerMeV(p[0], p[1]),
            0.0);
      }
    }
  }

  /**
   * A transition moment μ_αβ = x is, on ν_α and on ν_β, the diagonal moment x of that flavour, bit for bit
   * (μ_α² = x² either way); with μ_ee = a, μ_eμ = b, μ_eτ = c, ν_e sees √(a² + b² + c²) and the closed form.
   */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUE", "NUEBAR", "NUTAU", "NUTAUBAR"})
  void aTransitionMomentIsTheDiagonalOneOfEachFlavourOfItsPair(Flavor flavor) {
    String own = PerFlavour.KEYS[PerFlavour.index(flavor)];
    NewPhysics etau = NewPhysics.NONE.with("magnetic_moment_mub.etau", -3e-10);
    NewPhysics diagonal = NewPhysics.NONE.with("magnetic_moment_mub." + own, 3e-10);
    for (double[] p : NUCLEUS) {
      assertEquals(nucleus(flavor, diagonal).xsCm2PerMeV(p[0], p[1]), nucleus(flavor, etau).xsCm2PerMeV(p[0], p[1]),
          0.0);
    }
    for (double[] p : ELECTRON) {
      assertEquals(electron(flavor, diagonal).freeElectronXsCm2PerMeV(p[0], p[1]),
          electron(flavor, etau).freeElectronXsCm2PerMeV(p[0], p[1]), 0.0);
    }
  }

  /** μ_ee = 1e-10, μ_eμ = 2e-10, μ_eτ = 2e-10: ν_e sees μ_e² = 9e-20 μ_B² (μ_e = 3e-10), closed form. */
  @Test
  void theEffectiveMomentIsTheSumOfSquares() {
    NewPhysics np = NewPhysics.NONE.with("magnetic_moment_mub.nue", 1e-10).with("magnetic_moment_mub.emu", 2e-10)
        .with("magnetic_moment_mub.etau", 2e-10).with("magnetic_moment_mub.mutau", 5e-10);
    assertEquals(9e-20, np.magneticMomentMuB().effectiveSquared(Flavor.NUE), 1e-34);
    assertEquals(4e-20 + 25e-20, np.magneticMomentMuB().effectiveSquared(Flavor.NUMUBAR), 1e-34);
    NewPhysics three = NewPhysics.NONE.with("magnetic_moment_mub.nue", 3e-10);
    double m = CS.nuclearMassMeV();
    for (Flavor fl : new Flavor[] {Flavor.NUE, Flavor.NUEBAR}) {
      for (double[] p : NUCLEUS) {
        double e = p[0];
        double t = p[1];
        double f = F_CS.value(Math.sqrt(2 * m * t + t * t));
        double expected = 2.4946e-25 * 9e-20 * 55 * 55 * f * f * (1 / t - 1 / e);
        NewPhysicsCevns x = nucleus(fl, np);
        assertEquals(expected, x.xsCm2PerMeV(e, t) - x.standardModel().xsCm2PerMeV(e, t), 1e-4 * expected);
        double same = nucleus(fl, three).xsCm2PerMeV(e, t);
        assertEquals(same, x.xsCm2PerMeV(e, t), 1e-14 * same);
      }
      for (double[] p : ELECTRON) {
        double expected = 2.4946e-25 * 9e-20 * (1 / p[1] - 1 / p[0]);
        NewPhysicsEves x = electron(fl, np);
        double delta = x.freeElectronXsCm2PerMeV(p[0], p[1]) - x.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]);
        assertEquals(expected, delta, 1e-4 * expected);
      }
    }
  }

  /** Scan names: set, read, reported; bad keys named in one line. */
  @Test
  void names() {
    NewPhysics np = NewPhysics.NONE.with("magnetic_moment_mub.mutau", 1e-10);
    assertEquals(1e-10, np.get("magnetic_moment_mub.mutau"), 0.0);
    assertEquals(0.0, np.get("magnetic_moment_mub.numu"), 0.0);
    assertEquals(Map.of("magnetic_moment_mub.mutau", 1e-10), np.nonZeroParameters());
    assertTrue(np.parameterNames().contains("magnetic_moment_mub.etau"));
    assertFalse(np.parameterNames().contains("millicharge_e.etau"));
    assertEquals("physics parameter 'magnetic_moment_mub.mue': unknown flavour 'mue', allowed: nue, numu, nutau (one"
        + " flavour), emu, etau, mutau (transition moments), all (nue = numu = nutau)",
        assertThrows(IllegalArgumentException.class, () -> np.with("magnetic_moment_mub.mue", 1)).getMessage());
  }
}
