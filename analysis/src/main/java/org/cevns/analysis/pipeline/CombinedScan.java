package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The combination of independent profile-likelihood scans of the same parameters ({@code cevns combine}): the sum
 * of their −2Δln L on a common grid, measured again from its own minimum. The likelihood of independent experiments
 * is the product of theirs, so when no nuisance parameter is common to two of them the profile of the product is the
 * sum of the profiles, exactly. A nuisance that two experiments share (the SNS flux of COHERENT CsI and LAr) is
 * profiled separately in each scan, i.e. treated as uncorrelated: the sum is then not the joint profile, which
 * {@link JointFit} ({@code cevns combine --joint}) computes from one likelihood of both experiments.
 *
 * <p>Grids: a 1D combination runs over the range common to every input, at the union of their grid points there,
 * each input interpolated linearly between its own points ({@code interpolated} when the grids differ); 2D inputs
 * must have the same grid. The compatibility of the inputs is the parameter goodness of fit of Maltoni &amp; Schwetz
 * (PRD 68 (2003) 033020): χ²_PG = Σ_i Δχ²_i at the combined minimum (each Δχ²_i measured from its own best fit),
 * with (N − 1)·P degrees of freedom for N inputs of P parameters.
 *
 * @param names the parameters
 * @param grids the common grid of each parameter
 * @param curves each input's −2Δln L on the common grid (row-major over (first, second) for 2D), NaN where its scan
 *     point failed
 * @param deltaChi2 the combined −2Δln L on the grid, 0 at its lowest point
 * @param bestValues the combined best fit: the lowest grid point, refined by the parabola through it and its
 *     neighbours along each axis when it lies inside the grid
 * @param compatibilityChi2 χ²_PG, the sum of the inputs' −2Δln L at the lowest grid point of the sum
 * @param compatibilityDof (N − 1)·P
 * @param interpolated true if some input was interpolated onto the common grid
 */
