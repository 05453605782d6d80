package org.cevns.detsim.quench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cevns.physics.Process;
import org.junit.jupiter.api.Test;

class QuenchingTest {
  /** Independent transcription of the Lindhard formula (Lindhard et al. 1963). */
  private static double lindhardKeVee(double t, int z, double k) {
    double eps = 11.5 * t * Math.pow(z, -7.0 / 3.0);
    double g = 3 * Math.pow(eps, 0.15) + 0.7 * Math.pow(eps, 0.6) + eps;
    return t * k * g / (1 + k * g);
  }

  @Test
  void lindhardMatchesFormulaAndGoldenValues() {
    LindhardQuenching ge = LindhardQuenching.of(32, 72.63, 0.162);
    for (double t : new double[] {0.01, 0.3, 1, 7.5, 40, 300}) {
      assertEquals(lindhardKeVee(t, 32, 0.162), ge.visibleKeVee(t), 1e-14 * t);
    }
    // Golden values: Python/SciPy evaluation of the same formula (Ge, k = 0.162).
    assertEquals(0.0800631549520624, ge.visibleKeVee(0.5), 1e-14);
    assertEquals(0.17548084697565272, ge.visibleKeVee(1.0), 1e-14);
    assertEquals(1.0884567314963267, ge.visibleKeVee(5.0), 1e-13);
    assertEquals(5.307761015882299, ge.visibleKeVee(20.0), 1e-12);
    assertEquals(0.17548084697565272, ge.quenchingFactor(1.0), 1e-14);
    assertEquals(0.0, ge.visibleKeVee(0.0));
  }

  @Test
  void lindhardDefaultK() {
    // 0.133 · 32^(2/3) / sqrt(72.63) = 0.157299... (Python).
    assertEquals(0.15729935353214283, LindhardQuenching.defaultK(32, 72.63), 1e-15);
    LindhardQuenching ge = LindhardQuenching.withDefaultK(32, 72.63);
    assertEquals(0.15729935353214283, ge.k(), 1e-15);
    QuenchingByNucleus csi = QuenchingByNucleus.csiLindhard();
    // Python: Lindhard default k at 10 keVnr, Cs (Z 55, A 132.905...) and I (Z 53, A 126.904...).
    assertEquals(2.0627965823442174, csi.visibleKeVee(55, 10.0), 1e-13);
    assertEquals(2.0841365065533286, csi.visibleKeVee(53, 10.0), 1e-13);
  }

  @Test
  void lindhardInverseGolden() {
    // SciPy brentq on the same formula: E_ee = 0.2 keVee ↔ 1.12244104858819 keVnr (Ge, k 0.162).
    assertEquals(1.1224410485881917, LindhardQuenching.of(32, 72.63, 0.162).recoilKeVnr(0.2), 1e-12);
  }

  @Test
  void adiabaticCorrectionOfScholz2016() {
    LindhardQuenching plain = LindhardQuenching.of(32, 72.63, LindhardQuenching.SCHOLZ_2016_K);
    LindhardQuenching ac = plain.withAdiabaticCorrection(LindhardQuenching.SCHOLZ_2016_XI_KEVNR);
    for (double t : new double[] {0.05, 0.2, 0.5, 1, 5}) {
      assertEquals(lindhardKeVee(t, 32, 0.1789) * (1 - Math.exp(-t / 0.16)), ac.visibleKeVee(t), 1e-14 * t);
    }
    // Golden values: Python evaluation of Scholz et al. 2016 Eq. 5 (k = 0.1789, xi = 0.16 keVnr, Z = 32).
    assertEquals(0.02202688821885954, ac.visibleKeVee(0.2), 1e-15);
    assertEquals(0.18993605193234597, ac.visibleKeVee(1.0), 1e-14);
    // Bisection of the same formula: 0.2 keVee <-> 1.0463048425742199 keVnr.
    assertEquals(1.0463048425742199, ac.recoilKeVnr(0.2), 1e-12);
    assertEquals(0.0, ac.visibleKeVee(0.0));
    // xi = 0 is the plain model; the correction only lowers the visible energy.
    assertEquals(plain.visibleKeVee(0.3), plain.withAdiabaticCorrection(0).visibleKeVee(0.3), 0.0);
    assertTrue(ac.visibleKeVee(0.3) < plain.visibleKeVee(0.3));
    assertThrows(IllegalArgumentException.class, () -> plain.withAdiabaticCorrection(-1));
    assertThrows(IllegalArgumentException.class, () -> plain.withAdiabaticCorrection(Double.NaN));
  }

  @Test
  void coherentCsIPolynomialInMeVUnits() {
    PolynomialQuenching p = PolynomialQuenching.coherentCsI2021();
    // E_ee[MeV] = a x + b x² + c x³ + d x⁴ evaluated by hand at x = 0.010 MeV:
    // 0.000554628 + 0.000430681 − 0.000111707 + 0.0000084038 = 0.00088200584 MeVee.
    assertEquals(0.88200584, p.visibleKeVee(10.0), 1e-12);
    assertEquals(0.371546115, p.visibleKeVee(5.0), 1e-12);
    assertEquals(3.20463504, p.visibleKeVee(30.0), 1e-11);
    assertEquals(5.59494864, p.visibleKeVee(60.0), 1e-11);
    // Above the validity range the QF is held at QF(60 keVnr) = 5.59494864/60.
    assertEquals(5.59494864 / 60 * 100, p.visibleKeVee(100.0), 1e-11);
    assertEquals(100.0, p.recoilKeVnr(5.59494864 / 60 * 100), 1e-9);
  }

