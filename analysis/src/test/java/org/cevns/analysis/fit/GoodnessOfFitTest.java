package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Goodness of fit: under the true model the likelihood-ratio χ² p-values are uniform. */
class GoodnessOfFitTest {
  /**
   * 800 toys of a 10-bin model with ≥ 40 expected counts per bin; ndf = 10 − 1 (μ; the constrained norm
   * brings its own auxiliary measurement). KS test of p-values vs U(0,1), reject at p &lt; 1e-3 (false-failure
   * rate 0.1 % if the χ² asymptotics hold); mean χ² within 4 σ of ndf (σ = √(2·ndf/800)).
   */
  @Test
  void pValuesUniformUnderTrueModel() {
    BinnedModel m = TestModels.spectrum(10, 80, 400, 0.10);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2718L);
    int n = 800;
    double[] p = new double[n];
    double sum = 0;
    for (int t = 0; t < n; t++) {
      FitResult f = ProfileLikelihood.of(m, ToyGenerator.generate(m, m.nominalParameters(1.0), rng)).bestFit();
      assertEquals(9, f.ndf());
      p[t] = f.gofPValue();
      sum += f.gofChi2();
    }
    assertEquals(9.0, sum / n, 4 * Math.sqrt(2 * 9.0 / n));
    double ks = KolmogorovSmirnovTest.withDefaults().test(p, x -> Math.min(Math.max(x, 0), 1)).getPValue();
    assertTrue(ks > 1e-3, "KS p-value of GoF p-values vs uniform: " + ks);
  }

  @Test
  void badModelHasSmallPValue() {
    BinnedModel m = TestModels.spectrum(10, 80, 400, 0.10);
    double[] n = m.expected(m.nominalParameters(1.0));
    // a bump in the middle that neither template can follow (+ 60 counts on ~45 expected)
    n[5] += 60;
    FitResult f = ProfileLikelihood.of(m, Observations.of(m, n)).bestFit();
    assertTrue(f.gofPValue() < 1e-6, "p = " + f.gofPValue());
  }

  /** The p-value computed on demand: the χ² survival function of the deviance, NaN without degrees of freedom. */
  @Test
  void pValueFromDevianceAndNdf() {
    double[] x = {1.0};
    FitResult nine = new FitResult(java.util.List.of("mu"), x, x, new boolean[] {true}, 12.5, 12.5, 9, true, 10);
    // scipy.stats.chi2.sf(12.5, 9) = 0.186566 (scipy 1.x, independent of Commons Statistics)
    assertEquals(0.186566, nine.gofPValue(), 1e-6);
    FitResult none = new FitResult(java.util.List.of("mu"), x, x, new boolean[] {true}, 3.0, 3.0, 0, true, 10);
    assertTrue(Double.isNaN(none.gofPValue()));
  }
}
