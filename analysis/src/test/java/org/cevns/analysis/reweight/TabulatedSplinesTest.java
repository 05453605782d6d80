package org.cevns.analysis.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The per-bin splines of one physics parameter ({@code TabulatedSignal.Splines1d}): values identical to commons-math3's
 * {@link PolynomialSplineFunction#value} (the templates of a fit do not change), first and second derivatives equal
 * to those of its {@code polynomialSplineDerivative} to 1e-12 relative, at random points, the knots and the ends.
 */
class TabulatedSplinesTest {
  @Test
  void valuesAndDerivativesAreTheSplines() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261204L);
    double[] grid = new double[TabulatedSignal.NODES_1D];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = 3.5 + 3.0 * i / (grid.length - 1);
    }
    PolynomialSplineFunction[] f = new PolynomialSplineFunction[7];
    for (int b = 0; b < f.length; b++) {
      double[] y = new double[grid.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = b == 3 ? 0.0 : 100 * Math.exp(-0.3 * (grid[i] - 3.5) * (b + 1)) + rng.nextDouble();
      }
      f[b] = new SplineInterpolator().interpolate(grid, y);
    }
    TabulatedSignal.Splines1d s = TabulatedSignal.Splines1d.of(f);
    double[] xs = new double[60];
    for (int j = 0; j < xs.length; j++) {
      xs[j] = j < 3 ? grid[j * 20] : j < 6 ? grid[grid.length - 1] - (j - 3) * 1e-13 : 3.5 + 3.0 * rng.nextDouble();
    }
    for (double x : xs) {
      double[] v = s.at(x, 0);
      double[] d1 = s.at(x, 1);
      double[] d2 = s.at(x, 2);
      for (int b = 0; b < f.length; b++) {
        assertEquals(f[b].value(x), v[b], 0.0, "value, bin " + b + " at " + x);
        PolynomialSplineFunction g = f[b].polynomialSplineDerivative();
        double e1 = g.value(x);
        double e2 = g.polynomialSplineDerivative().value(x);
        assertEquals(e1, d1[b], 1e-12 * Math.max(1, Math.abs(e1)), "d1, bin " + b + " at " + x);
        assertEquals(e2, d2[b], 1e-12 * Math.max(1, Math.abs(e2)), "d2, bin " + b + " at " + x);
      }
    }
  }
}
