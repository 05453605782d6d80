package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.TestModels;
import org.cevns.analysis.stat.Asimov;
import org.junit.jupiter.api.Test;

/** Toy-calibrated critical values of a scan ({@code cevns scan --toys}, issue 8). */
class ToyCalibrationTest {
  /** 8 bins, 400 signal and 800 background events, background norm constrained to 10 %: Wilks holds well. */
  static final BinnedModel MODEL = TestModels.spectrum(8, 400, 800, 0.10);

  /** The data's −2Δln L and conditional fits at {@code mus} for the Asimov dataset of μ = 1. */
  static ToyCalibration.Result calibrate(double[] mus, int toys, long seed, int threads, FitOptions options) {
    Observations asimov = Asimov.dataset(MODEL, MODEL.nominalParameters(1.0));
    ProfileLikelihood pl = ProfileLikelihood.of(MODEL, asimov, options, "mu");
    double best = pl.bestFit().deviance();
    List<double[]> points = new ArrayList<>();
    List<double[]> conditional = new ArrayList<>();
    double[] observed = new double[mus.length];
    for (int i = 0; i < mus.length; i++) {
      points.add(new double[] {mus[i]});
      var r = pl.fixedFit(new int[] {0}, new double[] {mus[i]});
      conditional.add(r.parameters());
      observed[i] = Math.max(r.deviance() - best, 0);
    }
    return ToyCalibration.run(MODEL, asimov, options, List.of("mu"), true, points, conditional, observed,
        new ToyCalibration.Settings(toys, seed, threads));
  }

  /**
   * On an Asimov scan of a large-count model the toy critical values are the χ²₁ quantiles 1.00, 2.71, 3.84: at each
   * of 3 points, 600 toys; each critical value within 4 of its statistical errors (order-statistic half-width) of the
   * quantile — 9 comparisons of ~Gaussian estimates, a false failure below 1e-3 for an exact χ²₁; seed fixed. The
   * p-value of the data at μ = 1 (Asimov: −2Δln L = 0) is 1.
   */
  @Test
  void asimovCriticalValuesAreTheChiSquareQuantiles() {
    ToyCalibration.Result r = calibrate(new double[] {0.8, 1.0, 1.2}, 600, 20261204L, 2, FitOptions.unboundedMu());
    double[] chi2 = new double[ToyCalibration.CLS.length];
    for (int l = 0; l < chi2.length; l++) {
      chi2[l] = ChiSquaredDistribution.of(1).inverseCumulativeProbability(ToyCalibration.CLS[l]);
    }
    assertEquals(1.0, chi2[0], 1e-9);
    for (ToyCalibration.Point p : r.points()) {
      assertEquals(600, p.used());
      for (int l = 0; l < chi2.length; l++) {
        double err = p.errors()[l];
        assertTrue(err > 0 && err < 0.4 * chi2[l], "error " + err);
        assertEquals(chi2[l], p.critical()[l], 4 * err, "CL " + ToyCalibration.CLS[l] + ": " + p);
      }
    }
    assertEquals(1.0, r.points().get(1).pValue(), 0.0);
  }

  /**
   * Where Wilks fails the toys say so: at μ = 0 with μ bounded to μ ≥ 0 the statistic is ½δ(0) + ½χ²₁ (Chernoff
   * 1954; Cowan et al., EPJC 71 (2011) 1554), whose 68.27 % quantile is F⁻¹_χ²₁(0.3654) = 0.202, not 1.00. 600 toys:
   * within 4 errors and well below 1.
   */
  @Test
  void atABoundTheCriticalValueIsTheChernoffOne() {
    ToyCalibration.Result r = calibrate(new double[] {0.0}, 600, 7L, 1, FitOptions.nonNegativeMu());
    double expected = ChiSquaredDistribution.of(1).inverseCumulativeProbability(2 * ToyCalibration.CLS[0] - 1);
    ToyCalibration.Point p = r.points().get(0);
    assertEquals(expected, p.critical()[0], Math.max(4 * p.errors()[0], 0.05), p.toString());
    assertTrue(p.critical()[0] < 0.5, p.toString());
  }

  /** The same seed gives the same critical values with 1 and 2 threads (each point draws from its own stream). */
  @Test
  void identicalForOneAndTwoThreads() {
    double[] mus = {0.7, 0.9, 1.1, 1.3};
    ToyCalibration.Result one = calibrate(mus, 40, 11L, 1, FitOptions.unboundedMu());
    ToyCalibration.Result two = calibrate(mus, 40, 11L, 2, FitOptions.unboundedMu());
    for (int l = 0; l < ToyCalibration.CLS.length; l++) {
      assertArrayEquals(one.critical(l), two.critical(l), 0.0);
    }
    for (int i = 0; i < mus.length; i++) {
      assertEquals(one.points().get(i).pValue(), two.points().get(i).pValue(), 0.0);
    }
    ToyCalibration.Result other = calibrate(mus, 40, 12L, 2, FitOptions.unboundedMu());
    assertTrue(other.critical(0)[0] != one.critical(0)[0], "another seed, other toys");
  }

  @Test
  void intervalFromTheGridCrossings() {
    double[] x = {0, 1, 2, 3, 4};
    double[] d = {4, 1, 0, 1, 4};
    double[] c = {2, 2, 2, 2, 2};
    // f = d − c = 2, −1, −2, −1, 2: crossings at 2/3 and 3 + 1/3
    double[] i = ToyCalibration.interval1d(x, d, c, 2.0);
    assertEquals(2.0 / 3, i[0], 1e-12);
    assertEquals(10.0 / 3, i[1], 1e-12);
    // stays inside to the grid's ends
    double[] j = ToyCalibration.interval1d(x, d, new double[] {5, 5, 5, 5, 5}, 2.0);
    assertArrayEquals(new double[] {0, 4}, j, 0.0);
    assertEquals(0.5, ToyCalibration.quantile(new double[] {0, 1}, 0.5), 0.0);
  }
}
