package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression test: where a sample's content (template + histosys) is clipped at zero ({@link SampleTerms}) the
 * expected count does not depend on the physics parameters, so their derivatives there are zero. Before the fix the
 * Jacobian's physics row and the physics terms of {@link ExpectedCurvature} added the shape's derivative in clipped
 * bins too: at the point below (bin 5 of the signal emptied by the quenching variation at α = 1.5) the Jacobian
 * entry ∂ν_5/∂sin²θ_W was 44.5 instead of 0 (seen with the fix reverted). The gradient is compared with central
 * differences of the deviance, the Hessian with those of the gradient (step 1e-4 of the range, the bins staying on
 * their side of the clipping), tolerances as {@code AnalyticHessianTest}; with a shape that differentiates itself
 * ({@link PhysicsShape#derivatives}) and with one that the model differences.
 */
class ClippedContentDerivativeTest {
  /** The signal of {@link SystematicsModelTest} whose +1σ quenching template empties (and overshoots) bin 5. */
  static BinnedModel clippingModel(boolean analyticShape) {
    double[] sig = SystematicsModelTest.SIG;
    double[] hi = sig.clone();
    double[] lo = sig.clone();
    for (int i = 0; i < sig.length; i++) {
      hi[i] = sig[i] * (1 + 0.04 * (i - 2.5));
      lo[i] = sig[i] * (1 - 0.03 * (i - 2.5));
    }
    hi[5] = -20; // δ⁺ = −25: at α = 1.5 the content is 5·shape − 37.5 < 0, clipped
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.lognormal("flux", 0.10),
        Modifier.histosys("quenching", sig, hi, lo)))
        .withPhysics(analyticShape ? weakChargeWithDerivatives() : SystematicsModelTest.weakChargeShape(0.2387));
    Sample b = Sample.background("steady", SystematicsModelTest.BKG, "steady");
    return BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.free("steady")),
        List.of(PhysicsParameter.free("sin2_theta_w", 0.2387, 0.1, 0.4)));
  }

  /** {@link SystematicsModelTest#weakChargeShape} at x₀ = 0.2387 with its analytic derivatives. */
  static PhysicsShape weakChargeWithDerivatives() {
    PhysicsShape f = SystematicsModelTest.weakChargeShape(0.2387);
    double den = 78 - (1 - 4 * 0.2387) * 55;
    return new PhysicsShape() {
      @Override
      public double[] expected(double[] v) {
        return f.expected(v);
      }

      @Override
      public double[][] derivatives(double[] v) {
        double r = (78 - (1 - 4 * v[0]) * 55) / den;
        double r1 = 220 / den;
        double a = 0.05 + 0.95 * r * r;
        double a1 = 1.9 * r * r1;
        double a2 = 1.9 * r1 * r1;
        double[] sig = SystematicsModelTest.SIG;
        double[][] d = new double[2][sig.length];
        for (int i = 0; i < sig.length; i++) {
          double b = 1 + 0.3 * (v[0] - 0.2387) * i;
          double b1 = 0.3 * i;
          d[0][i] = sig[i] * (a1 * b + a * b1);
          d[1][i] = sig[i] * (a2 * b + 2 * a1 * b1);
        }
        return d;
      }
    };
  }

  @ParameterizedTest(name = "analytic shape derivatives: {0}")
  @ValueSource(booleans = {false, true})
  void physicsDerivativesVanishInClippedBins(boolean analyticShape) {
    BinnedModel m = clippingModel(analyticShape);
    double[] counts = {75, 85, 90, 55, 40, 31};
    PoissonLikelihood l = PoissonLikelihood.of(m, Observations.of(m, counts));
    double[] p = m.nominalParameters(1.1);
    int alpha = m.parameterIndex("quenching");
    int phys = m.parameterIndex("sin2_theta_w");
    p[alpha] = 1.5;
    p[phys] = 0.27;
    double[] raw = new double[6];
    m.terms.rawContents(0, p, m.terms.baseTemplates(p)[0], raw);
    assertTrue(raw[5] < -20, "bin 5 of the signal must be clipped at this point, content " + raw[5]);
    double[][] jac = m.jacobian(p, allTrue(p.length));
    assertEquals(0.0, jac[phys][5], 0.0, "∂ν/∂sin²θ_W of the clipped bin");
    double[] g = l.gradient(p);
    double[][] h = l.hessian(p, false);
    for (int k = 0; k < p.length; k++) {
      double step = k == phys ? 1e-4 * (m.upperBound(k) - m.lowerBound(k)) : 1e-5 * Math.max(1, Math.abs(p[k]));
      double[] up = p.clone();
      double[] dn = p.clone();
      up[k] += step;
      dn[k] -= step;
      double fd = (l.deviance(up) - l.deviance(dn)) / (2 * step);
      assertEquals(fd, g[k], 1e-5 * Math.max(1, Math.abs(fd)), "gradient " + m.parameterNames().get(k));
      double[] gu = l.gradient(up);
      double[] gd = l.gradient(dn);
      for (int j = 0; j < p.length; j++) {
        double fdh = (gu[j] - gd[j]) / (2 * step);
        double scale = Math.max(Math.max(1, Math.abs(fdh)), Math.sqrt(Math.abs(h[j][j] * h[k][k])));
        assertEquals(fdh, h[j][k], 2e-5 * scale, "hessian " + m.parameterNames().get(j) + ", "
            + m.parameterNames().get(k));
      }
    }
  }

  private static boolean[] allTrue(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }
}
