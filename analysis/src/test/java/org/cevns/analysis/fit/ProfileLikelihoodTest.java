package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ProfileLikelihoodTest {
  /** Independent bisection for the root of f on [a, b] (f(a), f(b) of opposite sign). */
  private static double bisect(DoubleUnaryOperator f, double a, double b) {
    double fa = f.applyAsDouble(a);
    for (int i = 0; i < 200; i++) {
      double m = 0.5 * (a + b);
      double fm = f.applyAsDouble(m);
      if ((fm < 0) == (fa < 0)) {
        a = m;
        fa = fm;
      } else {
        b = m;
      }
    }
    return 0.5 * (a + b);
  }

  @Test
  void oneBinFixedBackgroundMatchesAnalyticProfile() {
    double s = 10;
    double b = 12;
    double n = 30;
    BinnedModel m = TestModels.oneBinFixedBackground(s, b);
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {n}));
    FitResult f = pl.bestFit();
    assertEquals((n - b) / s, f.mu(), 1e-8);
    // Hesse error: D'' = 2 n s² / ν² at ν = n → σ = √n / s
    assertEquals(Math.sqrt(n) / s, f.muHesseError(), 1e-6);
    // q(μ) = 2[ν − n + n ln(n/ν)], ν = μ s + b: interval ends by bisection
    DoubleUnaryOperator q = mu -> 2 * (mu * s + b - n + n * Math.log(n / (mu * s + b)));
    for (double cl : new double[] {ProfileLikelihood.CL_68, 0.9}) {
      Interval i = pl.interval(cl);
      double delta = cl == 0.9 ? 2.705543454095404 : 1.0;
      assertEquals(delta, i.deltaDeviance(), 1e-9);
      double lo = bisect(mu -> q.applyAsDouble(mu) - delta, -b / s + 1e-9, f.mu());
      double hi = bisect(mu -> q.applyAsDouble(mu) - delta, f.mu(), 10);
      assertEquals(lo, i.lower(), 1e-6);
      assertEquals(hi, i.upper(), 1e-6);
      assertFalse(i.lowerAtBound() || i.upperAtBound());
    }
    Significance z = pl.significance();
    assertEquals(q.applyAsDouble(0), z.q0(), 1e-8);
    assertEquals(Math.sqrt(z.q0()), z.z(), 1e-12);
  }

  /**
   * Simultaneous ON/OFF fit with a free background normalisation: q0 must equal the likelihood-ratio
   * significance of Li &amp; Ma, ApJ 272 (1983) 317, eq. 17, Z² = 2{n_on ln[(1+α)/α · n_on/(n_on+n_off)] +
   * n_off ln[(1+α) n_off/(n_on+n_off)]}, α = t_on/t_off.
   */
  @Test
  void onOffFitReproducesLiMa() {
    double alpha = 0.4;
    double nOn = 120;
    double nOff = 200;
    double bOff = 150;
    BinnedModel m = BinnedModel.of(
        List.of(Channel.of("on", Sample.signal("sig", new double[] {40}), Sample.background("bkg", new double[] {alpha * bOff}, "b")),
            Channel.of("off", Sample.background("bkg", new double[] {bOff}, "b"))),
        List.of(NormParameter.free("b")));
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {nOn, nOff}));
    FitResult f = pl.bestFit();
    assertEquals((nOn - alpha * nOff) / 40, f.mu(), 1e-7);
    assertEquals(nOff / bOff, f.value("b"), 1e-7);
    assertEquals(0.0, f.deviance(), 1e-9); // saturated: 2 bins, 2 free parameters
    assertEquals(0, f.ndf());
    double liMa2 = 2 * (nOn * Math.log((1 + alpha) / alpha * nOn / (nOn + nOff))
        + nOff * Math.log((1 + alpha) * nOff / (nOn + nOff)));
    assertEquals(liMa2, pl.significance().q0(), 1e-7);
  }

  /** One bin, constrained background on Asimov data: q0,A against the closed-form conditional fit. */
  @Test
  void constrainedBackgroundAsimovMatchesClosedForm() {
    double s = 20;
    double b = 50;
    double sigma = 0.15;
    BinnedModel m = TestModels.oneBinConstrainedBackground(s, b, sigma);
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {s + b}));
    assertEquals(1.0, pl.bestFit().mu(), 1e-7);
    assertEquals(0.0, pl.bestFit().deviance(), 1e-10);
    // dD/dθ = 0 at μ = 0: θ² + (bσ² − 1)θ − nσ² = 0
    double n = s + b;
    double theta = 0.5 * ((1 - b * sigma * sigma) + Math.sqrt(Math.pow(b * sigma * sigma - 1, 2) + 4 * n * sigma * sigma));
    double q0 = 2 * (b * theta - n + n * Math.log(n / (b * theta))) + Math.pow((theta - 1) / sigma, 2);
    FitResult cond = pl.fixedMuFit(0);
    assertEquals(theta, cond.value("bnorm"), 1e-7);
    assertEquals(q0, pl.significance().q0(), 1e-8);
  }

  /**
   * Multi-channel model with FREE, CONSTRAINED and FIXED norms against golden numbers from an independent
   * evaluation of the same deviance with scipy.optimize (Nelder-Mead then BFGS, gtol 1e-10; script in the
   * src/test/resources/org/cevns/analysis/fit/scipy_crosscheck.py): μ̂ = 1.37665404, D_min = 1.17019293284, q0 = 15.6219569477,
   * q(2) = 2.50240340484.
   */
  @Test
  void multiChannelMatchesIndependentScipyFit() {
    BinnedModel m = TestModels.onOff();
    ProfileLikelihood pl = ProfileLikelihood.of(m, TestModels.onOffData(m));
    assertEquals(1.37665404, pl.bestFit().mu(), 1e-7);
    assertEquals(1.17019293284, pl.bestFit().deviance(), 1e-9);
    assertEquals(15.6219569477, pl.significance().q0(), 1e-8);
    assertEquals(2.50240340484, pl.q(2.0), 1e-8);
    assertEquals(1.5, pl.bestFit().value("fix"), 0);
    assertEquals(6 - 2, pl.bestFit().ndf()); // 6 bins − (μ, steady); react is constrained
  }

  /** Asimov data far from the start point (μ = 4, steady = 0.7, react = 1.03): recovered to 1e-6. */
  @Test
  void recoversParametersFarFromStart() {
    BinnedModel m = TestModels.onOff();
    double[] truth = {4.0, 0.7, 1.03, 1.5};
    ProfileLikelihood pl = ProfileLikelihood.of(m, org.cevns.analysis.stat.Asimov.dataset(m, truth));
    FitResult f = pl.bestFit();
    assertTrue(f.converged());
    for (int k = 0; k < truth.length; k++) {
      assertEquals(truth[k], f.parameters()[k], 1e-6, m.parameterNames().get(k));
    }
    assertEquals(0.0, f.deviance(), 1e-10);
  }

  /** μ ≥ 0 with a deficit: μ̂ sits on the bound, the nuisances are still at a stationary point (KKT). */
  @Test
  void boundaryFitIsStationaryInTheNuisances() {
    BinnedModel m = TestModels.onOff();
    double[] n = m.expected(m.nominalParameters(0.0));
    n[0] -= 15;
    n[1] -= 10;
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, n), FitOptions.nonNegativeMu());
    FitResult f = pl.bestFit();
    assertEquals(0.0, f.mu(), 0);
    double[] g = pl.likelihood().gradient(f.parameters());
    assertTrue(g[0] > 0, "dD/dmu must point out of the allowed region at the bound");
    assertEquals(0.0, g[1], 1e-6);
    assertEquals(0.0, g[2], 1e-6);
    assertEquals(0.0, pl.significance().q0(), 1e-9);
  }

  @Test
  void muBoundsAndDownwardFluctuations() {
    BinnedModel m = TestModels.oneBinFixedBackground(10, 12);
    Observations low = Observations.of(m, new double[] {8});
    ProfileLikelihood unbounded = ProfileLikelihood.of(m, low, FitOptions.unboundedMu());
    assertEquals(-0.4, unbounded.bestFit().mu(), 1e-8);
    assertEquals(0.0, unbounded.significance().q0(), 0);
    assertEquals(0.5, unbounded.significance().pValue(), 1e-12);
    assertTrue(unbounded.interval68().lower() < -0.4);

    ProfileLikelihood positive = ProfileLikelihood.of(m, low, FitOptions.nonNegativeMu());
    assertEquals(0.0, positive.bestFit().mu(), 1e-8);
    assertEquals(0.0, positive.significance().q0(), 1e-9);
    Interval i = positive.interval68();
    assertTrue(i.lowerAtBound());
    assertEquals(0.0, i.lower(), 0);
    // upper end: q(μ) = 2[ν − n + n ln(n/ν)] − D(0) crosses 1
    double d0 = 2 * (12 - 8 + 8 * Math.log(8.0 / 12));
    DoubleUnaryOperator q = mu -> 2 * (10 * mu + 12 - 8 + 8 * Math.log(8 / (10 * mu + 12))) - d0 - 1;
    assertEquals(bisect(q, 0, 5), i.upper(), 1e-6);
  }

  @Test
  void scanIsZeroAtMinimumAndGrows() {
    BinnedModel m = TestModels.spectrum(8, 50, 300, 0.1);
    ProfileLikelihood pl = ProfileLikelihood.of(m, stat(m));
    double muHat = pl.bestFit().mu();
    List<ScanPoint> scan = pl.scan(new double[] {muHat, muHat + 0.2, muHat + 0.4, muHat + 0.8});
    assertEquals(0.0, scan.get(0).q(), 1e-8);
    for (int k = 1; k < scan.size(); k++) {
      assertTrue(scan.get(k).q() > scan.get(k - 1).q());
    }
    Interval i = pl.interval68();
    assertEquals(1.0, pl.q(i.upper()), 1e-5);
    assertEquals(1.0, pl.q(i.lower()), 1e-5);
  }

  /** A fixed, non-Asimov dataset: nominal expectation rounded and perturbed. */
  private static Observations stat(BinnedModel m) {
    double[] nu = m.expected(m.nominalParameters(1.0));
    double[] n = new double[nu.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = Math.round(nu[i] + (i % 2 == 0 ? 3 : -2));
    }
    return Observations.of(m, n);
  }

  /**
   * Regression: an interval end solved at a parameter's bound can come back one rounding step outside it
   * (R_n(I) of the CsI real-data fit, docs/real-data.md: "must be in [.., 6.631282823641823], got
   * 6.631282823641824"); such a value is the bound, while a value clearly outside is still refused.
   */
  @Test
  void aBoundReachedThroughRoundingIsTheBound() {
    BinnedModel m = TestModels.oneBinFixedBackground(10, 12);
    ProfileLikelihood pl = ProfileLikelihood.of(m, Observations.of(m, new double[] {30}),
        FitOptions.defaults().withMuRange(-1, 2));
    double atBound = pl.fixedFit(new int[] {0}, new double[] {2.0}).deviance();
    assertEquals(atBound, pl.fixedFit(new int[] {0}, new double[] {Math.nextUp(2.0)}).deviance(), 0.0);
    assertEquals(2.0, pl.fixedFit(new int[] {0}, new double[] {Math.nextUp(2.0)}).mu(), 0.0);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> pl.fixedFit(new int[] {0}, new double[] {2.001}));
  }
}