  @Test
  void polynomialMustBeIncreasing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialQuenching.ofMeV(new double[] {0.05, -10.0}, 10.0));
    assertTrue(e.getMessage().startsWith("the polynomial must be increasing"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PolynomialQuenching.ofMeV(new double[] {-0.1}, 10.0));
    assertThrows(IllegalArgumentException.class, () -> PolynomialQuenching.ofMeV(new double[] {0.1}, 0.0));
    // The CsI quartic itself turns over far above its range (x ≈ 0.0174..0.049 MeV has dE/dx small but > 0);
    // it is increasing to 60 keVnr, as constructed above without error.
  }

  @Test
  void linearQfLAr() {
    LinearQfQuenching lar = LinearQfQuenching.coherentLAr();
    assertEquals(50 * (0.246 + 0.00078 * 50), lar.visibleKeVee(50), 1e-12);
    assertEquals(14.25, lar.visibleKeVee(50), 1e-12);
    assertEquals(50, lar.recoilKeVnr(14.25), 1e-12);
    assertEquals(0.246 + 0.00078 * 20, lar.quenchingFactor(20), 1e-15);
    assertEquals(10.0, LinearQfQuenching.of(0.25, 0.0).recoilKeVnr(2.5), 1e-15);
  }

  @Test
  void constantQuenching() {
    ConstantQuenching q = ConstantQuenching.of(0.14);
    assertEquals(1.4, q.visibleKeVee(10), 1e-15);
    assertEquals(10, q.recoilKeVnr(1.4), 1e-14);
    assertEquals(3.0, ConstantQuenching.unquenched().visibleKeVee(3.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConstantQuenching.of(1.5));
    assertEquals("quenchingFactor must be in (0, 1], got 1.5", e.getMessage());
  }

  @Test
  void tabulatedQuenchingInterpolatesLinearlyInEee() {
    TabulatedQuenching t = TabulatedQuenching.ofQuenchingFactors(
        new double[] {0.5, 1.0, 2.0}, new double[] {0.2, 0.2, 0.18});
    // points (0.5, 0.1), (1, 0.2), (2, 0.36)
    assertEquals(0.05, t.visibleKeVee(0.25), 1e-15); // below: from origin with QF 0.2
    assertEquals(0.15, t.visibleKeVee(0.75), 1e-15);
    assertEquals(0.28, t.visibleKeVee(1.5), 1e-15);
    assertEquals(0.2, t.visibleKeVee(1.0), 0);
    assertEquals(0.18 * 4.0, t.visibleKeVee(4.0), 1e-15); // above: constant QF of the last point
    assertEquals(1.5, t.recoilKeVnr(0.28), 1e-14);
    assertEquals(4.0, t.recoilKeVnr(0.72), 1e-14);
    assertThrows(IllegalArgumentException.class, () -> TabulatedQuenching.ofQuenchingFactors(
        new double[] {1.0, 1.1}, new double[] {0.2, 0.1}));
    assertThrows(IllegalArgumentException.class, () -> TabulatedQuenching.ofEnergies(
        new double[] {1.0, 2.0}, new double[] {0.2}));
  }

  @Test
  void roundTripEeToEnrToEee() {
    List<Quenching> models = List.of(
        LindhardQuenching.of(32, 72.63, 0.162),
        LindhardQuenching.withDefaultK(55, 132.9),
        LindhardQuenching.withDefaultK(18, 39.95),
        ConstantQuenching.of(0.14),
        LinearQfQuenching.coherentLAr(),
        PolynomialQuenching.coherentCsI2021(),
        TabulatedQuenching.ofQuenchingFactors(new double[] {0.3, 1, 3}, new double[] {0.3, 0.25, 0.22}));
    for (Quenching q : models) {
      for (double ee = 1e-4; ee < 200; ee *= 1.37) {
        double nr = q.recoilKeVnr(ee);
        assertEquals(ee, q.visibleKeVee(nr), 1e-11 * ee, () -> q + " at " + nr);
      }
      for (double nr = 1e-3; nr < 500; nr *= 1.41) {
        double ee = q.visibleKeVee(nr);
        assertEquals(nr, q.recoilKeVnr(ee), 1e-9 * nr, q::toString);
      }
      assertEquals(0.0, q.recoilKeVnr(0.0));
      assertThrows(IllegalArgumentException.class, () -> q.visibleKeVee(-1));
      assertThrows(IllegalArgumentException.class, () -> q.recoilKeVnr(Double.NaN));
    }
  }

  @Test
  void byNucleusAndElectronRecoils() {
    QuenchingByNucleus csi = QuenchingByNucleus.csiCoherent2021();
    assertSame(csi.forZ(55), csi.forZ(53));
    assertEquals(0.88200584, csi.visibleKeVee(Process.CEVNS, 53, 10.0), 1e-12);
    assertEquals(10.0, csi.visibleKeVee(Process.EVES, 53, 10.0), 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csi.forZ(11));
    assertEquals("z must be one of the configured atomic numbers [53, 55], got 11", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QuenchingByNucleus.of(Map.of()));
    assertThrows(IllegalArgumentException.class, () -> LindhardQuenching.of(0, 1, 0.1));
  }
}
