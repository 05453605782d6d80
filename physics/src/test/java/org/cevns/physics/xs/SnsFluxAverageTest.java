package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.nucleus.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flux-averaged cross sections at the SNS against the reference values of docs/physics.md, "Validation" (Helm, tree level). */
class SnsFluxAverageTest {

  private static final double S2 = PhysicalConstants.SIN2_THETA_W_LOW_Q;
  private static final double E40 = 1e-40;

  private static Target target(String name) {
    return switch (name) {
      case "Ar40" -> Target.ofAtomFractions(java.util.List.of(
          new Target.Component(IsotopeTable.isotope(18, 40), 1.0)));
      case "Na23" -> Target.ofFormula("Na");
      default -> Target.ofFormula(name);
    };
  }

  @ParameterizedTest(name = "{0}: {1}e-40 cm2")
  @CsvSource({"CsI, 187", "Ar40, 18.2", "Ge, 58.7", "Xe, 194", "Na23, 5.6"})
  void referenceFluxAveragedCrossSectionsWithinOnePercent(String name, double expected1e40) {
    double xs = SnsFluxAverage.cevnsPerNucleusCm2(target(name), CouplingScheme.TREE, S2, FormFactorModel.HELM, false);
    assertEquals(expected1e40, xs / E40, 0.01 * expected1e40, name);
  }

  @Test
  void michelDensitiesAreNormalised() {
    double end = SnsFluxAverage.michelEndpointMeV();
    assertEquals(1.0, GaussLegendre.integrate(SnsFluxAverage::nueDensityPerMeV, 0, end, 1), 1e-13);
    assertEquals(1.0, GaussLegendre.integrate(SnsFluxAverage::numubarDensityPerMeV, 0, end, 1), 1e-13);
    assertEquals(29.792, SnsFluxAverage.PROMPT_ENERGY_MEV, 5e-4);
  }

  @Test
  void pdgCouplingsRaiseTheCrossSectionsByAboutThreePercent() {
    for (String name : new String[] {"CsI", "Ar40"}) {
      double tree = SnsFluxAverage.cevnsPerNucleusCm2(target(name), CouplingScheme.TREE, S2, FormFactorModel.HELM,
          false);
      double pdg = SnsFluxAverage.cevnsPerNucleusCm2(target(name), CouplingScheme.PDG, S2, FormFactorModel.HELM,
          false);
      double ratio = pdg / tree;
      // measured 1.029 (CsI) and 1.026 (Ar40); the reference values say "~3 %"
      assertTrue(ratio > 1.02 && ratio < 1.04, name + " PDG/tree = " + ratio);
    }
  }

  @Test
  void bothIntegrationOrdersAgree() {
    for (int[] za : new int[][] {{55, 133}, {18, 40}, {32, 73}}) {
      var xs = SnsFluxAverage.cevns(IsotopeTable.isotope(za[0], za[1]), CouplingScheme.TREE, S2,
          FormFactorModel.HELM, true);
      double a = SnsFluxAverage.averageXsCm2(xs);
      double b = SnsFluxAverage.averageXsCm2ReversedOrder(xs);
      assertEquals(1.0, b / a, 1e-4, "Z=" + za[0] + " A=" + za[1]);
    }
  }
}
