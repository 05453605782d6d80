package org.cevns.detsim.sim;

import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.GaussLegendre;

/**
 * g(T) = ∫ φ(E) dσ/dT(E, T) dE of {@link ExpectedDetected} for one spectrum at many recoil energies T, with φ
 * evaluated once per Gauss–Legendre node of the intervals that do not depend on T.
 *
 * <p>For a spectrum with few breakpoints the E integral runs over [lo(T), b₁], [b₁, b₂], …, [b_k, E_max], where
 * lo(T) = max(E_min, E_min(T)) and b₁ &lt; … &lt; b_k are the distinct breakpoints above lo(T): every interval but
 * the first is the same for every T whose lo(T) lies below it. Their nodes are the same doubles for every T, and so
 * are φ's values there: they are computed on first use and kept (a reactor spectrum is a sum of exponentials of
 * polynomials, several times the cost of dσ/dT at fixed T; ~70 % of its evaluations in a recoil table of 401 nodes
 * are in these intervals). The integrals are added in the order of {@link GaussLegendre#integrate(DoubleUnaryOperator,
 * double[], int)} with the same integrand values, so each g(T) is the same double as before. Not thread-safe: one
 * per recoil table.
 */
final class SpectrumNodeDensities {
  private final EnergySpectrum spectrum;
  /** The distinct breakpoints below E_max, ascending, then E_max. */
  private final double[] edges;
  /** φ at the nodes of [edges[j], edges[j + 1]] in the order the integration visits them; null until needed. */
  private final double[][] densities;
  private final int panels;

  SpectrumNodeDensities(EnergySpectrum spectrum, double[] sortedBreakpoints, int panelsPerInterval) {
    this.spectrum = spectrum;
    this.panels = panelsPerInterval;
    double hi = spectrum.maxEnergyMeV();
    double[] e = new double[sortedBreakpoints.length + 1];
    int n = 0;
    for (double b : sortedBreakpoints) {
      if (b < hi && (n == 0 || b > e[n - 1])) {
        e[n++] = b;
      }
    }
    e[n++] = hi;
    this.edges = java.util.Arrays.copyOf(e, n);
    this.densities = new double[n - 1][];
  }

  /**
   * ∫ φ(E) f(E) dE from {@code lo} to E_max split at the breakpoints above {@code lo}, with {@code atT} = f:
   * the value of {@code GaussLegendre.integrate(E -> φ(E) f(E), edges, panels)} for edges lo, the breakpoints in
   * (lo, E_max), E_max. Needs lo &lt; E_max. Each interval summed in one loop with the nodes, weights and order of sums
   * of {@link GaussLegendre#integrate(DoubleUnaryOperator, double, double, int)} (the same double, without two calls
   * through an interface per node: refrates4, thirty-third session).
   */
  double integrate(double lo, DoubleUnaryOperator atT) {
    int first = firstEdgeAbove(lo);
    double sum = 0;
    sum += interval(null, atT, lo, edges[first]);
    for (int j = first; j + 1 < edges.length; j++) {
      sum += interval(densities(j), atT, edges[j], edges[j + 1]);
    }
    return sum;
  }

  /** The first breakpoint index whose edge lies above {@code lo} (the last edge if none). */
  private int firstEdgeAbove(double lo) {
    int first = 0;
    while (first < edges.length - 1 && !(edges[first] > lo)) {
      first++;
    }
    return first;
  }

  /** GaussLegendre.integrate(E -> φ(E) f(E), lo, hi, panels), φ at the nodes from {@code phi} (null: computed here). */
  private double interval(double[] phi, DoubleUnaryOperator f, double lo, double hi) {
    double width = (hi - lo) / panels;
    double half = 0.5 * width;
    double sum = 0;
    for (int p = 0; p < panels; p++) {
      double mid = lo + (p + 0.5) * width;
      double panel = 0;
      for (int i = 0; i < GaussLegendre.POINTS; i++) {
        double x = mid + half * GaussLegendre.node(i);
        double density = phi == null ? spectrum.densityPerMeV(x) : phi[p * GaussLegendre.POINTS + i];
        panel += GaussLegendre.weight(i) * (density * f.applyAsDouble(x));
      }
      sum += panel * half;
    }
    return sum;
  }

