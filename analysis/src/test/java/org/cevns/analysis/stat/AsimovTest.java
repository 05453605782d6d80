package org.cevns.analysis.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AsimovTest {
  /** Z_A = √(2((s+b) ln(1+s/b) − s)), Cowan et al. EPJC 71 (2011) 1554 eq. 97, from the fit to 1e-6. */
  @ParameterizedTest
  @CsvSource({"5, 1", "10, 100", "100, 1000", "3, 0.5", "50, 20", "0.1, 10"})
  void oneBinFitEqualsFormula(double s, double b) {
    double formula = Math.sqrt(2 * ((s + b) * Math.log(1 + s / b) - s));
    assertEquals(formula, Asimov.oneBinSignificance(s, b), 1e-12);
    BinnedModel m = TestModels.oneBinFixedBackground(s, b);
    assertEquals(formula, Asimov.medianSignificance(m, 1.0, FitOptions.unboundedMu()), 1e-6);
    assertEquals(formula, Asimov.medianSignificance(m, 1.0, FitOptions.nonNegativeMu()), 1e-6);
  }

  @Test
  void largeBackgroundLimitIsSOverRootB() {
    assertEquals(10 / Math.sqrt(1e6), Asimov.oneBinSignificance(10, 1e6), 1e-5);
    assertEquals(0.0, Asimov.oneBinSignificance(0, 5), 0);
    assertThrows(IllegalArgumentException.class, () -> Asimov.oneBinSignificance(1, 0));
  }

  /** Several bins with fixed backgrounds: the Asimov q0 adds over bins, Z² = Σ Z_i². */
  @Test
  void binsAddInQuadrature() {
    double[] s = {5, 3, 1};
    double[] b = {2, 10, 30};
    BinnedModel m = BinnedModel.of(
        List.of(org.cevns.analysis.fit.Channel.of("c", org.cevns.analysis.fit.Sample.signal("sig", s),
            org.cevns.analysis.fit.Sample.background("bkg", b))), List.of());
    // μ̂ = 1 for the Asimov data, and q0 = Σ 2((s+b) ln(1+s/b) − s)
    double z2 = 0;
    for (int i = 0; i < 3; i++) {
      z2 += Math.pow(Asimov.oneBinSignificance(s[i], b[i]), 2);
    }
    assertEquals(Math.sqrt(z2), Asimov.medianSignificance(m, 1.0, FitOptions.defaults()), 1e-6);
  }

  @Test
  void muUncertaintyOneBin() {
    // one bin fixed background: Asimov n = s + b; Hesse σ_μ = √(s+b)/s
    double s = 400;
    double b = 100;
    Asimov.Sensitivity sens = Asimov.sensitivity(TestModels.oneBinFixedBackground(s, b), 1.0, FitOptions.defaults());
    assertEquals(Math.sqrt(s + b) / s, sens.sigmaMuHesse(), 1e-6);
    // profile interval is close to Hesse for large counts, and slightly asymmetric (upper longer)
    assertEquals(Math.sqrt(s + b) / s, sens.sigmaMu(), 2e-3 * sens.sigmaMu());
    assertTrue(sens.muUpper() - 1 > 1 - sens.muLower());
  }

  @Test
  void sensitivityScalesWithExposure() {
    BinnedModel m = TestModels.oneBinFixedBackground(10, 40);
    List<SensitivityScan.Row> rows = SensitivityScan.run(m, new double[] {1, 4, 16}, 1.0, FitOptions.defaults());
    for (SensitivityScan.Row r : rows) {
      double f = r.exposureFactor();
      assertEquals(Asimov.oneBinSignificance(10 * f, 40 * f), r.zMedian(), 1e-6);
    }
    // σ_μ ∝ 1/√exposure to within the small asymmetry of the Poisson profile
    assertEquals(0.5, rows.get(1).sigmaMu() / rows.get(0).sigmaMu(), 0.01);
    assertEquals(0.5, rows.get(2).sigmaMu() / rows.get(1).sigmaMu(), 0.005);
  }

  /** With a background uncertainty the sensitivity saturates: Z grows more slowly than √exposure. */
  @Test
  void systematicLimitsSensitivity() {
    BinnedModel m = TestModels.spectrum(10, 30, 300, 0.05);
    List<SensitivityScan.Row> rows = SensitivityScan.run(m, new double[] {1, 100}, 1.0, FitOptions.defaults());
    assertTrue(rows.get(1).zMedian() / rows.get(0).zMedian() < 10);
    assertTrue(rows.get(1).zMedian() > rows.get(0).zMedian());
  }
}
