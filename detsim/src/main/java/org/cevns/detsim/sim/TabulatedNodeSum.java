package org.cevns.detsim.sim;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.source.TabulatedSpectrum;
import org.cevns.physics.xs.GaussLegendre;

/**
 * g(T) = ∫ φ(E) f(E) dE of a {@link TabulatedSpectrum} with many knots (the ⁸B table) by composite Gauss–Legendre on
 * equal panels: the same double as {@code GaussLegendre.integrate(E -> φ(E) f(E), lo, hi, panels)} with φ the
 * spectrum's {@code densityPerMeV} (the same nodes, the same interpolation between the same knots, the same order of
 * the sums), in one loop that finds each node's knot from the previous node's instead of through an interface call and
 * the spectrum's bucket lookup per node: the CEvNS recoil tables and step pieces of configs/xenonnt-b8.yaml evaluate
 * ~10⁶ such nodes (docs/performance-history.md, "refrates"). Immutable; thread-safe.
 */
final class TabulatedNodeSum {
  private final double[] knotsMeV;
  private final double[] densitiesPerMeV;
  private final double[] nodes = new double[GaussLegendre.POINTS];
  private final double[] weights = new double[GaussLegendre.POINTS];

  TabulatedNodeSum(TabulatedSpectrum spectrum) {
    knotsMeV = spectrum.knotEnergiesMeV();
    densitiesPerMeV = spectrum.knotDensitiesPerMeV();
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      nodes[i] = GaussLegendre.node(i);
      weights[i] = GaussLegendre.weight(i);
    }
  }

  /**
   * ∫ φ(E) {@code f}(E) dE over [{@code lower}, {@code upper}] on {@code panels} equal panels of 16-point
   * Gauss–Legendre; needs lower &lt; upper and panels &ge; 1.
   */
  double integrate(DoubleUnaryOperator f, double lower, double upper, int panels) {
    double[] e = knotsMeV;
    double[] d = densitiesPerMeV;
    int n = e.length;
    double min = e[0];
    double max = e[n - 1];
    int k = Arrays.binarySearch(e, Math.min(Math.max(lower, min), max));
    int i = Math.max(0, k >= 0 ? k : -k - 2);
    double width = (upper - lower) / panels;
    double half = 0.5 * width;
    double sum = 0;
    for (int p = 0; p < panels; p++) {
      double mid = lower + (p + 0.5) * width;
      double panel = 0;
      for (int m = 0; m < nodes.length; m++) {
        double x = mid + half * nodes[m];
        double phi;
        if (!(x >= min && x <= max)) {
          phi = 0.0;
        } else {
          // the largest i with E_i <= x, within [0, n − 2]: TabulatedSpectrum's segment
          while (i + 1 < n && e[i + 1] <= x) {
            i++;
          }
          while (i > 0 && e[i] > x) {
            i--;
          }
          int s = Math.min(i, n - 2);
          double t = (x - e[s]) / (e[s + 1] - e[s]);
          phi = d[s] + t * (d[s + 1] - d[s]);
        }
        panel += weights[m] * (phi * f.applyAsDouble(x));
      }
      sum += panel * half;
    }
    return sum;
  }
}