public record CombinedScan(List<String> names, List<double[]> grids, List<double[]> curves, double[] deltaChi2,
    double[] bestValues, double compatibilityChi2, int compatibilityDof, boolean interpolated) {

  /**
   * One input: a scan's parameters, grid and −2Δln L.
   *
   * @param label the input's name in messages (its directory)
   * @param names one or two parameters
   * @param grids the grid of each parameter, increasing
   * @param deltaChi2 −2Δln L per point, row-major over (first, second) for 2D; NaN for a failed point
   */
  public record Input(String label, List<String> names, List<double[]> grids, double[] deltaChi2) {
    public Input {
      names = List.copyOf(names);
      grids = grids.stream().map(double[]::clone).toList();
      deltaChi2 = deltaChi2.clone();
      if (names.isEmpty() || names.size() > 2 || grids.size() != names.size()) {
        throw new IllegalArgumentException(label + ": a scan of one or two parameters, one grid each");
      }
      int n = 1;
      for (double[] g : grids) {
        for (int i = 1; i < g.length; i++) {
          if (!(g[i] > g[i - 1])) {
            throw new IllegalArgumentException(label + ": the grid of " + names.get(grids.indexOf(g))
                + " is not increasing at point " + (i + 1));
          }
        }
        if (g.length < 2) {
          throw new IllegalArgumentException(label + ": a grid needs at least 2 points");
        }
        n *= g.length;
      }
      if (deltaChi2.length != n) {
        throw new IllegalArgumentException(label + ": " + deltaChi2.length + " values for a grid of " + n + " points");
      }
    }
  }

  /** Combines {@code inputs} (at least two, the same parameters in the same order). */
  public static CombinedScan of(List<Input> inputs) {
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("combine: need at least two scans, got " + inputs.size());
    }
    Input first = inputs.get(0);
    for (Input in : inputs) {
      if (!in.names().equals(first.names())) {
        throw new IllegalArgumentException(in.label() + ": scans " + in.names() + ", but " + first.label() + " scans "
            + first.names() + "; combine scans of the same parameters (in the same order)");
      }
    }
    return first.names().size() == 1 ? oneD(inputs) : twoD(inputs);
  }

  private static CombinedScan oneD(List<Input> inputs) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (Input in : inputs) {
      double[] g = in.grids().get(0);
      lo = Math.max(lo, g[0]);
      hi = Math.min(hi, g[g.length - 1]);
    }
    String name = inputs.get(0).names().get(0);
    if (!(hi > lo)) {
      throw new IllegalArgumentException("combine: the grids of " + name + " have no common range (the inputs span "
          + ranges(inputs) + "); scan every input over a common range");
    }
    double tol = 1e-9 * (hi - lo);
    TreeSet<Double> points = new TreeSet<>();
    boolean same = true;
    double[] g0 = inputs.get(0).grids().get(0);
    for (Input in : inputs) {
      double[] g = in.grids().get(0);
      same &= g.length == g0.length && close(g, g0, tol);
      for (double v : g) {
        if (v >= lo - tol && v <= hi + tol && (points.isEmpty() || !near(points, v, tol))) {
          points.add(v);
        }
      }
    }
    double[] x = points.stream().mapToDouble(Double::doubleValue).toArray();
    if (x.length < 2) {
      throw new IllegalArgumentException("combine: the grids of " + name + " share fewer than 2 points in their"
          + " common range [" + lo + ", " + hi + "]");
    }
    List<double[]> curves = new ArrayList<>();
    for (Input in : inputs) {
      curves.add(same ? in.deltaChi2().clone() : interpolate(in.grids().get(0), in.deltaChi2(), x));
    }
    double[] sum = sum(curves, x.length);
    int m = lowest(sum, name);
    double chi2 = sum[m];
    double[] delta = relative(sum, chi2);
    double best = vertex(x, delta, m);
    return new CombinedScan(List.of(name), List.of(x), curves, delta, new double[] {best}, chi2,
        inputs.size() - 1, !same);
  }

  private static CombinedScan twoD(List<Input> inputs) {
    Input first = inputs.get(0);
    double[] x = first.grids().get(0);
    double[] y = first.grids().get(1);
    for (Input in : inputs) {
      double[] gx = in.grids().get(0);
      double[] gy = in.grids().get(1);
      if (gx.length != x.length || gy.length != y.length
          || !close(gx, x, 1e-9 * (x[x.length - 1] - x[0])) || !close(gy, y, 1e-9 * (y[y.length - 1] - y[0]))) {
        throw new IllegalArgumentException(in.label() + ": its 2D grid differs from " + first.label() + "'s; a 2D"
            + " combination needs the same grid in every input (the same --poi NAME=A:B:N twice)");
      }
    }
    List<double[]> curves = inputs.stream().map(in -> in.deltaChi2().clone()).toList();
    double[] sum = sum(curves, x.length * y.length);
    int m = lowest(sum, first.names().toString());
    double chi2 = sum[m];
    double[] delta = relative(sum, chi2);
    int i = m / y.length;
    int j = m % y.length;
    double[] alongX = new double[x.length];
    for (int a = 0; a < x.length; a++) {
      alongX[a] = delta[a * y.length + j];
    }
    double[] alongY = Arrays.copyOfRange(delta, i * y.length, (i + 1) * y.length);
    return new CombinedScan(first.names(), List.of(x.clone(), y.clone()), curves, delta,
        new double[] {vertex(x, alongX, i), vertex(y, alongY, j)}, chi2, 2 * (inputs.size() - 1), false);
  }

  /** The p-value of the compatibility χ²_PG (NaN without degrees of freedom). */
  public double compatibilityPValue() {
    return compatibilityDof > 0 ? ChiSquaredDistribution.of(compatibilityDof).survivalProbability(compatibilityChi2)
        : Double.NaN;
  }

  /**
   * The 1D profile of parameter {@code axis}: the curve itself for a 1D combination; for 2D the lowest −2Δln L over
   * the other parameter at each grid point (that parameter profiled on the grid).
   */
  public double[] profile(int axis) {
    if (names.size() == 1) {
      return deltaChi2.clone();
    }
    int nx = grids.get(0).length;
    int ny = grids.get(1).length;
    double[] p = new double[axis == 0 ? nx : ny];
    Arrays.fill(p, Double.NaN);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        double v = deltaChi2[i * ny + j];
        int k = axis == 0 ? i : j;
        if (Double.isFinite(v) && !(p[k] <= v)) {
          p[k] = v;
        }
      }
    }
    return p;
  }

  /** {@code y} of grid {@code g} at the points {@code x}, linearly; NaN where a neighbour is NaN. */
  static double[] interpolate(double[] g, double[] y, double[] x) {
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      int i = Arrays.binarySearch(g, x[k]);
      if (i >= 0) {
        out[k] = y[i];
        continue;
      }
      int hi = Math.min(Math.max(-i - 1, 1), g.length - 1);
      double t = (x[k] - g[hi - 1]) / (g[hi] - g[hi - 1]);
      out[k] = y[hi - 1] + t * (y[hi] - y[hi - 1]);
    }
    return out;
  }

  /** The abscissa of the vertex of the parabola through point {@code m} and its neighbours, if inside them. */
  static double vertex(double[] x, double[] y, int m) {
    if (m <= 0 || m >= x.length - 1 || !Double.isFinite(y[m - 1]) || !Double.isFinite(y[m + 1])) {
      return x[m];
    }
    double x0 = x[m - 1];
    double x1 = x[m];
    double x2 = x[m + 1];
    double d1 = (y[m] - y[m - 1]) / (x1 - x0);
    double d2 = (y[m + 1] - y[m]) / (x2 - x1);
    double curvature = (d2 - d1) / (x2 - x0);
    if (!(curvature > 0)) {
      return x1;
    }
    double v = 0.5 * (x0 + x1) - d1 / (2 * curvature);
    return Math.min(Math.max(v, x0), x2);
  }

  private static double[] sum(List<double[]> curves, int n) {
    double[] s = new double[n];
    for (double[] c : curves) {
      for (int k = 0; k < n; k++) {
        s[k] += c[k];
      }
    }
    return s;
  }

  private static int lowest(double[] s, String what) {
    int m = -1;
    for (int k = 0; k < s.length; k++) {
      if (Double.isFinite(s[k]) && (m < 0 || s[k] < s[m])) {
        m = k;
      }
    }
    if (m < 0) {
      throw new IllegalArgumentException("combine: no grid point of " + what + " where every input has a value");
    }
    return m;
  }

  private static double[] relative(double[] s, double min) {
    double[] d = new double[s.length];
    for (int k = 0; k < s.length; k++) {
      d[k] = Double.isFinite(s[k]) ? Math.max(s[k] - min, 0.0) : Double.NaN;
    }
    return d;
  }

  private static boolean close(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tol) {
        return false;
      }
    }
    return true;
  }

  private static boolean near(TreeSet<Double> s, double v, double tol) {
    Double f = s.floor(v);
    Double c = s.ceiling(v);
    return f != null && v - f <= tol || c != null && c - v <= tol;
  }

  private static String ranges(List<Input> inputs) {
    List<String> r = new ArrayList<>();
    for (Input in : inputs) {
      double[] g = in.grids().get(0);
      r.add(in.label() + " [" + g[0] + ", " + g[g.length - 1] + "]");
    }
    return String.join(", ", r);
  }
}
