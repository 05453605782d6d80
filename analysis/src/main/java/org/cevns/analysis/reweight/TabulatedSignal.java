package org.cevns.analysis.reweight;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.PhysicsParameter;

/**
 * The reweighted signal templates tabulated on a grid of the physics parameters and interpolated with natural
 * cubic splines per bin (commons-math3 {@link SplineInterpolator}; two parameters: splines in the first at each
 * node of the second, then a spline in the second), so that a fit evaluates the signal in O(bins) instead of
 * reweighting every event at every step. The grid spans each parameter's range with {@value #NODES_1D} nodes
 * (one parameter) or {@value #NODES_2D} per parameter (two; evaluated as Σ_ij u_i(x) v_j(y) t_ij with the
 * natural-spline weights u, v computed once per point, the same interpolant as nested splines at a fraction of
 * the cost, see docs/performance-history.md). A mediator mass over a decade or more has log-spaced nodes
 * ({@link NewPhysicsRanges#logNodes}; the splines are in m on those knots). The rates are smooth in these parameters (quadratic
 * in sin²θ_W; through the form factor in the radii), so the interpolation error is far below the templates'
 * statistical precision (tested against direct reweighting). Thread-safe.
 */
public final class TabulatedSignal {
  /** Grid nodes for one parameter. */
  public static final int NODES_1D = 41;
  /** Grid nodes per parameter for two. */
  public static final int NODES_2D = 21;

  private final SignalReweighter reweighter;
  private final double[][] nodes;
  private final SpectrumSet[] table;
  private final Map<SpectrumKey, Object> splines = new ConcurrentHashMap<>();

  private TabulatedSignal(SignalReweighter reweighter, List<PhysicsParameter> parameters) {
    this.reweighter = reweighter;
    int d = parameters.size();
    if (d < 1 || d > 2) {
      throw new IllegalArgumentException("at most two physics parameters can float at once, got "
          + parameters.stream().map(PhysicsParameter::name).toList());
    }
    int n = d == 1 ? NODES_1D : NODES_2D;
    nodes = new double[d][n];
    for (int a = 0; a < d; a++) {
      PhysicsParameter p = parameters.get(a);
      boolean log = NewPhysicsRanges.logNodes(p);
      for (int i = 0; i < n; i++) {
        nodes[a][i] = log ? p.lower() * Math.pow(p.upper() / p.lower(), (double) i / (n - 1))
            : p.lower() + (p.upper() - p.lower()) * i / (n - 1);
      }
      if (log) {
        nodes[a][n - 1] = p.upper();
      }
    }
    table = new SpectrumSet[d == 1 ? n : n * n];
    for (int i = 0; i < table.length; i++) {
      double[] v = d == 1 ? new double[] {nodes[0][i]} : new double[] {nodes[0][i / n], nodes[1][i % n]};
      table[i] = reweighter.at(v);
    }
  }

  /** Tabulates {@code reweighter} over the ranges of {@code parameters} (its names, same order). */
  public static TabulatedSignal of(SignalReweighter reweighter, List<PhysicsParameter> parameters) {
    return new TabulatedSignal(reweighter, parameters);
  }