  /**
   * For each k with {@code factors[k]} ≠ 0, {@code out[k]} = {@link #integrate}(lo, E -&gt; f(E) == 0 ? 0 : f(E) ×
   * factors[k]), the same double, with φ and f evaluated once per node for all k (the EvES tables of one spectrum on
   * several elements, {@link EvesTableGroup}: f the free-electron dσ/dT at T, the factors Z_eff(T)); {@code out[k]} = 0
   * where {@code factors[k]} = 0. Each interval's integral is summed in one loop with the nodes, weights and order of
   * sums of {@link GaussLegendre#integrate(DoubleUnaryOperator, double, double, int)} (as {@link TabulatedNodeSum}),
   * without a call through an interface per node and factor. Not thread-safe (the scratch arrays are this object's).
   */
  void integrateScaled(double lo, DoubleUnaryOperator f, int[] factors, double[] out) {
    int first = firstEdgeAbove(lo);
    java.util.Arrays.fill(out, 0.0);
    addScaled(null, f, factors, lo, edges[first], out);
    for (int j = first; j + 1 < edges.length; j++) {
      addScaled(densities(j), f, factors, edges[j], edges[j + 1], out);
    }
  }

  private double[] fAt = new double[0];
  private double[] phiAt = new double[0];
  private double[] intervalSums = new double[0];
  private double[] panelSums = new double[0];

  /**
   * Adds to out[k] the integral over [lo, hi] of φ × (f == 0 ? 0 : f × factors[k]), φ at the nodes from {@code phi}
   * (null: φ computed here).
   */
  private void addScaled(double[] phi, DoubleUnaryOperator f, int[] factors, double lo, double hi, double[] out) {
    int nodes = panels * GaussLegendre.POINTS;
    if (fAt.length < nodes) {
      fAt = new double[nodes];
      phiAt = new double[nodes];
    }
    if (intervalSums.length < factors.length) {
      intervalSums = new double[factors.length];
      panelSums = new double[factors.length];
    }
    double width = (hi - lo) / panels;
    double half = 0.5 * width;
    java.util.Arrays.fill(intervalSums, 0, factors.length, 0.0);
    for (int p = 0; p < panels; p++) {
      double mid = lo + (p + 0.5) * width;
      for (int i = 0; i < GaussLegendre.POINTS; i++) {
        double x = mid + half * GaussLegendre.node(i);
        fAt[i] = f.applyAsDouble(x);
        phiAt[i] = phi == null ? spectrum.densityPerMeV(x) : phi[p * GaussLegendre.POINTS + i];
      }
      java.util.Arrays.fill(panelSums, 0, factors.length, 0.0);
      for (int i = 0; i < GaussLegendre.POINTS; i++) {
        double w = GaussLegendre.weight(i);
        double v = fAt[i];
        for (int k = 0; k < factors.length; k++) {
          panelSums[k] += w * (phiAt[i] * (v == 0 ? 0 : v * factors[k]));
        }
      }
      for (int k = 0; k < factors.length; k++) {
        intervalSums[k] += panelSums[k] * half;
      }
    }
    for (int k = 0; k < factors.length; k++) {
      if (factors[k] != 0) {
        out[k] += intervalSums[k];
      }
    }
  }

  private double[] densities(int j) {
    if (densities[j] == null) {
      double[] d = new double[panels * GaussLegendre.POINTS];
      int[] k = {0};
      GaussLegendre.integrate(x -> {
        d[k[0]++] = spectrum.densityPerMeV(x);
        return 0.0;
      }, edges[j], edges[j + 1], panels);
      densities[j] = d;
    }
    return densities[j];
  }
}
