package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * Per-flavour NGI couplings ({@code ngi.<structure>.<nue|numu|nutau>.<p|n|e>}): a coupling of one flavour changes
 * the cross sections of that flavour (ν and ν̄, which the same operator scatters) and of no other, exactly; the
 * flavour-universal spelling is the three flavours set equal.
 */
class NgiFlavourTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double FLOOR = 1e-5;
  private static final Isotope GE73 = IsotopeTable.isotope(32, 73);
  private static final FormFactor F_GE = HelmFormFactor.lewinSmith(73);
  /** (E MeV, T MeV): CEvNS on ⁷³Ge (T_max(30 MeV) = 26 keV) and EvES (T below T_max of the electron). */
  private static final double[][] NUCLEUS = {{10, 1e-3}, {30, 5e-3}, {30, 2e-2}};
  private static final double[][] ELECTRON = {{0.862, 0.005}, {3, 1.5}, {30, 20}};
  /** Every structure on numu, nucleons and electrons, two of them with light mediators. */
  private static final String[] NUMU_ONLY = {"ngi.scalar.numu.p", "0.2", "ngi.vector.numu.n", "0.05",
    "ngi.axial.numu.n", "0.3", "ngi.tensor.numu.n", "0.1", "ngi.tensor.numu.e", "0.1", "ngi.scalar.numu.e", "0.3",
    "ngi.pseudoscalar.numu.e", "0.4", "ngi.vector.numu.e", "0.05", "ngi.axial.numu.e", "-0.1",
    "ngi.tensor.mass_mev", "20", "ngi.pseudoscalar.mass_mev", "3"};

  private static NewPhysics point(String... nameValue) {
    NewPhysics np = NewPhysics.NONE;
    for (int i = 0; i < nameValue.length; i += 2) {
      np = np.with(nameValue[i], Double.parseDouble(nameValue[i + 1]));
    }
    return np;
  }

  /** The same settings with the flavour removed from the names: the flavour-universal point. */
  private static NewPhysics universal(String... nameValue) {
    String[] out = nameValue.clone();
    for (int i = 0; i < out.length; i += 2) {
      out[i] = out[i].replaceAll("\\.(nue|numu|nutau)\\.", ".");
    }
    return point(out);
  }

  private static NewPhysicsCevns nucleus(Flavor flavor, NewPhysics np) {
    CevnsCrossSection sm = CevnsCrossSection.of(GE73, flavor, Couplings.of(CouplingScheme.PDG, flavor, S2), F_GE, F_GE,
        true, F_GE);
    return NewPhysicsCevns.of(sm, flavor, F_GE, F_GE, F_GE, np, FLOOR);
  }

  private static NewPhysicsEves electron(Flavor flavor, NewPhysics np) {
    return NewPhysicsEves.of(EvesCrossSection.of(32, flavor, S2, true), flavor, np, FLOOR);
  }

  /**
   * A ν_μ coupling: ν_e, ν_τ (and their ν̄) are the Standard Model bit for bit, without a recoil floor (the light
   * mediators belong to ν_μ's couplings); ν_μ and ν̄_μ equal the flavour-universal point, bit for bit, and differ
   * from the Standard Model.
   */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aNumuCouplingChangesOnlyNumu(Flavor flavor) {
    NewPhysics numu = point(NUMU_ONLY);
    NewPhysics all = universal(NUMU_ONLY);
    boolean mu = PerFlavour.index(flavor) == 1;
    NewPhysicsCevns a = nucleus(flavor, numu);
    NewPhysicsEves b = electron(flavor, numu);
    assertEquals(mu ? FLOOR : 0.0, a.recoilFloorMeV(), 0.0, "floor only where the light mediators act");
    for (double[] p : NUCLEUS) {
      double sm = a.standardModel().xsCm2PerMeV(p[0], p[1]);
      double got = a.xsCm2PerMeV(p[0], p[1]);
      if (mu) {
        assertEquals(nucleus(flavor, all).xsCm2PerMeV(p[0], p[1]), got, 0.0);
        assertTrue(Math.abs(got / sm - 1) > 0.05, flavor + " CEvNS changes: " + got / sm);
      } else {
        assertEquals(sm, got, 0.0, flavor + " CEvNS");
      }
    }
    for (double[] p : ELECTRON) {
      double sm = b.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]);
      double got = b.freeElectronXsCm2PerMeV(p[0], p[1]);
      if (mu) {
        assertEquals(electron(flavor, all).freeElectronXsCm2PerMeV(p[0], p[1]), got, 0.0);
        assertTrue(Math.abs(got / sm - 1) > 0.05, flavor + " EvES changes: " + got / sm);
      } else {
        assertEquals(sm, got, 0.0, flavor + " EvES");
      }
    }
  }

  /** The flavour contributions add up: the universal point is the three flavours set equal, as a value. */
  @Test
  void universalIsTheThreeFlavoursSetEqual() {
    NewPhysics all = point("ngi.tensor.n", "0.1", "ngi.scalar.e", "-0.2", "ngi.pseudoscalar.e", "0.3");
    NewPhysics each = NewPhysics.NONE;
    for (String f : PerFlavour.KEYS) {
      each = each.with("ngi.tensor." + f + ".n", 0.1).with("ngi.scalar." + f + ".e", -0.2)
          .with("ngi.pseudoscalar." + f + ".e", 0.3);
    }
    assertEquals(all, each);
    assertEquals(0.1, each.get("ngi.tensor.n"), 0.0);
    assertEquals(Map.of("ngi.scalar.e", -0.2, "ngi.tensor.n", 0.1, "ngi.pseudoscalar.e", 0.3),
        each.nonZeroParameters());
    // per flavour: a flavour name is reported, and the universal name can no longer be read
    NewPhysics mixed = each.with("ngi.tensor.numu.n", 0.05);
    assertEquals(Map.of("ngi.scalar.e", -0.2, "ngi.tensor.nue.n", 0.1, "ngi.tensor.numu.n", 0.05,
        "ngi.tensor.nutau.n", 0.1, "ngi.pseudoscalar.e", 0.3), mixed.nonZeroParameters());
    assertEquals("physics parameter 'ngi.tensor.n': the flavours have different couplings n (0.1, 0.05, 0.1): use"
        + " <nue|numu|nutau>.n", assertThrows(IllegalArgumentException.class, () -> mixed.get("ngi.tensor.n"))
        .getMessage());
    // setting the universal name sets every flavour
    assertEquals(all, mixed.with("ngi.tensor.n", 0.1));
    assertNotEquals(all, mixed);
  }

  /** The pseudoscalar has no nucleon coupling, universal or per flavour; bad flavours are named. */
  @Test
  void badNamesAreRefusedInOneLine() {
    for (String name : new String[] {"ngi.pseudoscalar.p", "ngi.pseudoscalar.n", "ngi.pseudoscalar.numu.p"}) {
      String msg = assertThrows(IllegalArgumentException.class, () -> NewPhysics.NONE.with(name, 0.1)).getMessage();
      assertEquals("physics parameter '" + name + "': " + Ngi.PSEUDOSCALAR_NUCLEON, msg);
      assertTrue(msg.contains("spin-dependent and not coherent") && !msg.contains("\n"), msg);
    }
    assertEquals("physics parameter 'ngi.scalar.nux.p': unknown flavour 'nux', allowed: nue, numu, nutau (one"
        + " flavour), emu, etau, mutau (flavour-changing)",
        assertThrows(IllegalArgumentException.class, () -> NewPhysics.NONE.with("ngi.scalar.nux.p", 1)).getMessage());
    assertEquals("physics parameter 'ngi.scalar.numu.mass_mev': allowed: p, n, e", assertThrows(
        IllegalArgumentException.class, () -> NewPhysics.NONE.with("ngi.scalar.numu.mass_mev", 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Ngi(Ngi.Structure.ZERO, Ngi.Structure.ZERO,
        Ngi.Structure.ZERO, Ngi.Structure.ZERO, new Ngi.Structure(0, 0.1, 0, 0)));
  }
}
