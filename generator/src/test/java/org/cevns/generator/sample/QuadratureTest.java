package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuadratureTest {
  @Test
  void kronrodRuleIsExactForDegree22AndGaussPartForDegree13() {
    // One GK15 panel integrates polynomials up to degree 22 exactly; a loose tolerance forces a single panel
    // (G7 is exact to degree 13, so the error estimate is ~0 there).
    for (int degree = 0; degree <= 22; degree++) {
      int d = degree;
      double value = Quadrature.integrate(x -> Math.pow(x, d), -1.0, 2.0, 1.0, 0.0);
      double exact = (Math.pow(2.0, d + 1) - Math.pow(-1.0, d + 1)) / (d + 1);
      assertEquals(exact, value, 1e-13 * Math.max(1.0, Math.abs(exact)), "degree " + d);
    }
  }

  @Test
  void adaptiveHandlesPeaksAndHiddenJumps() {
    // Lorentzian peak of width 1e-4: ∫_{-1}^{1} w/(x²+w²) dx = 2 atan(1/w).
    double w = 1e-4;
    assertEquals(2.0 * Math.atan(1.0 / w),
        Quadrature.integrate(x -> w / (x * x + w * w), -1.0, 1.0, 1e-10, 0.0), 1e-8);
    // A jump at an irrational point not given as an edge.
    double jump = Math.sqrt(2.0) - 1.0;
    assertEquals(1.0 - jump, Quadrature.integrate(x -> x < jump ? 0.0 : 1.0, 0.0, 1.0, 1e-9, 0.0), 1e-8);
  }

  @Test
  void splitIntegrationSumsPieces() {
    double[] edges = {0.0, 0.5, 1.0, 3.0};
    assertEquals(Math.exp(3.0) - 1.0, Quadrature.integrateOver(Math::exp, edges, 1e-12, 0.0), 1e-10);
    assertEquals(0.0, Quadrature.integrate(Math::exp, 1.0, 1.0, 1e-12, 0.0));
  }
}
