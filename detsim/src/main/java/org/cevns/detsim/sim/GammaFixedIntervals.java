package org.cevns.detsim.sim;

import java.util.Arrays;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.physics.xs.GaussLegendre;

/**
 * The Gamma integral of {@link DetectionCurve} on the intervals between the efficiencies' points, with the points'
 * efficiencies and logarithms computed once per curve. The integral of a light-yield curve at E_vis runs over
 * [lo, top] split at the efficiencies' PE points; every interval between two consecutive points (and [0, the first
 * point] when lo is 0, as for every E_vis below ~6 keVee with the COHERENT CsI[Na] response) has the same
 * Gauss–Legendre points x at every E_vis, where ε(x/LY, x) and ln x are the same doubles: only the Gamma density's
 * exp depends on E_vis there. The grid nodes of reference.yaml's CsI curve (~2,700 of them, up to ~15 such intervals
 * each) evaluated the efficiencies (a logistic's exp, an erf trigger's erfc, a threshold, a dead time) and ln x at
 * every point again (docs/performance-history.md, "refrates5 (thirty-fourth session)").
 *
 * <p>{@link #integrate} is the same double as {@code GaussLegendre.integrate(f, edges, panels)} with f the integrand of
 * {@link DetectionCurve}: the same points, the same products, the same order of the sums (intervals not between two
 * points go through {@code GaussLegendre.integrate} with f itself). Immutable after construction: read by the
 * prefill tasks of all cores.
 */
final class GammaFixedIntervals {
  /** At most this many intervals are kept (a tabulated efficiency of many points: the direct integral). */
  static final int MAX_INTERVALS = 256;

  private final DetectorResponse response;
  private final double yield;
  private final int panels;
  /** Left ends of the kept intervals (0, then the positive points but the last), sorted, distinct. */
  private final double[] lowers;
  /** Right ends: the positive points. */
  private final double[] uppers;
  /** Per interval, in {@code GaussLegendre.integrate}'s order (panel by panel, node by node): x, ln x, ε. */
  private final double[][] xs;
  private final double[][] logXs;
  private final double[][] effs;

  /**
   * @param pointsPe the efficiencies' points in PE, sorted ({@link DetectionCurve}'s); the non-positive and
   *     non-finite ones are not interval ends (the integrand is 0 for x &le; 0)
   */
  GammaFixedIntervals(DetectorResponse response, double yield, double[] pointsPe, int panels) {
    this.response = response;
    this.yield = yield;
    this.panels = panels;
    double[] ends = Arrays.stream(pointsPe).filter(b -> b > 0 && Double.isFinite(b)).distinct().sorted().toArray();
    int n = ends.length > MAX_INTERVALS ? 0 : ends.length;
    lowers = new double[n];
    uppers = Arrays.copyOf(ends, n);
    xs = new double[n][];
    logXs = new double[n][];
    effs = new double[n][];
    for (int k = 0; k < n; k++) {
      lowers[k] = k == 0 ? 0.0 : ends[k - 1];
      double width = (uppers[k] - lowers[k]) / panels;
      double half = 0.5 * width;
      double[] x = new double[panels * GaussLegendre.POINTS];
      for (int p = 0; p < panels; p++) {
        double mid = lowers[k] + (p + 0.5) * width;
        for (int i = 0; i < GaussLegendre.POINTS; i++) {
          x[p * GaussLegendre.POINTS + i] = mid + half * GaussLegendre.node(i);
        }
      }
      xs[k] = x;
      logXs[k] = new double[x.length];
      effs[k] = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        logXs[k][j] = Math.log(x[j]);
        effs[k][j] = x[j] <= 0 ? 0.0 : response.detectionProbability(x[j] / yield, x[j]);
      }
    }
  }

  /**
   * ∫ Gamma(x; shape, scale) ε(x/LY, x) dx over the intervals of {@code edges} (non-decreasing), the density written
   * exp((shape − 1) ln x − x/scale + logNorm); {@code skipZeros}: a point of efficiency 0 adds 0.0 without its
   * density ({@link DetectionCurve#densityFinite}).
   */
  double integrate(double[] edges, double shape, double scale, double logNorm, boolean skipZeros) {
    double sum = 0;
    for (int i = 0; i + 1 < edges.length; i++) {
      double lower = edges[i];
      double upper = edges[i + 1];
      if (upper > lower) {
        int k = Arrays.binarySearch(lowers, lower);
        sum += k >= 0 && uppers[k] == upper ? kept(k, lower, upper, shape, scale, logNorm, skipZeros)
            : GaussLegendre.integrate(x -> direct(x, shape, scale, logNorm, skipZeros), lower, upper, panels);
      } else if (upper < lower) {
        throw new IllegalArgumentException("Gauss-Legendre edges: must be non-decreasing, got " + lower + " then "
            + upper);
      }
    }
    return sum;
  }

  /** The integrand at x, every factor evaluated. */
  private double direct(double x, double shape, double scale, double logNorm, boolean skipZeros) {
    if (x <= 0) {
      return 0.0;
    }
    double eff = response.detectionProbability(x / yield, x);
    if (eff == 0 && skipZeros) {
      return 0.0; // below the thresholds: +0.0, as the finite density times 0, without its log and exp
    }
    return Math.exp((shape - 1) * Math.log(x) - x / scale + logNorm) * eff;
  }

  /** {@code GaussLegendre.integrate} of the integrand over kept interval k (= [lower, upper]) from its kept values. */
  private double kept(int k, double lower, double upper, double shape, double scale, double logNorm,
      boolean skipZeros) {
    double[] x = xs[k];
    double[] logX = logXs[k];
    double[] eff = effs[k];
    double half = 0.5 * ((upper - lower) / panels);
    double sum = 0;
    int j = 0;
    for (int p = 0; p < panels; p++) {
      double panel = 0;
      for (int i = 0; i < GaussLegendre.POINTS; i++, j++) {
        double f;
        if (x[j] <= 0 || eff[j] == 0 && skipZeros) {
          f = 0.0;
        } else {
          f = Math.exp((shape - 1) * logX[j] - x[j] / scale + logNorm) * eff[j];
        }
        panel += GaussLegendre.weight(i) * f;
      }
      sum += panel * half;
    }
    return sum;
  }
}
