package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Gaussian normalisation ({@link Modifier#gaussianNorm}) multiplies the current, physics-reweighted sample:
 * ν = μ·(1 + σ·α)·r(θ)·S + B for a physics parameter θ that scales the signal template S by r(θ). Regression: before,
 * its ±1σ variations were ±σ × the nominal template, so ν = μ·(r(θ) + σ·α)·S, and the normalisation uncertainty of
 * a signal scaled by r was σ/r of its rate (interval ends of sin²θ_W and R_n 4–6 % off on coh-ar-750).
 */
class GaussianNormPhysicsTest {
  private static final double[] SIG = SystematicsModelTest.SIG;
  private static final double[] BKG = SystematicsModelTest.BKG;
  private static final double SIGMA = 0.10;

  /** r(θ) = θ² (θ₀ = 1): the signal rate ∝ θ², like a weak charge. */
  private static double r(double theta) {
    return theta * theta;
  }

  /** Signal S·r(θ) with a Gaussian flux normalisation of σ = 10 %, background B with a free norm. */
  static BinnedModel model(double[] sig, double[] bkg, boolean analytic) {
    PhysicsShape shape = new PhysicsShape() {
      @Override
      public double[] expected(double[] v) {
        return SystematicsModelTest.scaled(sig, r(v[0]));
      }

      @Override
      public double[][] derivatives(double[] v) {
        return analytic ? new double[][] {SystematicsModelTest.scaled(sig, 2 * v[0]),
            SystematicsModelTest.scaled(sig, 2)} : null;
      }
    };
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.gaussianNorm("flux", sig, SIGMA)))
        .withPhysics(shape);
    Sample b = Sample.background("steady", bkg, "steady");
    return BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.free("steady")),
        List.of(PhysicsParameter.free("theta", 1.0, 0.5, 2.0)));
  }

  /**
   * For {@code AnalyticHessianTest}: Gaussian normalisations (two on the shaped signal, one shared with a
   * background), a log-normal one and a quenching histosys on a physics-shaped signal; one physics parameter whose
   * shape differentiates itself, or two (the model's differences).
   */
  static BinnedModel derivativeModel(boolean twoPhysics) {
    double[] hi = SIG.clone();
    double[] lo = SIG.clone();
    for (int i = 0; i < SIG.length; i++) {
      hi[i] = SIG[i] * (1 + 0.06 * (i - 2.5));
      lo[i] = SIG[i] * (1 - 0.02 * (i - 1.5));
    }
    PhysicsShape one = ClippedContentDerivativeTest.weakChargeWithDerivatives();
    PhysicsShape two = v -> {
      double[] base = one.expected(new double[] {v[0]});
      for (int i = 0; i < base.length; i++) {
        base[i] *= 1 + 0.2 * (v[1] - 4.8) * (i + 1) / base.length + 0.05 * (v[1] - 4.8) * (v[1] - 4.8);
      }
      return base;
    };
    Sample s = Sample.signal("signal", SIG).withModifiers(List.of(Modifier.gaussianNorm("flux", SIG, 0.10),
            Modifier.gaussianNorm("mass", SIG, 0.04), Modifier.lognormal("xs", 0.05),
            Modifier.histosys("quenching", SIG, hi, lo))).withStatErrors(SystematicsModelTest.scaled(SIG, 0.05))
        .withPhysics(twoPhysics ? two : one);
    double[] eves = SystematicsModelTest.scaled(SIG, 0.2);
    Sample e = Sample.background("eves", eves).withModifiers(List.of(Modifier.gaussianNorm("flux", eves, 0.10)));
    Sample b = Sample.background("steady", BKG, "steady").withStatErrors(SystematicsModelTest.scaled(BKG, 0.04));
    Sample off = Sample.background("steady", SystematicsModelTest.scaled(BKG, 2.0), "steady");
    List<PhysicsParameter> phys = twoPhysics ? List.of(new PhysicsParameter("sin2_theta_w", 0.2387, 0.1, 0.4, 0.0),
        new PhysicsParameter("rn_fm", 4.8, 4.0, 6.0, 0.2)) : List.of(PhysicsParameter.free("sin2_theta_w", 0.2387,
        0.1, 0.4));
    return BinnedModel.of(List.of(Channel.of("on", s, e, b), Channel.of("off", off)),
        List.of(NormParameter.free("steady")), phys);
  }

  @ParameterizedTest(name = "analytic shape derivatives: {0}")
  @ValueSource(booleans = {false, true})
  void expectedCountsAndJacobianAreTheClosedForm(boolean analytic) {
    BinnedModel m = model(SIG, BKG, analytic);
    int a = m.parameterIndex("flux");
    int th = m.parameterIndex("theta");
    boolean[] all = new boolean[m.nParameters()];
    java.util.Arrays.fill(all, true);
    for (double alpha : new double[] {-2.2, -0.4, 0.0, 0.7, 1.8}) {
      for (double theta : new double[] {0.8, 1.0, 1.3}) {
        double[] p = m.nominalParameters(1.1);
        p[a] = alpha;
        p[th] = theta;
        double[] nu = m.expected(p);
        double[][] jac = m.jacobian(p, all);
        String at = "alpha " + alpha + ", theta " + theta;
        for (int i = 0; i < SIG.length; i++) {
          double g = 1 + SIGMA * alpha;
          assertEquals(1.1 * g * r(theta) * SIG[i] + BKG[i], nu[i], 1e-9 * nu[i], at + ": nu_" + i);
          assertEquals(g * r(theta) * SIG[i], jac[0][i], 1e-9 * SIG[i], at + ": dnu/dmu");
          assertEquals(1.1 * SIGMA * r(theta) * SIG[i], jac[a][i], 1e-9 * SIG[i], at + ": dnu/dalpha");
          // the model's central difference (step 1e-5 of the range) of an exact quadratic: rounding only
          assertEquals(1.1 * g * 2 * theta * SIG[i], jac[th][i], 1e-6 * SIG[i], at + ": dnu/dtheta");
        }
      }
    }
  }

  @Test
  void contentIsClippedAtZeroWhereOnePlusSigmaAlphaIsNegative() {
    Sample sig = Sample.signal("signal", SIG).withModifiers(List.of(Modifier.gaussianNorm("flux", SIG, 0.3)));
    BinnedModel m = BinnedModel.of(List.of(Channel.of("on", sig, Sample.background("steady", BKG))), List.of());
    double[] p = m.nominalParameters(1.0);
    p[m.parameterIndex("flux")] = -2.0;
    assertEquals(0.4 * SIG[0] + BKG[0], m.expected(p)[0], 1e-9);
    p[m.parameterIndex("flux")] = -4.0; // 1 + σα = −0.2: the signal is empty, not negative
    assertEquals(BKG[0], m.expected(p)[0], 1e-9);
  }

  /**
   * The pyhf export: at the nominal physics point the flux histosys is (1 ± σ)·S as before; at θ = 1.3 it is
   * (1 ± σ)·r(θ)·S, the variation of the exported template, so that the workspace is this model at that point.
   */
  @Test
  void pyhfExportCarriesTheVariationOfTheTemplateItExports() {
    BinnedModel m = model(SIG, BKG, true);
    Observations d = Observations.of(m, m.expected(m.nominalParameters(1.0)));
    for (double theta : new double[] {1.0, 1.3}) {
      double[] p = m.nominalParameters(1.0);
      p[m.parameterIndex("theta")] = theta;
      var sample = PyhfWorkspace.toTree(m, d, FitOptions.unboundedMu(), "meas", p).get("channels").get(0)
          .get("samples").get(0);
      var flux = sample.get("modifiers").get(1);
      assertEquals("flux", flux.get("name").textValue());
      assertEquals("histosys", flux.get("type").textValue());
      for (int i = 0; i < SIG.length; i++) {
        double t = r(theta) * SIG[i];
        assertEquals(t, sample.get("data").get(i).doubleValue(), 1e-9 * t);
        assertEquals((1 + SIGMA) * t, flux.get("data").get("hi_data").get(i).doubleValue(), 1e-9 * t);
        assertEquals((1 - SIGMA) * t, flux.get("data").get("lo_data").get(i).doubleValue(), 1e-9 * t);
      }
    }
  }

  /**
   * The 68 % interval of θ (μ held at 1, one bin, Asimov data at θ = 1) equals the profile computed here
   * independently: q(θ) = min_α 2[ν − n + n ln(n/ν)] + α² with ν = (1 + σα)·θ²·S + B, solved by bisection
   * (upper end 1.05422, lower 0.95332). Before the fix the fit gave 1.04894 and 0.94854 (run with the old
   * SampleTerms): the normalisation uncertainty at θ = 1.05 was σ/1.1 of the signal's rate, at θ = 0.95 σ/0.9.
   */
  @Test
  void intervalEndOfThePhysicsParameterIsTheClosedForm() {
    double s = 20000;
    double b = 2000;
    BinnedModel m = model(new double[] {s}, new double[] {b}, true);
    BinnedModel fixedB = BinnedModel.of(List.of(Channel.of("on",
        m.channels().get(0).samples().get(0), Sample.background("steady", new double[] {b}))), List.of(),
        m.physics());
    double n = s + b;
    Interval iv = ProfileLikelihood.of(fixedB, Observations.of(fixedB, new double[] {n}), FitOptions.defaults(),
        "theta", false).interval68();
    double up = solve(1.0, 1.5, th -> profile(th, s, b, n) - 1.0);
    double lo = solve(0.6, 1.0, th -> 1.0 - profile(th, s, b, n));
    assertTrue(up > 1.05, "closed-form upper end " + up);
    assertEquals(up, iv.upper(), 1e-5, "upper end of theta");
    assertEquals(lo, iv.lower(), 1e-5, "lower end of theta");
  }

  /** min over α of the deviance at θ (ν > 0 throughout). */
  private static double profile(double theta, double s, double b, double n) {
    java.util.function.DoubleUnaryOperator d = al -> {
      double nu = (1 + SIGMA * al) * r(theta) * s + b;
      return 2 * (nu - n + n * Math.log(n / nu)) + al * al;
    };
    // dD/dα = 2σ r S (1 − n/ν) + 2α, increasing in α: its root by bisection
    double alpha = solve(-5, 5, al -> SIGMA * r(theta) * s * (1 - n / ((1 + SIGMA * al) * r(theta) * s + b)) + al);
    return d.applyAsDouble(alpha);
  }

  /** The root of an increasing function on [lo, hi] by 200 bisections. */
  private static double solve(double lo, double hi, java.util.function.DoubleUnaryOperator f) {
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (f.applyAsDouble(mid) > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