  /**
   * The bins of key {@code k} at {@code values}, {@code bins} extracting the fit bins of a key's spectra (zeros
   * where the key has no events).
   */
  public double[] bins(SpectrumKey k, double[] values, Function<SpectrumSet, double[]> bins) {
    Object s = splines.computeIfAbsent(k, key -> build(bins));
    if (nodes.length == 1) {
      return ((Splines1d) s).at(clamp(values[0], nodes[0]), 0);
    }
    double[][] t = (double[][]) s;
    double[][] w = weights(clamp(values[0], nodes[0]), clamp(values[1], nodes[1]));
    double[] u = w[0];
    double[] v = w[1];
    int n = nodes[1].length;
    double[] out = new double[t[0].length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < n; j++) {
        double c = u[i] * v[j];
        double[] row = t[i * n + j];
        for (int b = 0; b < out.length; b++) {
          out[b] += c * row[b];
        }
      }
    }
    return out;
  }

  /**
   * One parameter: the bins of key {@code k} and their first and second derivatives in it at {@code values}, {value,
   * d1, d2} per bin (the natural cubic splines' own derivatives; at the ends of the range those of the end pieces);
   * null for two parameters.
   */
  public double[][] binsWithDerivatives(SpectrumKey k, double[] values, Function<SpectrumSet, double[]> bins) {
    if (nodes.length != 1) {
      return null;
    }
    Splines1d f = (Splines1d) splines.computeIfAbsent(k, key -> build(bins));
    double x = clamp(values[0], nodes[0]);
    return new double[][] {f.at(x, 0), f.at(x, 1), f.at(x, 2)};
  }

  /**
   * The per-bin natural cubic splines of one parameter over shared knots: the piece is found once per point, not once
   * per bin, and evaluated as commons-math3's {@link PolynomialSplineFunction#value} does (same piece, Horner's rule
   * on the same coefficients, so the same values).
   */
  record Splines1d(double[] knots, double[][][] coefficients) {
    static Splines1d of(PolynomialSplineFunction[] f) {
      double[][][] c = new double[f.length][][];
      for (int b = 0; b < f.length; b++) {
        var polys = f[b].getPolynomials();
        c[b] = new double[polys.length][];
        for (int j = 0; j < polys.length; j++) {
          c[b][j] = polys[j].getCoefficients();
        }
      }
      return new Splines1d(f[0].getKnots(), c);
    }

    /** The bins' values (order 0), first or second derivatives at x (inside the knots). */
    double[] at(double x, int order) {
      int j = java.util.Arrays.binarySearch(knots, x);
      if (j < 0) {
        j = -j - 2;
      }
      if (j >= knots.length - 1) {
        j--;
      }
      double dx = x - knots[j];
      double[] out = new double[coefficients.length];
      for (int b = 0; b < out.length; b++) {
        double[] c = coefficients[b][j];
        int n = c.length;
        double r;
        if (order == 0) {
          r = c[n - 1];
          for (int i = n - 2; i >= 0; i--) {
            r = dx * r + c[i];
          }
        } else if (order == 1) {
          r = 0;
          for (int i = n - 1; i >= 1; i--) {
            r = dx * r + i * c[i];
          }
        } else {
          r = 0;
          for (int i = n - 1; i >= 2; i--) {
            r = dx * r + i * (i - 1) * c[i];
          }
        }
        out[b] = r;
      }
      return out;
    }
  }

  /**
   * The weights of the two natural cubic splines at (x, y): a natural spline is linear in its node values, so
   * the tensor-product interpolant of every bin is Σ_ij u_i(x) v_j(y) t_ij with u_i (v_j) the spline through
   * the i-th (j-th) unit vector. Computed once per point (not per bin) and cached for the next bins and keys.
   */
  private double[][] weights(double x, double y) {
    Weights c = lastWeights;
    if (c != null && c.x() == x && c.y() == y) {
      return c.w();
    }
    double[][] w = {unitSplines(nodes[0], x), unitSplines(nodes[1], y)};
    lastWeights = new Weights(x, y, w);
    return w;
  }

  private record Weights(double x, double y, double[][] w) {}

  private volatile Weights lastWeights;

  static double[] unitSplines(double[] grid, double x) {
    SplineInterpolator si = new SplineInterpolator();
    double[] out = new double[grid.length];
    double[] e = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      e[i] = 1;
      out[i] = si.interpolate(grid, e).value(x);
      e[i] = 0;
    }
    return out;
  }

  private Object build(Function<SpectrumSet, double[]> bins) {
    SplineInterpolator si = new SplineInterpolator();
    double[][] t = new double[table.length][];
    for (int i = 0; i < table.length; i++) {
      t[i] = bins.apply(table[i]);
    }
    int nb = t[0].length;
    if (nodes.length == 1) {
      PolynomialSplineFunction[] f = new PolynomialSplineFunction[nb];
      double[] y = new double[nodes[0].length];
      for (int b = 0; b < nb; b++) {
        for (int i = 0; i < y.length; i++) {
          y[i] = t[i][b];
        }
        f[b] = si.interpolate(nodes[0], y);
      }
      return Splines1d.of(f);
    }
    return t; // two parameters: the node values, combined by weights(x, y)
  }

  private static double clamp(double v, double[] grid) {
    return Math.min(Math.max(v, grid[0]), grid[grid.length - 1]);
  }

  /** The reweighter tabulated. */
  public SignalReweighter reweighter() {
    return reweighter;
  }
}
