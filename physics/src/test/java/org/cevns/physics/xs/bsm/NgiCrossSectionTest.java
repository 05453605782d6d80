package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.Couplings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generalised interactions ({@link Ngi}) on nuclei against closed forms written here, with P = G_F² M/2π,
 * y = T/E and the coherent charges ε_X = (Z ε_X^p + N ε_X^n) F(q) P_X(Q²):
 * scalar P ε_S² MT/E², tensor 4P ε_T² [(2 − y)² − MT/E²], scalar–tensor ∓4P ε_S ε_T y(1 − y/2) (− for ν).
 * These are the exact |M|² of a point Dirac nucleus from {@code scripts/ngi_traces.py} (their leading terms
 * are those of Lindner, Rodejohann &amp; Xu 2017 and Aristizabal Sierra, De Romeri &amp; Rojas 2018), without the
 * (1 + T/2M) factor of the scalar term.
 */
class NgiCrossSectionTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double GF = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
  private static final double HBARC2 = PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  private static final double FLOOR = 1e-5;
  private static final Isotope AR = IsotopeTable.isotope(18, 40);
  private static final FormFactor F_AR = HelmFormFactor.lewinSmith(40);
  private static final Isotope GE73 = IsotopeTable.isotope(32, 73);
  private static final FormFactor F_GE = HelmFormFactor.lewinSmith(73);
  /** (E MeV, T MeV) inside T_max of ⁴⁰Ar (T_max(10 MeV) = 5.4 keV). */
  private static final double[][] POINTS = {{10, 1e-3}, {30, 5e-3}, {30, 2e-2}, {50, 4e-2}};

  private static CevnsCrossSection sm(Isotope iso, FormFactor f, Flavor flavor, boolean axial) {
    return CevnsCrossSection.of(iso, flavor, Couplings.of(CouplingScheme.PDG, flavor, S2), f, f, axial, f);
  }

  private static NewPhysicsCevns model(Isotope iso, FormFactor f, Flavor flavor, boolean axial, NewPhysics np) {
    return NewPhysicsCevns.of(sm(iso, f, flavor, axial), flavor, f, f, f, np, FLOOR);
  }

  private static NewPhysics point(String... nameValue) {
    NewPhysics np = NewPhysics.NONE;
    for (int i = 0; i < nameValue.length; i += 2) {
      np = np.with(nameValue[i], Double.parseDouble(nameValue[i + 1]));
    }
    return np;
  }

  private static double coherent(double e, double t, double p, double n, double massMeV) {
    double m = AR.nuclearMassMeV();
    double f = F_AR.value(Math.sqrt(2 * m * t + t * t));
    double prop = massMeV == 0 ? 1 : massMeV * massMeV / (2 * m * t + massMeV * massMeV);
    return (18 * p + 22 * n) * f * prop;
  }

  /** Couplings zero (masses set) give the Standard Model bit for bit, every flavour. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void zeroCouplingsGiveTheStandardModelExactly(Flavor flavor) {
    NewPhysics np = point("ngi.scalar.mass_mev", "5", "ngi.tensor.mass_mev", "7", "ngi.axial.mass_mev", "3");
    assertTrue(np.isStandardModel());
    for (Isotope iso : new Isotope[] {AR, GE73}) {
      FormFactor f = iso == AR ? F_AR : F_GE;
      for (double[] p : POINTS) {
        assertEquals(sm(iso, f, flavor, true).xsCm2PerMeV(p[0], p[1]),
            model(iso, f, flavor, true, np).xsCm2PerMeV(p[0], p[1]), 0.0);
      }
    }
    assertEquals(0.0, model(AR, F_AR, flavor, true, np).recoilFloorMeV(), 0.0, "no floor at zero coupling");
  }

  /** Vector NGI is the nucleon-level vector NSI: ε_V^p = 2ε^u + ε^d, ε_V^n = ε^u + 2ε^d, ν and ν̄. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void vectorNgiEqualsVectorNsi(Flavor flavor) {
    double eu = 0.07;
    double ed = -0.04;
    String a = switch (flavor) {
      case NUE, NUEBAR -> "ee";
      case NUMU, NUMUBAR -> "mumu";
      default -> "tautau";
    };
    NewPhysics nsi = point("nsi.u." + a, "" + eu, "nsi.d." + a, "" + ed);
    NewPhysics ngi = point("ngi.vector.p", "" + (2 * eu + ed), "ngi.vector.n", "" + (eu + 2 * ed));
    for (double[] p : POINTS) {
      double expected = model(GE73, F_GE, flavor, true, nsi).xsCm2PerMeV(p[0], p[1]);
      assertEquals(expected, model(GE73, F_GE, flavor, true, ngi).xsCm2PerMeV(p[0], p[1]), 1e-12 * expected);
    }
  }

  /** Scalar: adds P ε_S² MT/E², no interference with the vector term; light mediator (m²/(2MT + m²))². */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUMU", "NUMUBAR"})
  void scalarClosedForm(Flavor flavor) {
    for (double mass : new double[] {0, 3}) {
      NewPhysics np = point("ngi.scalar.p", "0.2", "ngi.scalar.n", "-0.1", "ngi.scalar.mass_mev", "" + mass);
      for (double[] p : POINTS) {
        double e = p[0];
        double t = p[1];
        double m = AR.nuclearMassMeV();
        double eps = coherent(e, t, 0.2, -0.1, mass);
        double expected = sm(AR, F_AR, flavor, true).xsCm2PerMeV(e, t)
            + GF * GF * m / (2 * Math.PI) * eps * eps * m * t / (e * e) * HBARC2;
        assertEquals(expected, model(AR, F_AR, flavor, true, np).xsCm2PerMeV(e, t), 1e-12 * expected);
      }
    }
  }

  /** Tensor: 4P ε_T² [(2 − y)² − MT/E²]; with a scalar, the ∓4P ε_S ε_T y (1 − y/2) interference (− for ν). */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUE", "NUEBAR"})
  void tensorAndScalarTensorClosedForm(Flavor flavor) {
    double sign = flavor.isAnti() ? -1 : 1;
    NewPhysics np = point("ngi.tensor.p", "0.05", "ngi.tensor.n", "0.08", "ngi.tensor.mass_mev", "20",
        "ngi.scalar.p", "0.3", "ngi.scalar.n", "0.3");
    NewPhysics tensorOnly = point("ngi.tensor.p", "0.05", "ngi.tensor.n", "0.08", "ngi.tensor.mass_mev", "20");
    for (double[] p : POINTS) {
      double e = p[0];
      double t = p[1];
      double m = AR.nuclearMassMeV();
      double y = t / e;
      double prefactor = GF * GF * m / (2 * Math.PI) * HBARC2;
      double epsT = coherent(e, t, 0.05, 0.08, 20);
      double epsS = coherent(e, t, 0.3, 0.3, 0);
      double base = sm(AR, F_AR, flavor, true).xsCm2PerMeV(e, t);
      double tensor = prefactor * 4 * epsT * epsT * ((2 - y) * (2 - y) - m * t / (e * e));
      assertEquals(base + tensor, model(AR, F_AR, flavor, true, tensorOnly).xsCm2PerMeV(e, t),
          1e-12 * (base + tensor));
      double expected = base + tensor + prefactor * (epsS * epsS * m * t / (e * e)
          - sign * 4 * epsS * epsT * y * (1 - y / 2));
      assertEquals(expected, model(AR, F_AR, flavor, true, np).xsCm2PerMeV(e, t), 1e-12 * expected);
    }
    // the tensor term is 8× the vector one at equal coupling and small recoil: 4 · 4 / (1 + 1) = 8
    double e = 30;
    double t = 1e-6;
    double vector = model(AR, F_AR, flavor, false, point("ngi.vector.p", "1e-3")).xsCm2PerMeV(e, t)
        - sm(AR, F_AR, flavor, false).xsCm2PerMeV(e, t);
    double gv = 18 * Couplings.of(CouplingScheme.PDG, flavor, S2).gVp() + 22 * Couplings.of(CouplingScheme.PDG,
        flavor, S2).gVn();
    double f = F_AR.value(Math.sqrt(2 * AR.nuclearMassMeV() * t));
    double vectorSquare = vector - 2 * gv * f * 18e-3 * f * GF * GF * AR.nuclearMassMeV() / (2 * Math.PI) * HBARC2
        * (1 + (1 - t / e) * (1 - t / e) - AR.nuclearMassMeV() * t / (e * e));
    double tensor = model(AR, F_AR, flavor, false, point("ngi.tensor.p", "1e-3")).xsCm2PerMeV(e, t)
        - sm(AR, F_AR, flavor, false).xsCm2PerMeV(e, t);
    assertEquals(8.0, tensor / vectorSquare, 1e-3);
  }

  /**
   * Axial: ε_A^{p,n} add to the nucleons' axial couplings in G_A. With the Standard-Model axial term off,
   * ε_A = (g_A^p, g_A^n) reproduces it; with it on, ε_A = −(g_A^p, g_A^n) cancels it (⁷³Ge, J = 9/2), ν and ν̄.
   */
  @ParameterizedTest
  @EnumSource(value = Flavor.class, names = {"NUMU", "NUEBAR"})
  void axialNgiShiftsTheAxialCoupling(Flavor flavor) {
    double gp = CevnsCrossSection.PROTON_AXIAL_COUPLING;
    double gn = CevnsCrossSection.NEUTRON_AXIAL_COUPLING;
    NewPhysics plus = point("ngi.axial.p", "" + gp, "ngi.axial.n", "" + gn);
    NewPhysics minus = point("ngi.axial.p", "" + -gp, "ngi.axial.n", "" + -gn);
    for (double[] p : POINTS) {
      double withAxial = sm(GE73, F_GE, flavor, true).xsCm2PerMeV(p[0], p[1]);
      double without = sm(GE73, F_GE, flavor, false).xsCm2PerMeV(p[0], p[1]);
      assertNotEquals(withAxial, without);
      assertEquals(withAxial, model(GE73, F_GE, flavor, false, plus).xsCm2PerMeV(p[0], p[1]), 1e-12 * withAxial);
      assertEquals(without, model(GE73, F_GE, flavor, true, minus).xsCm2PerMeV(p[0], p[1]), 1e-12 * without);
    }
    // a spin-0 nucleus has no axial response
    assertEquals(sm(AR, F_AR, flavor, true).xsCm2PerMeV(30, 5e-3),
        model(AR, F_AR, flavor, true, plus).xsCm2PerMeV(30, 5e-3), 0.0);
  }

  /** A light NGI mediator switches the recoil floor on; σ(E) stays ∫ dσ/dT. */
  @Test
  void lightMediatorUsesTheRecoilFloor() {
    NewPhysics np = point("ngi.tensor.n", "0.01", "ngi.tensor.mass_mev", "2");
    NewPhysicsCevns m = model(AR, F_AR, Flavor.NUMU, true, np);
    assertEquals(FLOOR, m.recoilFloorMeV(), 0.0);
    assertEquals(0.0, model(AR, F_AR, Flavor.NUMU, true, point("ngi.tensor.n", "0.01")).recoilFloorMeV(), 0.0);
  }
}
