package org.cevns.physics.source;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test-only numerics, independent of the production code paths: composite Simpson integration of a
 * spectrum split at its breakpoints, and inversion sampling from a fine numerical CDF table.
 */
final class SpectrumTestMath {
  private SpectrumTestMath() {}

  /** Support edges and breakpoints, sorted. */
  static double[] edges(EnergySpectrum s) {
    double[] bp = s.breakpointsMeV();
    double[] e = new double[bp.length + 2];
    e[0] = s.minEnergyMeV();
    System.arraycopy(bp, 0, e, 1, bp.length);
    e[e.length - 1] = s.maxEnergyMeV();
    Arrays.sort(e);
    return e;
  }

  /** ∫ f(E) density(E) dE over the support, composite Simpson with {@code panels} panels per segment. */
  static double integrate(EnergySpectrum s, DoubleUnaryOperator f, int panels) {
    double[] e = edges(s);
    double sum = 0;
    for (int k = 0; k + 1 < e.length; k++) {
      double a = e[k];
      double b = e[k + 1];
      if (b <= a) {
        continue;
      }
      // evaluate just inside the segment so that a step at a breakpoint is seen from the right side
      double h = (b - a) / panels;
      double eps = 1e-12 * Math.max(1.0, Math.abs(b));
      double acc = 0;
      for (int i = 0; i <= panels; i++) {
        double x = a + i * h;
        double xe = i == 0 ? x + eps : i == panels ? x - eps : x;
        double w = (i == 0 || i == panels) ? 1 : (i % 2 == 1 ? 4 : 2);
        acc += w * s.densityPerMeV(xe) * f.applyAsDouble(x);
      }
      sum += acc * h / 3.0;
    }
    return sum;
  }

  static double norm(EnergySpectrum s) {
    return integrate(s, x -> 1.0, 2000);
  }

  static double mean(EnergySpectrum s) {
    return integrate(s, x -> x, 2000);
  }

  /** n energies drawn by inverting a numerical CDF on a grid of {@code nodes} points per segment. */
  static double[] sample(EnergySpectrum s, UniformRandomProvider rng, int n, int nodes) {
    double[] e = edges(s);
    int segs = e.length - 1;
    double[] x = new double[segs * nodes + 1];
    double[] c = new double[x.length];
    int m = 0;
    x[0] = e[0];
    for (int k = 0; k < segs; k++) {
      double a = e[k];
      double h = (e[k + 1] - a) / nodes;
      double eps = 1e-12 * Math.max(1.0, Math.abs(e[k + 1]));
      for (int i = 1; i <= nodes; i++) {
        double lo = a + (i - 1) * h;
        double hi = a + i * h;
        // trapezoid with the ends nudged inside the segment (steps at breakpoints)
        double f0 = s.densityPerMeV(i == 1 ? lo + eps : lo);
        double f1 = s.densityPerMeV(i == nodes ? hi - eps : hi);
        m++;
        x[m] = hi;
        c[m] = c[m - 1] + 0.5 * (f0 + f1) * h;
      }
    }
    double total = c[m];
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      double u = rng.nextDouble() * total;
      int k = Arrays.binarySearch(c, u);
      int i = k >= 0 ? Math.min(k, m - 1) : Math.min(-k - 2, m - 1);
      double dc = c[i + 1] - c[i];
      out[j] = dc > 0 ? x[i] + (u - c[i]) / dc * (x[i + 1] - x[i]) : x[i];
    }
    return out;
  }
}
