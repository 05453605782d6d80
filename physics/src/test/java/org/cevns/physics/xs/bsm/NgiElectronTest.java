package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.EvesCrossSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generalised interactions ({@link Ngi}) on electrons ({@link NewPhysicsEves}) against closed forms written here,
 * per free electron, with P = G_F² m_e/2π, y = T/E, r = m_e T/E², the electron's couplings g_V = g_L + g_R and
 * g_A = g_L − g_R of {@link EvesCrossSection} (ν̄: g_L ↔ g_R), ε_A with the sign of the ν's g_A (− for ν̄):
 * <pre>
 *   dσ/dT = P { (v + a)² + (v − a)² (1 − y)² − (v² − a²) r }  with v = g_V + ε_V, a = g_A ± ε_A
 *         + P { ε_S² r (1 + T/2m_e) + 4 ε_T² [(2 − y)² − r] ∓ 4 ε_S ε_T y (1 − y/2) }   (− for ν)
 *         + P ε_P² y²/2                                              (pseudoscalar, no interference, ν and ν̄)
 * </pre>
 * the exact tree-level |M|² of ν e → ν e for these Lorentz structures, checked by Dirac traces in
 * {@code scripts/ngi_traces.py} at m_e (every ratio 1 to 1e-13 at (E, T) = (1, 0.3), (10, 9.5), (0.862, 0.005)
 * MeV, ν and ν̄, and the Standard-Model bracket). The points here reach T ~ T_max, where T/2m_e ~ 10.
 */
class NgiElectronTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double GF = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
  private static final double ME = PhysicalConstants.ELECTRON_MASS_MEV;
  private static final double HBARC2 = PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  private static final double FLOOR = 1e-5;
  /** (E MeV, T MeV), T below T_max = 2E²/(2E + m_e): pp, ⁷Be, reactor and ⁸B-like points. */
  private static final double[][] POINTS = {{0.42, 0.1}, {0.862, 0.005}, {0.862, 0.6}, {3, 1.5}, {10, 9.5}};

  private static NewPhysics point(String... nameValue) {
    NewPhysics np = NewPhysics.NONE;
    for (int i = 0; i < nameValue.length; i += 2) {
      np = np.with(nameValue[i], Double.parseDouble(nameValue[i + 1]));
    }
    return np;
  }

  private static EvesCrossSection sm(Flavor flavor) {
    return EvesCrossSection.of(32, flavor, S2, true);
  }

  /** Closed form, cm²/MeV per free electron, with contact couplings. */
  private static double closedForm(Flavor flavor, double e, double t, double epsS, double epsV, double epsA,
      double epsT) {
    return closedForm(flavor, e, t, epsS, epsV, epsA, epsT, 0);
  }

  /** Closed form with a pseudoscalar coupling ε_P, cm²/MeV per free electron. */
  private static double closedForm(Flavor flavor, double e, double t, double epsS, double epsV, double epsA,
      double epsT, double epsP) {
    EvesCrossSection sm = sm(flavor);
    double sign = flavor.isAnti() ? -1 : 1;
    double v = sm.gL() + sm.gR() + epsV;
    double a = sm.gL() - sm.gR() + sign * epsA;
    double y = t / e;
    double r = ME * t / (e * e);
    double vector = (v + a) * (v + a) + (v - a) * (v - a) * (1 - y) * (1 - y) - (v * v - a * a) * r;
    double flip = epsS * epsS * r * (1 + t / (2 * ME)) + 4 * epsT * epsT * ((2 - y) * (2 - y) - r)
        - sign * 4 * epsS * epsT * y * (1 - y / 2) + epsP * epsP * y * y / 2;
    return GF * GF * ME / (2 * Math.PI) * (vector + flip) * HBARC2;
  }

  /** Electron couplings zero (nucleon couplings and masses set) give the Standard-Model EvES bit for bit. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void zeroElectronCouplingsGiveTheStandardModelExactly(Flavor flavor) {
    NewPhysics np = point("ngi.scalar.p", "0.3", "ngi.tensor.n", "0.2", "ngi.axial.p", "0.1", "ngi.vector.n", "0.1");
    EvesCrossSection sm = sm(flavor);
    NewPhysicsEves m = NewPhysicsEves.of(sm, flavor, np, FLOOR);
    for (double[] p : POINTS) {
      assertEquals(sm.freeElectronXsCm2PerMeV(p[0], p[1]), m.freeElectronXsCm2PerMeV(p[0], p[1]), 0.0);
      assertEquals(sm.xsCm2PerMeV(p[0], p[1]), m.xsCm2PerMeV(p[0], p[1]), 0.0);
    }
    assertEquals(sm.totalXsCm2(3), m.totalXsCm2(3), 1e-9 * sm.totalXsCm2(3));
  }

  /** Each structure alone and all four together against the closed form, every flavour (ν and ν̄). */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void crossSectionsAreTheClosedForms(Flavor flavor) {
    double[][] cases = {{0.3, 0, 0, 0}, {0, 0.2, 0, 0}, {0, 0, 0.25, 0}, {0, 0, 0, 0.1}, {0.3, -0.1, 0.2, 0.15}};
    for (double[] c : cases) {
      NewPhysics np = point("ngi.scalar.e", "" + c[0], "ngi.vector.e", "" + c[1], "ngi.axial.e", "" + c[2],
          "ngi.tensor.e", "" + c[3]);
      NewPhysicsEves m = NewPhysicsEves.of(sm(flavor), flavor, np, FLOOR);
      for (double[] p : POINTS) {
        double expected = closedForm(flavor, p[0], p[1], c[0], c[1], c[2], c[3]);
        double got = m.freeElectronXsCm2PerMeV(p[0], p[1]);
        assertEquals(expected, got, 1e-12 * expected, flavor + " " + java.util.Arrays.toString(c) + " at "
            + java.util.Arrays.toString(p));
        // per atom: the stepping approximation's Z_eff(T) of the Standard Model
        assertEquals(got * sm(flavor).electronsBoundBelowMeV(p[1]), m.xsCm2PerMeV(p[0], p[1]), 1e-12 * expected);
      }
    }
    // the tensor term is visible: +6 % (ν_e, large g_L) to +30 % (ν_μ) at ε_T = 0.1 (power of the test)
    double withT = NewPhysicsEves.of(sm(flavor), flavor, point("ngi.tensor.e", "0.1"), FLOOR)
        .freeElectronXsCm2PerMeV(3, 0.5);
    assertTrue(withT > 1.04 * sm(flavor).freeElectronXsCm2PerMeV(3, 0.5), flavor + ": " + withT);
  }

  /** Vector NGI on electrons is the vector NSI ε^{eV}_{αα} (same Lagrangian), bit for bit, ν and ν̄. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void vectorNgiOnElectronsIsVectorNsi(Flavor flavor) {
    String diag = switch (flavor) {
      case NUE, NUEBAR -> "nsi.e.ee";
      case NUMU, NUMUBAR -> "nsi.e.mumu";
      default -> "nsi.e.tautau";
    };
    NewPhysicsEves ngi = NewPhysicsEves.of(sm(flavor), flavor, point("ngi.vector.e", "0.07"), FLOOR);
    NewPhysicsEves nsi = NewPhysicsEves.of(sm(flavor), flavor, point(diag, "0.07"), FLOOR);
    for (double[] p : POINTS) {
      assertEquals(nsi.freeElectronXsCm2PerMeV(p[0], p[1]), ngi.freeElectronXsCm2PerMeV(p[0], p[1]), 0.0);
    }
  }

  /**
   * A heavy scalar mediator coupling to ν and e is the contact scalar NGI ε_S^e = −g_ν g_e/(√2 G_F m²) (to
   * Q²/m² ≤ 1e-7 here; ε_S^e = −0.24), and a light-mediator NGI carries the propagator m²/(Q² + m²) on its coupling.
   */
  @Test
  void heavyScalarMediatorIsContactScalarNgiAndLightNgiHasThePropagator() {
    double mass = 1e4;
    double g = 0.02;
    double eps = -g * g / (Math.sqrt(2) * GF * mass * mass);
    NewPhysics phi = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(new Mediator(Mediator.Type.SCALAR, mass, g, 0, 0, g)),
        Optional.empty(), Ngi.ZERO);
    NewPhysicsEves a = NewPhysicsEves.of(sm(Flavor.NUMU), Flavor.NUMU, phi, FLOOR);
    NewPhysicsEves b = NewPhysicsEves.of(sm(Flavor.NUMU), Flavor.NUMU, point("ngi.scalar.e", "" + eps), FLOOR);
    double mt = 2;
    NewPhysicsEves light = NewPhysicsEves.of(sm(Flavor.NUMU), Flavor.NUMU, point("ngi.tensor.e", "0.1",
        "ngi.tensor.mass_mev", "" + mt), FLOOR);
    double visible = 0;
    for (double[] p : POINTS) {
      double sm = sm(Flavor.NUMU).freeElectronXsCm2PerMeV(p[0], p[1]);
      double da = a.freeElectronXsCm2PerMeV(p[0], p[1]) - sm;
      double db = b.freeElectronXsCm2PerMeV(p[0], p[1]) - sm;
      visible = Math.max(visible, db / sm);
      assertEquals(db, da, 1e-6 * db);
      double prop = mt * mt / (2 * ME * p[1] + mt * mt);
      assertEquals(closedForm(Flavor.NUMU, p[0], p[1], 0, 0, 0, 0.1 * prop), light.freeElectronXsCm2PerMeV(p[0], p[1]),
          1e-12 * sm);
    }
    assertTrue(visible > 0.05, "the scalar term is visible (it grows as m_e T/E²): " + visible);
  }

  /**
   * Pseudoscalar NGI on electrons (ē iγ⁵ e): alone, with every other structure (no interference: the closed form is
   * the sum), and with a light mediator, against P ε_P² T²/2E² (the Dirac-trace form of {@code ngi_traces.py}).
   */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void pseudoscalarIsTheClosedForm(Flavor flavor) {
    double[][] cases = {{0, 0, 0, 0, 0.4}, {0.3, -0.1, 0.2, 0.15, -0.4}};
    for (double[] c : cases) {
      NewPhysics np = point("ngi.scalar.e", "" + c[0], "ngi.vector.e", "" + c[1], "ngi.axial.e", "" + c[2],
          "ngi.tensor.e", "" + c[3], "ngi.pseudoscalar.e", "" + c[4]);
      NewPhysicsEves m = NewPhysicsEves.of(sm(flavor), flavor, np, FLOOR);
      for (double[] p : POINTS) {
        double expected = closedForm(flavor, p[0], p[1], c[0], c[1], c[2], c[3], c[4]);
        assertEquals(expected, m.freeElectronXsCm2PerMeV(p[0], p[1]), 1e-12 * expected, flavor + " "
            + java.util.Arrays.toString(c) + " at " + java.util.Arrays.toString(p));
      }
    }
    double mp = 1.5;
    NewPhysicsEves light = NewPhysicsEves.of(sm(flavor), flavor, point("ngi.pseudoscalar.e", "0.4",
        "ngi.pseudoscalar.mass_mev", "" + mp), FLOOR);
    for (double[] p : POINTS) {
      double prop = mp * mp / (2 * ME * p[1] + mp * mp);
      double expected = closedForm(flavor, p[0], p[1], 0, 0, 0, 0, 0.4 * prop);
      assertEquals(expected, light.freeElectronXsCm2PerMeV(p[0], p[1]), 1e-12 * expected);
    }
    // visible where T ≳ m_e (+3.4 % for ν_e, whose charged current makes g_L large, at E = 10, T = 9.5 MeV and
    // ε_P = 0.4; more for the other flavours; ~10⁻⁵ of the scalar-like size at T = 5 keV), and a factor
    // (T/2m_e)/(1 + T/2m_e) of the scalar term at equal coupling
    double sm = sm(flavor).freeElectronXsCm2PerMeV(10, 9.5);
    double dp = NewPhysicsEves.of(sm(flavor), flavor, point("ngi.pseudoscalar.e", "0.4"), FLOOR)
        .freeElectronXsCm2PerMeV(10, 9.5) - sm;
    double ds = NewPhysicsEves.of(sm(flavor), flavor, point("ngi.scalar.e", "0.4"), FLOOR)
        .freeElectronXsCm2PerMeV(10, 9.5) - sm;
    assertTrue(dp > 0.03 * sm, flavor + ": " + dp / sm);
    double h = 9.5 / (2 * ME);
    assertEquals(h / (1 + h), dp / ds, 1e-9);
  }

  /** Pseudoscalar NGI does not touch CEvNS (it has no nucleon coupling). */
  @Test
  void pseudoscalarLeavesNucleiAlone() {
    var iso = org.cevns.physics.nucleus.IsotopeTable.isotope(32, 73);
    var f = org.cevns.physics.formfactor.HelmFormFactor.lewinSmith(73);
    var sm = org.cevns.physics.xs.CevnsCrossSection.of(iso, Flavor.NUMU, org.cevns.physics.xs.Couplings.of(
        org.cevns.physics.xs.CouplingScheme.PDG, Flavor.NUMU, S2), f, f, true, f);
    NewPhysicsCevns m = NewPhysicsCevns.of(sm, Flavor.NUMU, f, f, f, point("ngi.pseudoscalar.e", "0.4"), FLOOR);
    assertEquals(sm.xsCm2PerMeV(30, 0.01), m.xsCm2PerMeV(30, 0.01), 0.0);
  }
}
