package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Toys fluctuate the Barlow–Beeston-lite auxiliary measurements of the template statistics (issue 8): the profiled
 * γ̂ with a fluctuated measurement b, the toys' b_i spread, and the coverage of μ on a model whose template
 * statistics matter.
 */
class StatAuxiliaryToysTest {
  /** One channel, 6 bins: signal and a fixed background from templates with 8 % (signal) and 6 % (background) MC errors. */
  static BinnedModel model() {
    double[] sig = {40, 60, 50, 30, 15, 5};
    double[] bkg = {30, 30, 30, 30, 30, 30};
    return BinnedModel.of(List.of(Channel.of("on",
        Sample.signal("signal", sig).withStatErrors(SystematicsModelTest.scaled(sig, 0.08)),
        Sample.background("steady", bkg).withStatErrors(SystematicsModelTest.scaled(bkg, 0.06)))), List.of());
  }

  @Test
  void gammaHatMinimisesTheBinTermWithAFluctuatedMeasurement() {
    // γ̂ minimises 2[γν − n + n ln(n/(γν))] + ((γ − b)/δ)² (grid search to 1e-5), b ≠ 1
    double[][] cases = {{10, 14, 0.05, 1.07}, {100, 80, 0.02, 0.97}, {3, 0, 0.3, 1.2}, {50, 50, 0.1, 0.85}};
    for (double[] c : cases) {
      double g = BarlowBeeston.gammaHat(c[0], c[1], c[2] * c[2], c[3]);
      double best = Double.POSITIVE_INFINITY;
      double arg = 0;
      for (int i = 1; i < 400_000; i++) {
        double x = i * 1e-5;
        double v = PoissonLikelihood.binDeviance(x * c[0], c[1]) + (x - c[3]) * (x - c[3]) / (c[2] * c[2]);
        if (v < best) {
          best = v;
          arg = x;
        }
      }
      assertEquals(arg, g, 2e-5, java.util.Arrays.toString(c));
    }
  }

  /**
   * The toys' auxiliary measurements b_i are Gauss(1, δ_i): over 400 toys the mean of (b_i − 1)/δ_i per bin is
   * within 4/√400 = 0.2 of 0 and the variance (pooled over the 6 bins, 2400 values) within 0.15 of 1 (4.9σ of its
   * sampling error √(2/2400) = 0.029 — a false failure is below 1e-6); the Poisson counts are drawn before them,
   * so a model without statistical errors gets the same counts as before.
   */
  @Test
  void toysDrawTheAuxiliaryMeasurementsFromTheirConstraint() {
    BinnedModel m = model();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
    int toys = 400;
    double[] sum = new double[m.nBins()];
    double sum2 = 0;
    for (int t = 0; t < toys; t++) {
      Observations o = ToyGenerator.generate(m, m.nominalParameters(1.0), rng);
      for (int i = 0; i < m.nBins(); i++) {
        double pull = (o.statAuxiliary(i) - 1.0) / m.relativeStatError(i);
        sum[i] += pull;
        sum2 += pull * pull;
      }
    }
    for (int i = 0; i < m.nBins(); i++) {
      assertEquals(0.0, sum[i] / toys, 0.2, "bin " + i);
    }
    assertEquals(1.0, sum2 / (toys * m.nBins()), 0.15);
    // the counts of the first toy equal those of the same model without statistical errors
    BinnedModel plain = BinnedModel.of(List.of(Channel.of("on", Sample.signal("signal", new double[] {40, 60, 50, 30,
        15, 5}), Sample.background("steady", new double[] {30, 30, 30, 30, 30, 30}))), List.of());
    Observations a = ToyGenerator.generate(m, m.nominalParameters(1.0), RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    Observations b = ToyGenerator.generate(plain, plain.nominalParameters(1.0),
        RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    assertEquals(java.util.Arrays.toString(b.counts()), java.util.Arrays.toString(a.counts()));
    assertNotEquals(1.0, a.statAuxiliary(0));
    assertEquals(1.0, b.statAuxiliary(0));
  }

  /**
   * Coverage of μ with the template statistics fluctuated: 68.27 % intervals from 1000 toys cover 68.27 % ± 4.5 %
   * (binomial σ = 1.47 %: a 3.1σ band, false-failure rate ≈ 0.2 % for an exact method; seed fixed). The template
   * errors here (8 % and 6 % per bin) widen the Asimov interval by 11 % (0.1034 vs 0.0933 without them), so toys
   * that kept b_i = 1 over-cover: P(|Z| &lt; 1.11) ≈ 73 % expected, 71.6 % measured on the first 500 of these toys
   * (63.8 % with the fluctuation; 66.8 % over all 1000), when this test was written.
   */
  @Test
  @Tag("slow")
  void coverageOfMuWithFluctuatedTemplateStatistics() {
    BinnedModel m = model();
    double[] truth = m.nominalParameters(1.0);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L);
    int n = 1000;
    int covered = 0;
    for (int t = 0; t < n; t++) {
      Observations toy = ToyGenerator.generate(m, truth, rng);
      Interval i = ProfileLikelihood.of(m, toy, FitOptions.unboundedMu()).interval68();
      if (i.lower() <= 1.0 && 1.0 <= i.upper()) {
        covered++;
      }
    }
    double f = covered / (double) n;
    assertTrue(Math.abs(f - ProfileLikelihood.CL_68) <= 0.045, "coverage " + f);
  }
}
