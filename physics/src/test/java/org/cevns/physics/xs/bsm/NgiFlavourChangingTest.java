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
 * Flavour-changing NGI couplings ε_X^{f,αβ} ({@code ngi.<structure>.<emu|etau|mutau>.<p|n|e>}): ν_α → ν_β has no
 * Standard-Model amplitude, so each final flavour adds the pure (non-interfering) terms of its couplings, with P =
 * G_F² M/2π, y = T/E, r = MT/E², K = 1 + (1 − y)² − r and the coherent charges v (vector NGI + flavour-changing NSI),
 * a (axial, ∓), s, t (Lindner, Rodejohann, Xu, JHEP 03 (2017) 097; the recoil factors of {@code ngi_traces.py}):
 * <pre>
 *   dσ/dT − dσ/dT_SM = P [(v + a)² + (v − a)² (1 − y)² − (v² − a²) r + s² r + 4t² ((2 − y)² − r) ∓ 4 s t y (1 − y/2)]
 * </pre>
 * (on electrons the scalar term has the factor (1 + T/2m_e) and a pseudoscalar adds ε_P² y²/2).
 */
class NgiFlavourChangingTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double GF = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
  private static final double ME = PhysicalConstants.ELECTRON_MASS_MEV;
  private static final double HBARC2 = PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  private static final double FLOOR = 1e-5;
  private static final Isotope AR = IsotopeTable.isotope(18, 40);
  private static final FormFactor F_AR = HelmFormFactor.lewinSmith(40);
  private static final Isotope GE73 = IsotopeTable.isotope(32, 73);
  private static final FormFactor F_GE = HelmFormFactor.lewinSmith(73);
  /** (E MeV, T MeV): CEvNS inside T_max of ⁴⁰Ar and ⁷³Ge at 30 MeV, and EvES up to T_max, T/2m_e ~ 20. */
  private static final double[][] NUCLEUS = {{10, 1e-3}, {30, 5e-3}, {30, 2e-2}};
  private static final double[][] ELECTRON = {{0.862, 0.005}, {3, 1.5}, {30, 20}};
  /** Every structure with μ ↔ τ couplings, nucleons and electrons, the tensor and scalar with light mediators. */
  private static final String[] MUTAU = {"ngi.scalar.mutau.p", "0.2", "ngi.vector.mutau.n", "0.05",
    "ngi.axial.mutau.n", "0.3", "ngi.tensor.mutau.n", "0.1", "ngi.tensor.mutau.e", "0.1", "ngi.scalar.mutau.e",
    "0.3", "ngi.pseudoscalar.mutau.e", "0.4", "ngi.vector.mutau.e", "0.05", "ngi.axial.mutau.e", "-0.1",
    "nsi.u.mutau", "0.02", "nsi.e.mutau", "0.03", "ngi.tensor.mass_mev", "20", "ngi.scalar.mass_mev", "3"};

  private static NewPhysics point(String... nameValue) {
    NewPhysics np = NewPhysics.NONE;
    for (int i = 0; i < nameValue.length; i += 2) {
      np = np.with(nameValue[i], Double.parseDouble(nameValue[i + 1]));
    }
    return np;
  }

  /** The same couplings made flavour-diagonal for {@code flavour} (mutau → numu, NSI mutau → mumu), × sign. */
  private static NewPhysics diagonal(String flavour, double sign, String... nameValue) {
    String[] out = nameValue.clone();
    for (int i = 0; i < out.length; i += 2) {
      boolean coupling = !out[i].endsWith("mass_mev");
      out[i] = out[i].replace(".mutau.", "." + flavour + ".").replace("nsi.u.mutau", "nsi.u." + flavour.substring(2)
          + flavour.substring(2)).replace("nsi.e.mutau", "nsi.e." + flavour.substring(2) + flavour.substring(2));
      out[i + 1] = coupling ? "" + sign * Double.parseDouble(out[i + 1]) : out[i + 1];
    }
    return point(out);
  }

  private static NewPhysicsCevns nucleus(Isotope iso, FormFactor f, Flavor flavor, NewPhysics np) {
    CevnsCrossSection sm = CevnsCrossSection.of(iso, flavor, Couplings.of(CouplingScheme.PDG, flavor, S2), f, f, true,
        f);
    return NewPhysicsCevns.of(sm, flavor, f, f, f, np, FLOOR);
  }

  private static NewPhysicsEves electron(Flavor flavor, NewPhysics np) {
    return NewPhysicsEves.of(EvesCrossSection.of(32, flavor, S2, true), flavor, np, FLOOR);
  }

  /** Flavour-changing couplings at zero (masses set) are the Standard Model bit for bit, every flavour. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void zeroCouplingsGiveTheStandardModelExactly(Flavor flavor) {
    NewPhysics zero = point("ngi.tensor.emu.n", "0", "ngi.scalar.etau.e", "0", "ngi.axial.mutau.p", "0",
        "ngi.tensor.mass_mev", "5", "ngi.scalar.mass_mev", "1");
    assertTrue(zero.isStandardModel());
    NewPhysicsCevns a = nucleus(GE73, F_GE, flavor, zero);
    NewPhysicsEves b = electron(flavor, zero);
    assertEquals(0.0, a.recoilFloorMeV(), 0.0);
    for (double[] p : NUCLEUS) {
      assertEquals(a.standardModel().xsCm2PerMeV(p[0], p[1]), a.xsCm2PerMeV(p[0], p[1]), 0.0);
    }
    for (double[] p : ELECTRON) {
      assertEquals(b.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]), b.freeElectronXsCm2PerMeV(p[0], p[1]), 0.0);
    }
  }

  /**
   * A μ ↔ τ coupling is the pure term of the same-size diagonal coupling on ν_μ, ν_τ and their ν̄ — the part of
   * the diagonal change even in ε, [σ(ε) + σ(−ε)]/2 − σ_SM — and leaves ν_e, ν̄_e the Standard Model bit for bit,
   * without a recoil floor (the light mediators belong to couplings of μ and τ).
   */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aChangingCouplingIsThePureTermOfTheDiagonalOne(Flavor flavor) {
    NewPhysics changing = point(MUTAU);
    int a = PerFlavour.index(flavor);
    NewPhysicsCevns n = nucleus(GE73, F_GE, flavor, changing);
    NewPhysicsEves el = electron(flavor, changing);
    assertEquals(a == 0 ? 0.0 : FLOOR, n.recoilFloorMeV(), 0.0);
    if (a == 0) {
      for (double[] p : NUCLEUS) {
        assertEquals(n.standardModel().xsCm2PerMeV(p[0], p[1]), n.xsCm2PerMeV(p[0], p[1]), 0.0);
      }
      for (double[] p : ELECTRON) {
        assertEquals(el.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]), el.freeElectronXsCm2PerMeV(p[0], p[1]),
            0.0);
      }
      return;
    }
    String f = PerFlavour.KEYS[a];
    NewPhysicsCevns plus = nucleus(GE73, F_GE, flavor, diagonal(f, 1, MUTAU));
    NewPhysicsCevns minus = nucleus(GE73, F_GE, flavor, diagonal(f, -1, MUTAU));
    for (double[] p : NUCLEUS) {
      double sm = n.standardModel().xsCm2PerMeV(p[0], p[1]);
      double pure = (plus.xsCm2PerMeV(p[0], p[1]) + minus.xsCm2PerMeV(p[0], p[1])) / 2 - sm;
      double got = n.xsCm2PerMeV(p[0], p[1]) - sm;
      assertTrue(got > 0.01 * sm, flavor + " CEvNS changes: " + got / sm);
      assertEquals(pure, got, 1e-11 * sm, flavor + " CEvNS at " + p[0] + ", " + p[1]);
    }
    NewPhysicsEves ePlus = electron(flavor, diagonal(f, 1, MUTAU));
    NewPhysicsEves eMinus = electron(flavor, diagonal(f, -1, MUTAU));
    for (double[] p : ELECTRON) {
      double sm = el.standardModel().freeElectronXsCm2PerMeV(p[0], p[1]);
      double pure = (ePlus.freeElectronXsCm2PerMeV(p[0], p[1]) + eMinus.freeElectronXsCm2PerMeV(p[0], p[1])) / 2 - sm;
      double got = el.freeElectronXsCm2PerMeV(p[0], p[1]) - sm;
      assertTrue(got > 0.01 * sm, flavor + " EvES changes: " + got / sm);
      assertEquals(pure, got, 1e-11 * sm, flavor + " EvES at " + p[0] + ", " + p[1]);
    }
  }

  /** Closed form on ⁴⁰Ar (spin 0), contact couplings e ↔ τ with the flavour-changing NSI in the vector charge. */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUE", "NUEBAR", "NUTAU"})
  void nucleusClosedForm(Flavor flavor) {
    NewPhysics np = point("ngi.scalar.etau.p", "0.2", "ngi.scalar.etau.n", "-0.1", "ngi.vector.etau.n", "0.05",
        "ngi.tensor.etau.p", "0.03", "ngi.tensor.etau.n", "0.08", "nsi.d.etau", "0.04", "ngi.axial.etau.n", "1");
    double m = AR.nuclearMassMeV();
    double sign = flavor.isAnti() ? -1 : 1;
    NewPhysicsCevns model = nucleus(AR, F_AR, flavor, np);
    for (double[] p : NUCLEUS) {
      double e = p[0];
      double t = p[1];
      double fq = F_AR.value(Math.sqrt(2 * m * t + t * t));
      double v = (18 * 0.04 + 22 * (2 * 0.04 + 0.05)) * fq; // Z(2u + d) + N(u + 2d) + N ε_V^n, u = 0, d = 0.04
      double s = (18 * 0.2 + 22 * -0.1) * fq;
      double tt = (18 * 0.03 + 22 * 0.08) * fq;
      double y = t / e;
      double r = m * t / (e * e);
      double bracket = v * v * (1 + (1 - y) * (1 - y) - r) + s * s * r + 4 * tt * tt * ((2 - y) * (2 - y) - r)
          - sign * 4 * s * tt * y * (1 - y / 2);
      double expected = model.standardModel().xsCm2PerMeV(e, t) + GF * GF * m / (2 * Math.PI) * bracket * HBARC2;
      assertEquals(expected, model.xsCm2PerMeV(e, t), 1e-12 * expected, flavor + " at " + e + ", " + t);
    }
  }

  /** Flavour-changing vector NGI are nucleon-level flavour-changing NSI: ε_V^p = 2ε^u + ε^d, ε_V^n = ε^u + 2ε^d. */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUE", "NUTAUBAR"})
  void vectorIsFlavourChangingNsi(Flavor flavor) {
    NewPhysicsCevns ngi = nucleus(GE73, F_GE, flavor, point("ngi.vector.etau.p", "0.3", "ngi.vector.etau.n", "0.15"));
    NewPhysicsCevns nsi = nucleus(GE73, F_GE, flavor, point("nsi.u.etau", "0.15", "nsi.d.etau", "0"));
    NewPhysicsCevns pOnly = nucleus(GE73, F_GE, flavor, point("nsi.u.etau", "0.2", "nsi.d.etau", "-0.1"));
    NewPhysicsCevns ngiP = nucleus(GE73, F_GE, flavor, point("ngi.vector.etau.p", "0.3"));
    for (double[] p : NUCLEUS) {
      double x = nsi.xsCm2PerMeV(p[0], p[1]);
      assertEquals(x, ngi.xsCm2PerMeV(p[0], p[1]), 1e-12 * x);
      assertEquals(pOnly.xsCm2PerMeV(p[0], p[1]), ngiP.xsCm2PerMeV(p[0], p[1]), 1e-12 * x);
      assertTrue(x > 1.01 * nsi.standardModel().xsCm2PerMeV(p[0], p[1]));
    }
  }

  /** Closed form per free electron, e ↔ μ, every structure (contact), ν and ν̄ of both flavours. */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUE", "NUEBAR", "NUMU", "NUMUBAR"})
  void electronClosedForm(Flavor flavor) {
    NewPhysics np = point("ngi.scalar.emu.e", "0.3", "ngi.vector.emu.e", "0.05", "ngi.axial.emu.e", "-0.2",
        "ngi.tensor.emu.e", "0.1", "ngi.pseudoscalar.emu.e", "0.5", "nsi.e.emu", "0.02");
    double sign = flavor.isAnti() ? -1 : 1;
    NewPhysicsEves model = electron(flavor, np);
    for (double[] p : ELECTRON) {
      double e = p[0];
      double t = p[1];
      double v = 0.05 + 0.02;
      double a = sign * -0.2;
      double y = t / e;
      double r = ME * t / (e * e);
      double bracket = (v + a) * (v + a) + (v - a) * (v - a) * (1 - y) * (1 - y) - (v * v - a * a) * r
          + 0.09 * r * (1 + t / (2 * ME)) + 4 * 0.01 * ((2 - y) * (2 - y) - r) - sign * 4 * 0.3 * 0.1 * y * (1 - y / 2)
          + 0.25 * y * y / 2;
      double expected = model.standardModel().freeElectronXsCm2PerMeV(e, t)
          + GF * GF * ME / (2 * Math.PI) * bracket * HBARC2;
      assertEquals(expected, model.freeElectronXsCm2PerMeV(e, t), 1e-12 * expected, flavor + " at " + e + ", " + t);
    }
    // ν_τ is untouched by e ↔ μ
    NewPhysicsEves tau = electron(Flavor.NUTAU, np);
    assertEquals(tau.standardModel().freeElectronXsCm2PerMeV(3, 1.5), tau.freeElectronXsCm2PerMeV(3, 1.5), 0.0);
  }

  /** Scan names: set and read per pair, reported when non-zero, not set by the universal name; bad names refused. */
  @Test
  void namesOfTheFlavourChangingCouplings() {
    NewPhysics np = point("ngi.tensor.n", "0.1", "ngi.tensor.mutau.n", "0.05", "ngi.pseudoscalar.emu.e", "0.2");
    assertEquals(0.05, np.get("ngi.tensor.mutau.n"), 0.0);
    assertEquals(0.0, np.get("ngi.tensor.emu.n"), 0.0);
    assertEquals(0.1, np.get("ngi.tensor.n"), 0.0, "the universal name is flavour-preserving");
    assertEquals(0.05, np.ngi().tensor().changing(2, 1).n(), 0.0, "symmetric");
    assertEquals(Map.of("ngi.tensor.n", 0.1, "ngi.tensor.mutau.n", 0.05, "ngi.pseudoscalar.emu.e", 0.2),
        np.nonZeroParameters());
    assertNotEquals(np, np.with("ngi.tensor.mutau.n", 0));
    assertEquals(point("ngi.tensor.n", "0.1", "ngi.pseudoscalar.emu.e", "0.2"), np.with("ngi.tensor.mutau.n", 0));
    assertTrue(np.parameterNames().containsAll(java.util.List.of("ngi.scalar.emu.p", "ngi.axial.etau.e",
        "ngi.vector.mutau.n", "ngi.pseudoscalar.etau.e")));
    assertTrue(!np.parameterNames().contains("ngi.pseudoscalar.emu.p"));
    assertEquals("physics parameter 'ngi.pseudoscalar.emu.n': " + Ngi.PSEUDOSCALAR_NUCLEON, assertThrows(
        IllegalArgumentException.class, () -> np.with("ngi.pseudoscalar.emu.n", 1)).getMessage());
    assertEquals("physics parameter 'ngi.tensor.emu.mass_mev': allowed: p, n, e", assertThrows(
        IllegalArgumentException.class, () -> np.with("ngi.tensor.emu.mass_mev", 1)).getMessage());
    assertEquals("physics parameter 'ngi.tensor.mue.n': unknown flavour 'mue', allowed: nue, numu, nutau (one"
        + " flavour), emu, etau, mutau (flavour-changing)", assertThrows(IllegalArgumentException.class,
            () -> np.with("ngi.tensor.mue.n", 1)).getMessage());
  }
}
