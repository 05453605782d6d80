package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codes 4 and 4p ({@link Interpolation}) against their definition (CERN-OPEN-2012-016; pyhf {@code code4},
 * {@code code4p}): at α = ±1 the value and the first and second derivatives of the outer pieces (κ^α, linear),
 * f(0) = 1 and Δ(0) = 0, and the analytic derivatives against central differences. Asymmetric variations included.
 */
class InterpolationTest {
  private static final double H = 1e-5;

  @ParameterizedTest
  @CsvSource({"1.1, 0.9090909090909091", "1.1, 0.95", "1.3, 0.8", "0.9, 0.85", "1.05, 1.02"})
  void code4MatchesTheExponentialToSecondOrderAtPlusMinusOne(double kHi, double kLo) {
    double lh = Math.log(kHi);
    double ll = Math.log(kLo);
    double[] a = Interpolation.code4Coefficients(kHi, kLo);
    assertEquals(1.0, Interpolation.code4(0, lh, ll, a), 1e-15);
    // just inside ±1 (polynomial) against the exponential pieces: value, first and second derivative
    double in = 1 - 1e-9;
    assertEquals(kHi, Interpolation.code4(in, lh, ll, a), 1e-8);
    assertEquals(kLo, Interpolation.code4(-in, lh, ll, a), 1e-8);
    assertEquals(lh, Interpolation.code4LogDerivative(in, lh, ll, a), 1e-7);
    assertEquals(-ll, Interpolation.code4LogDerivative(-in, lh, ll, a), 1e-7);
    double h = 1e-4;
    double second = (Interpolation.code4(1 - h, lh, ll, a) - 2 * Interpolation.code4(1 - 2 * h, lh, ll, a)
        + Interpolation.code4(1 - 3 * h, lh, ll, a)) / (h * h);
    assertEquals(lh * lh * kHi, second, 2e-3); // one-sided difference: error ~ 2h f'''
    for (double x : new double[] {-1.7, -0.6, -0.1, 0.0, 0.3, 0.99, 2.5}) {
      double num = (Math.log(Interpolation.code4(x + H, lh, ll, a)) - Math.log(Interpolation.code4(x - H, lh, ll, a)))
          / (2 * H);
      assertEquals(num, Interpolation.code4LogDerivative(x, lh, ll, a), 1e-7, "alpha " + x);
    }
    assertEquals(Math.pow(kHi, 2.5), Interpolation.code4(2.5, lh, ll, a), 1e-12);
    assertEquals(Math.pow(kLo, 1.5), Interpolation.code4(-1.5, lh, ll, a), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"2.0, 2.0", "2.0, 1.0", "-0.5, 3.0", "0.0, 1.0"})
  void code4pIsLinearOutsideAndSmoothInside(double dHi, double dLo) {
    assertEquals(0.0, Interpolation.code4p(0, dHi, dLo), 0);
    assertEquals(dHi, Interpolation.code4p(1, dHi, dLo), 1e-12);
    assertEquals(-dLo, Interpolation.code4p(-1, dHi, dLo), 1e-12);
    assertEquals(2.5 * dHi, Interpolation.code4p(2.5, dHi, dLo), 1e-12);
    assertEquals(-1.5 * dLo, Interpolation.code4p(-1.5, dHi, dLo), 1e-12);
    // slopes at ±1 continue the linear pieces; the slope at 0 is the mean (δ⁺ + δ⁻)/2
    assertEquals(dHi, Interpolation.code4pDerivative(1, dHi, dLo), 1e-12);
    assertEquals(dLo, Interpolation.code4pDerivative(-1, dHi, dLo), 1e-12);
    assertEquals(0.5 * (dHi + dLo), Interpolation.code4pDerivative(0, dHi, dLo), 1e-12);
    for (double x : new double[] {-1.4, -0.7, -0.05, 0.0, 0.4, 0.95, 3}) {
      double num = (Interpolation.code4p(x + H, dHi, dLo) - Interpolation.code4p(x - H, dHi, dLo)) / (2 * H);
      assertEquals(num, Interpolation.code4pDerivative(x, dHi, dLo), 1e-8, "alpha " + x);
    }
    if (dHi == dLo) {
      assertEquals(0.37 * dHi, Interpolation.code4p(0.37, dHi, dLo), 1e-14); // symmetric: code 0
    }
  }
}
