package org.cevns.physics.formfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.physics.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormFactorTest {

  private static final double HBARC = PhysicalConstants.HBARC_MEV_FM;

  private static List<FormFactor> all(int a) {
    return List.of(HelmFormFactor.lewinSmith(a), KleinNystrandFormFactor.of(a), SymmetrizedFermiFormFactor.of(a),
        HelmFormFactor.withRmsRadius(4.86), KleinNystrandFormFactor.withRmsRadius(4.86),
        SymmetrizedFermiFormFactor.withRmsRadius(4.86), UnityFormFactor.INSTANCE);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 12, 23, 40, 73, 133, 209})
  void equalsOneAtZeroMomentumTransfer(int a) {
    for (FormFactor f : all(a)) {
      assertEquals(1.0, f.value(0.0), 0.0, f.toString());
      assertEquals(1.0, f.value(1e-9), 1e-15, f.toString());
    }
  }

  /** F ≈ 1 − q²R²/6 + O(q⁴): the radius from (1 − F)·6/q² at qR = 0.003 recovers R to 1e-5. */
  @ParameterizedTest
  @ValueSource(ints = {12, 40, 133, 209})
  void smallMomentumSlopeRecoversTheRmsRadius(int a) {
    for (FormFactor f : all(a)) {
      double r = f.rmsRadiusFm();
      if (r == 0) {
        continue;
      }
      double q = 0.003 * HBARC / r;
      double qFm = q / HBARC;
      double fitted = Math.sqrt(6 * (1 - f.value(q)) / (qFm * qFm));
      assertEquals(1.0, fitted / r, 1e-5, f.toString());
    }
  }

  @Test
  void imposedRmsRadiusIsReproduced() {
    for (double r : new double[] {2.5, 3.43, 4.86, 5.5}) {
      assertEquals(r, HelmFormFactor.withRmsRadius(r).rmsRadiusFm(), 1e-12);
      assertEquals(r, KleinNystrandFormFactor.withRmsRadius(r).rmsRadiusFm(), 1e-12);
      assertEquals(r, SymmetrizedFermiFormFactor.withRmsRadius(r).rmsRadiusFm(), 1e-12);
      for (FormFactorModel m : FormFactorModel.values()) {
        if (m != FormFactorModel.UNITY) {
          assertEquals(r, m.create(133, r).rmsRadiusFm(), 1e-12, m.name());
        }
      }
    }
  }

  @Test
  void helmDefaultsAndFirstZero() {
    HelmFormFactor f = HelmFormFactor.lewinSmith(133);
    double c = 1.23 * Math.cbrt(133) - 0.60;
    double r0 = Math.sqrt(c * c + 7.0 / 3 * Math.PI * Math.PI * 0.52 * 0.52 - 5 * 0.81);
    assertEquals(r0, f.boxRadiusFm(), 1e-12);
    // first zero of j1(x): tan x = x at x = 4.493409457909064
    double qZero = 4.493409457909064 * HBARC / r0;
    assertEquals(0.0, f.value(qZero), 1e-14);
    assertTrue(f.value(0.99 * qZero) > 0 && f.value(1.01 * qZero) < 0);
    // independent closed form at an ordinary q
    double q = 80;
    double x = q * r0 / HBARC;
    double expected = 3 * (Math.sin(x) - x * Math.cos(x)) / (x * x * x) * Math.exp(-Math.pow(q * 0.9 / HBARC, 2) / 2);
    assertEquals(expected, f.value(q), 1e-15);
  }

  @Test
  void kleinNystrandMatchesItsDefinition() {
    KleinNystrandFormFactor f = KleinNystrandFormFactor.of(40);
    double ra = 1.2 * Math.cbrt(40);
    double q = 60;
    double x = q * ra / HBARC;
    double expected = 3 * (Math.sin(x) - x * Math.cos(x)) / (x * x * x) / (1 + Math.pow(q * 0.7 / HBARC, 2));
    assertEquals(expected, f.value(q), 1e-15);
  }

  /** The series branches join the closed forms: at the switch points both agree to 1e-12. */
  @Test
  void seriesBranchesAreContinuous() {
    double x = SphericalBessel.SERIES_LIMIT;
    double closed = 3 * (Math.sin(x) - x * Math.cos(x)) / (x * x * x);
    assertEquals(closed, SphericalBessel.threeJ1OverX(x * (1 - 1e-12)), 1e-13);

    SymmetrizedFermiFormFactor sf = SymmetrizedFermiFormFactor.of(133);
    double c = sf.halfDensityRadiusFm();
    double a = sf.diffusenessFm();
    double qSwitch = 0.1 / Math.hypot(c, Math.PI * a) * HBARC; // (qc)^2 + (pi q a)^2 = 0.01
    for (double q : new double[] {0.999 * qSwitch, 1.001 * qSwitch, 3 * qSwitch}) {
      assertEquals(closedSymmetrizedFermi(q, c, a), sf.value(q), 1e-12, "q = " + q);
    }
  }

  private static double closedSymmetrizedFermi(double q, double c, double a) {
    double x = q * c / HBARC;
    double y = Math.PI * q * a / HBARC;
    return 3 / (x * (x * x + y * y)) * (y / Math.sinh(y)) * (y * Math.sin(x) / Math.tanh(y) - x * Math.cos(x));
  }

  /**
   * Helm and symmetrised Fermi share the rms radius by construction; up to q = 150 MeV (the SNS range) they
   * differ by less than 0.02 (measured maximum 0.0103, Ar40 at 150 MeV).
   */
  @Test
  void symmetrizedFermiIsCloseToHelmAtLowMomentum() {
    for (int a : new int[] {40, 73, 133}) {
      HelmFormFactor h = HelmFormFactor.lewinSmith(a);
      SymmetrizedFermiFormFactor s = SymmetrizedFermiFormFactor.of(a);
      assertEquals(h.rmsRadiusFm(), s.rmsRadiusFm(), 1e-12);
      for (double q = 5; q <= 150; q += 5) {
        assertEquals(h.value(q), s.value(q), 0.02, "A=" + a + " q=" + q);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FormFactorModel.class)
  void modelNamesRoundTrip(FormFactorModel m) {
    assertEquals(m, FormFactorModel.fromConfigName(m.configName()));
  }

  @Test
  void invalidParametersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> HelmFormFactor.withRmsRadius(1.0));
    assertThrows(IllegalArgumentException.class, () -> KleinNystrandFormFactor.withRmsRadius(1.5));
    assertThrows(IllegalArgumentException.class, () -> SymmetrizedFermiFormFactor.withRmsRadius(1.9));
    assertThrows(IllegalArgumentException.class, () -> FormFactorModel.HELM.create(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> FormFactorModel.HELM.create(133, -4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FormFactorModel.fromConfigName("gauss"));
    assertTrue(e.getMessage().contains("klein-nystrand"));
  }
}
