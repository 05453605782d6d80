package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.formfactor.HelmFormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.nucleus.IsotopeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cost cuts of {@link CevnsCrossSection} (issue 12, `rates`) return the same doubles as before, bit for bit:
 * {@link CevnsCrossSection#atRecoilMeV} (form factors once per T) against {@link CevnsCrossSection#xsCm2PerMeV},
 * and one evaluation of form factors that return the same values ({@link FormFactor#sameValuesAs}) against the
 * evaluation of each of them, which a wrapper that hides the equality forces.
 */
class CevnsFixedRecoilTest {
  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;

  /** A form factor with the values of {@code f} that claims no equality with anything (the code before the cut). */
  private static FormFactor opaque(FormFactor f) {
    return new FormFactor() {
      @Override
      public double value(double q) {
        return f.value(q);
      }

      @Override
      public double rmsRadiusFm() {
        return f.rmsRadiusFm();
      }
    };
  }

  /** Xe-131 and Cs-133 have spin (axial term), Ar-40 none; Helm and Klein-Nystrand; nu and anti-nu. */
  @ParameterizedTest(name = "{0}-{1} {2} {3}")
  @CsvSource({"54, 131, HELM, NUE", "54, 131, KLEIN_NYSTRAND, NUEBAR", "55, 133, HELM, NUMU", "18, 40, HELM, NUE",
      "9, 19, HELM, NUMUBAR", "74, 183, KLEIN_NYSTRAND, NUEBAR"})
  void sameDoublesAsBefore(int z, int a, FormFactorModel model, Flavor flavor) {
    Isotope iso = IsotopeTable.isotope(z, a);
    Couplings g = Couplings.of(CouplingScheme.CHARGE_RADIUS, flavor, S2);
    // as ModelCrossSections makes them: F_p and F_n distinct objects with equal parameters, F_A = F_n
    FormFactor fp = model.create(a, Double.NaN);
    FormFactor fn = model.create(a, Double.NaN);
    assertTrue(fp.sameValuesAs(fn) && fp != fn);
    CevnsCrossSection now = CevnsCrossSection.of(iso, flavor, g, fp, fn, true, fn);
    FormFactor ofn = opaque(fn);
    CevnsCrossSection before = CevnsCrossSection.of(iso, flavor, g, opaque(fp), ofn, true, opaque(fn));
    SplittableRandom rnd = new SplittableRandom(12);
    for (int i = 0; i < 20_000; i++) {
      double e = 0.5 + rnd.nextDouble() * 60;
      double t = rnd.nextDouble() * 1.1 * now.maxRecoilMeV(e);
      double expected = before.xsCm2PerMeV(e, t);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(now.xsCm2PerMeV(e, t)),
          () -> "xs at E=" + e + " T=" + t);
      DoubleUnaryOperator atT = now.atRecoilMeV(t);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(atT.applyAsDouble(e)),
          () -> "atRecoil at E=" + e + " T=" + t);
    }
    assertEquals(0.0, now.atRecoilMeV(-1e-3).applyAsDouble(10));
    assertEquals(0.0, now.atRecoilMeV(1e-3).applyAsDouble(0));
  }

  @Test
  void sameValuesOnlyForEqualParameters() {
    assertTrue(HelmFormFactor.lewinSmith(40).sameValuesAs(HelmFormFactor.lewinSmith(40)));
    assertFalse(HelmFormFactor.lewinSmith(40).sameValuesAs(HelmFormFactor.lewinSmith(41)));
    assertFalse(HelmFormFactor.of(4.0, 0.9).sameValuesAs(HelmFormFactor.of(4.0, 1.0)));
    assertFalse(HelmFormFactor.lewinSmith(40).sameValuesAs(FormFactorModel.KLEIN_NYSTRAND.create(40, Double.NaN)));
    assertTrue(FormFactorModel.KLEIN_NYSTRAND.create(40, 3.4).sameValuesAs(
        FormFactorModel.KLEIN_NYSTRAND.create(40, 3.4)));
    FormFactor sf = FormFactorModel.SYMMETRIZED_FERMI.create(40, Double.NaN);
    assertFalse(sf.sameValuesAs(FormFactorModel.SYMMETRIZED_FERMI.create(40, Double.NaN)));
    assertTrue(sf.sameValuesAs(sf));
  }
}
