package org.cevns.physics.xs.bsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
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
 * The new-physics cross sections against the Standard Model at zero and against closed forms written here
 * independently, at chosen (E, T) points.
 */
class NewPhysicsCrossSectionTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double GF = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
  private static final double HBARC2 = PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  private static final double ALPHA = PhysicalConstants.FINE_STRUCTURE_CONSTANT;
  private static final double ME = PhysicalConstants.ELECTRON_MASS_MEV;
  private static final double FLOOR = 1e-5;

  private static final Isotope CS = IsotopeTable.isotope(55, 133);
  private static final Isotope AR = IsotopeTable.isotope(18, 40);
  private static final FormFactor F_CS = HelmFormFactor.lewinSmith(133);
  private static final FormFactor F_AR = HelmFormFactor.lewinSmith(40);

  private static CevnsCrossSection sm(Isotope iso, FormFactor f, Flavor flavor, boolean axial) {
    return CevnsCrossSection.of(iso, flavor, Couplings.of(CouplingScheme.PDG, flavor, S2), f, f, axial, f);
  }

  private static NewPhysicsCevns model(Isotope iso, FormFactor f, Flavor flavor, NewPhysics np) {
    return NewPhysicsCevns.of(sm(iso, f, flavor, true), flavor, f, f, f, np, FLOOR);
  }

  private static NewPhysics withAll(NewPhysics np, String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      np = np.with(nameValue[i], Double.parseDouble(nameValue[i + 1]));
    }
    return np;
  }

  private static final double[][] POINTS = {{5, 1e-4}, {10, 1e-3}, {30, 5e-3}, {30, 1.2e-2}, {50, 3e-2}};

  /** At zero every model reduces to the Standard Model exactly (bit for bit), ν and ν̄ of every flavour. */
  @ParameterizedTest
  @EnumSource(Flavor.class)
  void zeroParametersGiveTheStandardModelExactly(Flavor flavor) {
    NewPhysics zero = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO,
        List.of(new Mediator(Mediator.Type.VECTOR, 10, 0, 0, 0, 0), new Mediator(Mediator.Type.SCALAR, 1, 0, 0, 0, 0)),
        Optional.empty(), Ngi.ZERO);
    CevnsCrossSection cevns = sm(CS, F_CS, flavor, true);
    NewPhysicsCevns m = NewPhysicsCevns.of(cevns, flavor, F_CS, F_CS, F_CS, zero, FLOOR);
    EvesCrossSection eves = EvesCrossSection.of(54, flavor, S2, true);
    NewPhysicsEves me = NewPhysicsEves.of(eves, flavor, zero, FLOOR);
    for (double[] p : POINTS) {
      assertEquals(cevns.xsCm2PerMeV(p[0], p[1]), m.xsCm2PerMeV(p[0], p[1]), 0.0);
      assertEquals(eves.xsCm2PerMeV(p[0] / 10, p[1] * 100), me.xsCm2PerMeV(p[0] / 10, p[1] * 100), 0.0);
    }
    assertEquals(0.0, m.recoilFloorMeV(), 0.0, "no floor without a 1/T term");
    assertEquals(cevns.totalXsCm2(30), m.totalXsCm2(30), 1e-9 * cevns.totalXsCm2(30));
    assertEquals(eves.totalXsCm2(3), me.totalXsCm2(3), 1e-9 * eves.totalXsCm2(3));
  }

  /** Flavour-diagonal NSI: the weak charge of Barranco et al. 2005 written out, on a spinless nucleus. */
  @Test
  void diagonalNsiShiftsTheWeakCharge() {
    double eu = 0.11;
    double ed = -0.07;
    NewPhysics np = withAll(NewPhysics.NONE, "nsi.u.mumu", "0.11", "nsi.d.mumu", "-0.07");
    Couplings g = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, S2);
    for (double[] p : POINTS) {
      double e = p[0];
      double t = Math.min(p[1], 0.9 * AR.nuclearMassMeV() > 0 ? p[1] : 0);
      double m = AR.nuclearMassMeV();
      if (t > 2 * e * e / (m + 2 * e)) {
        continue;
      }
      double f = F_AR.value(Math.sqrt(2 * m * t + t * t));
      double gv = (18 * (g.gVp() + 2 * eu + ed) + 22 * (g.gVn() + eu + 2 * ed)) * f;
      double expected = GF * GF * m / (4 * Math.PI) * 4 * gv * gv
          * (1 - m * t / (2 * e * e) - t / e + t * t / (2 * e * e)) * HBARC2;
      assertEquals(expected, model(AR, F_AR, Flavor.NUMU, np).xsCm2PerMeV(e, t), 1e-12 * expected);
      assertEquals(expected, model(AR, F_AR, Flavor.NUMUBAR, np).xsCm2PerMeV(e, t), 1e-12 * expected);
    }
  }

  /** Flavour-changing NSI add |δ_αβ|² incoherently: ε^u_eμ adds Q'² = [Z(2ε) + N(ε)]² F² to ν_e and ν_μ. */
  @Test
  void flavourChangingNsiAddsIncoherently() {
    double eps = 0.05;
    NewPhysics np = NewPhysics.NONE.with("nsi.u.emu", eps);
    double e = 30;
    double t = 5e-3;
    double m = AR.nuclearMassMeV();
    double f = F_AR.value(Math.sqrt(2 * m * t + t * t));
    double d = (18 * 2 * eps + 22 * eps) * f;
    double extra = GF * GF * m / (4 * Math.PI) * 4 * d * d
        * (1 - m * t / (2 * e * e) - t / e + t * t / (2 * e * e)) * HBARC2;
    for (Flavor fl : new Flavor[] {Flavor.NUE, Flavor.NUMU, Flavor.NUEBAR}) {
      double base = sm(AR, F_AR, fl, true).xsCm2PerMeV(e, t);
      assertEquals(base + extra, model(AR, F_AR, fl, np).xsCm2PerMeV(e, t), 1e-12 * (base + extra));
    }
    double tau = sm(AR, F_AR, Flavor.NUTAU, true).xsCm2PerMeV(e, t);
    assertEquals(tau, model(AR, F_AR, Flavor.NUTAU, np).xsCm2PerMeV(e, t), 0.0, "ν_τ untouched by ε_eμ");
  }

  /**
   * Magnetic moment on a nucleus (Vogel &amp; Engel 1989): π α² μ² Z² F_p² (1/T − 1/E)/m_e². Golden number:
   * π α²/m_e² (ħc)² = 2.4946e-25 cm² (α = 7.2973525693e-3, m_e = 0.51099895 MeV, (ħc)² = 3.893793721e-22 MeV²cm²,
   * by hand), so at μ = 1e-10 μ_B, Cs (Z = 55), E = 30 MeV, T = 5 keV and F_p² from Helm the term is
   * 2.4946e-45 × 55² × F² × (200 − 1/30) cm²/MeV.
   */
  @Test
  void magneticMomentOnANucleus() {
    assertEquals(2.4946e-25, NewPhysicsConstants.MAGNETIC_MEV_M2 * HBARC2, 0.0001e-25);
    NewPhysics np = NewPhysics.NONE.with("magnetic_moment_mub.nue", 1e-10);
    double e = 30;
    double t = 5e-3;
    double m = CS.nuclearMassMeV();
    double f = F_CS.value(Math.sqrt(2 * m * t + t * t));
    double expected = 2.4946e-45 * 55 * 55 * f * f * (1 / t - 1 / e);
    for (Flavor fl : new Flavor[] {Flavor.NUE, Flavor.NUEBAR}) {
      double delta = model(CS, F_CS, fl, np).xsCm2PerMeV(e, t) - sm(CS, F_CS, fl, true).xsCm2PerMeV(e, t);
      assertEquals(expected, delta, 1e-4 * expected);
    }
    assertEquals(FLOOR, model(CS, F_CS, Flavor.NUE, np).recoilFloorMeV(), 0.0);
    assertEquals(0.0, model(CS, F_CS, Flavor.NUE, np).xsCm2PerMeV(e, FLOOR / 2), 0.0, "nothing below the floor");
    assertEquals(0.0, model(CS, F_CS, Flavor.NUMU, np).recoilFloorMeV(), 0.0, "ν_μ has no moment");
  }

  /** Magnetic moment on a free electron (Vogel &amp; Engel 1989): π α² μ²/m_e² (1/T − 1/E). */
  @Test
  void magneticMomentOnAFreeElectron() {
    NewPhysics np = NewPhysics.NONE.with("magnetic_moment_mub.nue", 3e-11);
    for (Flavor fl : new Flavor[] {Flavor.NUE, Flavor.NUEBAR}) {
      EvesCrossSection eves = EvesCrossSection.of(32, fl, S2, true);
      NewPhysicsEves m = NewPhysicsEves.of(eves, fl, np, FLOOR);
      for (double[] p : new double[][] {{1, 1e-3}, {3, 0.1}, {8, 2.0}}) {
        double expected = 2.4946e-25 * 9e-22 * (1 / p[1] - 1 / p[0]);
        double delta = m.freeElectronXsCm2PerMeV(p[0], p[1]) - eves.freeElectronXsCm2PerMeV(p[0], p[1]);
        assertEquals(expected, delta, 1e-4 * expected);
      }
    }
  }

  /** A heavy Z′ (100 GeV) is the NSI ε^q = g_ν g_q/(√2 G_F m²), to the size of Q²/m² ≤ 1e-6. */
  @Test
  void heavyVectorMediatorEqualsNsi() {
    double mass = 1e5;
    double g = 0.02;
    double eps = g * g / (Math.sqrt(2) * GF * mass * mass);
    NewPhysics zPrime = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(new Mediator(Mediator.Type.VECTOR, mass, g, g, g, g)),
        Optional.empty(), Ngi.ZERO);
    NewPhysics nsi = withAll(NewPhysics.NONE, "nsi.u.ee", "" + eps, "nsi.d.ee", "" + eps, "nsi.e.ee", "" + eps);
    for (double[] p : POINTS) {
      double a = model(CS, F_CS, Flavor.NUE, zPrime).xsCm2PerMeV(p[0], p[1]);
      double b = model(CS, F_CS, Flavor.NUE, nsi).xsCm2PerMeV(p[0], p[1]);
      assertEquals(b, a, 2e-6 * b);
      EvesCrossSection eves = EvesCrossSection.of(54, Flavor.NUE, S2, true);
      double c = NewPhysicsEves.of(eves, Flavor.NUE, zPrime, FLOOR).xsCm2PerMeV(p[0] / 10, p[1] * 100);
      double d = NewPhysicsEves.of(eves, Flavor.NUE, nsi, FLOOR).xsCm2PerMeV(p[0] / 10, p[1] * 100);
      assertEquals(d, c, 2e-6 * d);
    }
    assertTrue(eps > 1e-4, "the test point changes the cross section visibly: eps = " + eps);
  }

  /**
   * Millicharge on a nucleus: the interference term is (G_F² M/π) 2 G_V δ (1 − MT/2E² …) with
   * δ = Z F_p (2√2πα/G_F) Q/(2MT): T × Δσ tends to a constant as T → 0 (slope −1 in log-log), checked at
   * T = 1, 2, 4 eV on Ar40 (spinless) with Q = 1e-16 (δ²/2G_Vδ ~ 1e-5 negligible; the kinematic factor
   * K/2 = 1 − T/E − MT/2E² + T²/2E² is kept).
   */
  @Test
  void millichargeTermHasAOneOverTSlope() {
    double q = 1e-16;
    NewPhysics np = NewPhysics.NONE.with("millicharge_e.numu", q);
    NewPhysicsCevns m = NewPhysicsCevns.of(sm(AR, F_AR, Flavor.NUMU, true), Flavor.NUMU, F_AR, F_AR, F_AR, np, 1e-7);
    Couplings g = Couplings.of(CouplingScheme.PDG, Flavor.NUMU, S2);
    double mass = AR.nuclearMassMeV();
    double e = 30;
    double gv0 = 18 * g.gVp() + 22 * g.gVn();
    double slope = GF * GF * mass / Math.PI * 2 * gv0 * 18
        * 2 * Math.sqrt(2) * Math.PI * ALPHA / GF * q / (2 * mass) * HBARC2;
    for (double t : new double[] {1e-6, 2e-6, 4e-6}) {
      double delta = m.xsCm2PerMeV(e, t) - sm(AR, F_AR, Flavor.NUMU, true).xsCm2PerMeV(e, t);
      double halfK = 1 - t / e - mass * t / (2 * e * e) + t * t / (2 * e * e);
      assertEquals(slope * halfK, delta * t, 1e-4 * Math.abs(slope), "T = " + t);
    }
    assertTrue(slope < 0 == (gv0 < 0), "sign of the interference follows G_V");
  }

  /** The pure millicharge term on a free electron, 2πα² Q²/(m_e T²) (Kouzakov &amp; Studenikin 2017), dominates at small T. */
  @Test
  void millichargeOnAFreeElectron() {
    double q = 1e-6;
    NewPhysics np = NewPhysics.NONE.with("millicharge_e.nue", q);
    EvesCrossSection eves = EvesCrossSection.of(32, Flavor.NUE, S2, true);
    NewPhysicsEves m = NewPhysicsEves.of(eves, Flavor.NUE, np, 1e-7);
    double t = 1e-5;
    double e = 5;
    double expected = 2 * Math.PI * ALPHA * ALPHA * q * q / (ME * t * t) * HBARC2;
    double delta = m.freeElectronXsCm2PerMeV(e, t) - eves.freeElectronXsCm2PerMeV(e, t);
    assertEquals(expected, delta, 1e-3 * expected);
  }

  /**
   * A charge radius ⟨r²⟩ = −0.83e-32 cm² (the Standard-Model ν_e value) shifts g_V^p by +0.0197, the shift of
   * the charge-radius coupling scheme (Erler &amp; Su 2013; rounded there to 3 digits, so 0.5 % here).
   */
  @Test
  void chargeRadiusShiftsTheProtonCoupling() {
    NewPhysics np = NewPhysics.NONE.with("charge_radius_cm2.nue", -0.83e-32);
    double shift = -NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2 * (-0.83e-32 / HBARC2) / 6;
    assertEquals(Couplings.CHARGE_RADIUS_SHIFT_E, shift, 0.005 * Couplings.CHARGE_RADIUS_SHIFT_E);
    Couplings base = Couplings.of(CouplingScheme.PDG, Flavor.NUE, S2);
    CevnsCrossSection shifted = CevnsCrossSection.of(AR, Flavor.NUE, new Couplings(base.gVp() + shift, base.gVn()),
        F_AR, F_AR, true, F_AR);
    for (double[] p : POINTS) {
      double expected = shifted.xsCm2PerMeV(p[0], p[1]);
      assertEquals(expected, model(AR, F_AR, Flavor.NUE, np).xsCm2PerMeV(p[0], p[1]), 1e-12 * expected);
    }
  }

  /** Light scalar: g_ν² Q_S² M² T/(4π E² (2MT + m²)²) (Cerdeño et al. 2016) added to the SM, with Q_S from f_Tq. */
  @Test
  void scalarMediatorClosedForm() {
    double g = 1e-5;
    double mass = 5;
    NewPhysics np = new NewPhysics(FlavourMatrix.ZERO, FlavourMatrix.ZERO, FlavourMatrix.ZERO, PerFlavour.ZERO,
        PerFlavour.ZERO, PerFlavour.ZERO, List.of(new Mediator(Mediator.Type.SCALAR, mass, g, g, g, 0)),
        Optional.empty(), Ngi.ZERO);
    double e = 30;
    double t = 2e-3;
    double m = AR.nuclearMassMeV();
    double f = F_AR.value(Math.sqrt(2 * m * t + t * t));
    double proton = 938.27208816 * (0.0208 / 2.16 + 0.0411 / 4.67);
    double neutron = 939.56542052 * (0.0189 / 2.16 + 0.0451 / 4.67);
    double qs = g * (18 * proton + 22 * neutron) * f;
    double extra = g * g * qs * qs * m * m * t / (4 * Math.PI * e * e * Math.pow(2 * m * t + mass * mass, 2))
        * HBARC2;
    double delta = model(AR, F_AR, Flavor.NUMU, np).xsCm2PerMeV(e, t) - sm(AR, F_AR, Flavor.NUMU, true).xsCm2PerMeV(e, t);
    assertEquals(extra, delta, 1e-9 * extra);
    assertTrue(proton > 15 && proton < 20, "scalar charge of the proton ~17: " + proton);
  }

  /**
   * σ(E) is the integral of dσ/dT: the decade Gauss–Legendre of {@link RecoilIntegral} against 64 equal panels in
   * ln T of an 8 × 16-point rule (independent placement; the two agree to 2e-13 when this was written).
   */
  @Test
  void totalIsTheIntegralOfTheDifferential() {
    NewPhysics np = withAll(NewPhysics.NONE, "magnetic_moment_mub.nue", "1e-9", "millicharge_e.nue", "1e-12",
        "nsi.u.ee", "0.2");
    NewPhysicsCevns m = model(CS, F_CS, Flavor.NUE, np);
    double e = 40;
    double lo = FLOOR;
    double hi = m.maxRecoilMeV(e);
    int n = 64;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double a = lo * Math.pow(hi / lo, (double) k / n);
      double b = k == n - 1 ? hi : lo * Math.pow(hi / lo, (double) (k + 1) / n);
      sum += org.cevns.physics.xs.GaussLegendre.integrate(t -> m.xsCm2PerMeV(e, t), a, b, 8);
    }
    assertEquals(sum, m.totalXsCm2(e), 1e-9 * sum);
  }

  /**
   * Dipole upscattering (Brdar et al. 2021): zero below E_th = m_N + m_N²/2M; T_−, T_+ invert E_min(T); the
   * bracket is positive inside [T_−, T_+]; for m_N → 0 it is the magnetic-moment term.
   */
  @Test
  void upscatteringKinematicsAndMasslessLimit() {
    Sterile n = new Sterile(10, new PerFlavour(0, 1e-9, 0));
    DipoleUpscattering x = DipoleUpscattering.of(CS, F_CS, Flavor.NUMU, n);
    double m = CS.nuclearMassMeV();
    assertEquals(10 + 100 / (2 * m), x.thresholdEnergyMeV(), 1e-12);
    assertEquals(0.0, x.totalXsCm2(10.0), 0.0);
    for (double e : new double[] {10.01, 15, 30, 52.8}) {
      double lo = x.minRecoilMeV(e);
      double hi = x.maxRecoilMeV(e);
      assertTrue(hi > lo && lo > 0, "T range at " + e);
      assertEquals(e, x.minEnergyMeV(lo), 1e-6 * e, "E_min(T_-)");
      assertEquals(e, x.minEnergyMeV(hi), 1e-6 * e, "E_min(T_+)");
      for (int i = 1; i < 50; i++) {
        double t = lo + (hi - lo) * i / 50.0;
        assertTrue(x.xsCm2PerMeV(e, t) > 0, "positive inside at E " + e + " T " + t);
      }
      assertEquals(0.0, x.xsCm2PerMeV(e, lo * 0.99), 0.0);
      assertEquals(0.0, x.xsCm2PerMeV(e, hi * 1.01), 0.0);
    }
    DipoleUpscattering light = DipoleUpscattering.of(CS, F_CS, Flavor.NUMU, new Sterile(1e-6, n.dipoleMuB()));
    double e = 30;
    double t = 5e-3;
    double f = F_CS.value(Math.sqrt(2 * m * t + t * t));
    double expected = 2.4946e-25 * 1e-18 * 55 * 55 * f * f * (1 / t - 1 / e);
    assertEquals(expected, light.xsCm2PerMeV(e, t), 1e-4 * expected);
    assertEquals(CS.nuclearMassMeV() > 0 ? 2 * e * e / (m + 2 * e) : 0, light.maxRecoilMeV(e), 1e-9);
  }
}
