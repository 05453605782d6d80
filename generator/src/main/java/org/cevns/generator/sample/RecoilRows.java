package org.cevns.generator.sample;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.cevns.generator.xs.RecoilCrossSection;

/**
 * Conditional recoil tables: for each neutrino-energy node E_i, the envelope dσ/dT(E_i, T) on the recoil window
 * [T_lo, b_i], b_i = min(T_hi, T_max(E_i)), as a distribution of u = (T − T_lo)/(b_i − T_lo) ∈ [0, 1].
 *
 * <p>Each row has {@code cells} cells of <i>equal probability</i> 1/cells whose edges are the quantiles of the
 * envelope, and a linear density inside each cell with the slope of the envelope at the cell edges
 * ({@link LinearCell}). A cell is therefore chosen by one multiplication (no alias or search), and the only
 * approximation is the linear shape inside a cell of mass 1/cells.
 *
 * <p>Construction per row: the envelope is integrated on {@code pilot} equal u-intervals by 4-point
 * Gauss–Legendre (commons-math3); the quantiles are found on the cubic Hermite interpolant of the cumulative
 * integral (values and derivatives at the pilot points), then the envelope is evaluated at every quantile.
 * Edges and slopes are stored as floats (relative precision 6·10⁻⁸, far below the shape approximation), in
 * one interleaved array u₀, β₀, u₁, β₁, …, u_n per row so that one sample touches one cache line.
 */
final class RecoilRows {
  private static final GaussIntegrator GAUSS4 = new GaussIntegratorFactory().legendre(4);

  private final int cells;
  private final int stride;
  private final float[] data;
  private final double[] envelopeXsCm2;

  private RecoilRows(int cells, float[] data, double[] envelopeXsCm2) {
    this.cells = cells;
    this.stride = 2 * cells + 1;
    this.data = data;
    this.envelopeXsCm2 = envelopeXsCm2;
  }

  /** Builds one row per energy node. */
  static RecoilRows build(
      RecoilCrossSection xs, double[] energyNodesMeV, double minRecoilMeV, double maxRecoilMeV, int cells) {
    int stride = 2 * cells + 1;
    float[] data = new float[energyNodesMeV.length * stride];
    double[] envelope = new double[energyNodesMeV.length];
    int pilot = Math.max(64, cells / 2);
    double[] density = new double[pilot + 1];
    double[] cumulative = new double[pilot + 1];
    double[] nodeDensity = new double[cells + 1];
    for (int i = 0; i < energyNodesMeV.length; i++) {
      envelope[i] = buildRow(xs, energyNodesMeV[i], minRecoilMeV, maxRecoilMeV, cells, data, i * stride,
          density, cumulative, nodeDensity);
    }
    return new RecoilRows(cells, data, envelope);
  }

  /** Fills one row; returns ∫ envelope dT over the window in cm² (0 for an empty row, filled uniform). */
  private static double buildRow(
      RecoilCrossSection xs, double energyMeV, double lo, double maxRecoilMeV, int cells, float[] data,
      int base, double[] density, double[] cumulative, double[] nodeDensity) {
    double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energyMeV));
    double width = hi - lo;
    int pilot = density.length - 1;
    double total = 0.0;
    if (width > 0.0) {
      double du = 1.0 / pilot;
      for (int p = 0; p <= pilot; p++) {
        density[p] = envelope(xs, energyMeV, p == pilot ? hi : lo + p * du * width);
      }
      cumulative[0] = 0.0;
      for (int p = 0; p < pilot; p++) {
        double sum = 0.0;
        for (int g = 0; g < GAUSS4.getNumberOfPoints(); g++) {
          double u = (p + 0.5 * (1.0 + GAUSS4.getPoint(g))) * du;
          sum += GAUSS4.getWeight(g) * envelope(xs, energyMeV, lo + u * width);
        }
        cumulative[p + 1] = cumulative[p] + 0.5 * du * sum;
      }
      total = cumulative[pilot];
    }
    if (!(total > 0.0)) {
      for (int k = 0; k <= cells; k++) {
        data[base + 2 * k] = (float) ((double) k / cells);
        if (k < cells) {
          data[base + 2 * k + 1] = 0.0f;
        }
      }
      return 0.0;
    }
    double du = 1.0 / pilot;
    nodeDensity[0] = density[0];
    nodeDensity[cells] = density[pilot];
    data[base] = 0.0f;
    data[base + 2 * cells] = 1.0f;
    int p = 0;
    double previousU = 0.0;
    for (int k = 1; k < cells; k++) {
      double target = total * k / cells;
      while (p < pilot - 1 && cumulative[p + 1] < target) {
        p++;
      }
      double t = solveHermite(cumulative[p], cumulative[p + 1], density[p] * du, density[p + 1] * du, target);
      double u = Math.max(previousU, Math.min(1.0, (p + t) * du));
      previousU = u;
      data[base + 2 * k] = (float) u;
      nodeDensity[k] = envelope(xs, energyMeV, lo + u * width);
    }
    for (int k = 0; k < cells; k++) {
      data[base + 2 * k + 1] = (float) LinearCell.beta(nodeDensity[k], nodeDensity[k + 1]);
    }
    return total * width;
  }

  /** Envelope clipped at 0 (rounding can make a kinematic factor slightly negative at T_max). */
  private static double envelope(RecoilCrossSection xs, double energyMeV, double recoilMeV) {
    return Math.max(0.0, xs.envelopeXsCm2PerMeV(energyMeV, recoilMeV));
  }

  /**
   * t ∈ [0, 1] where the cubic Hermite interpolant with H(0) = c0, H(1) = c1, H'(0) = s0, H'(1) = s1 equals
   * target ∈ [c0, c1]: safeguarded Newton iteration.
   */
  static double solveHermite(double c0, double c1, double s0, double s1, double target) {
    double lo = 0.0;
    double hi = 1.0;
    double span = c1 - c0;
    double t = span > 0.0 ? Math.min(1.0, Math.max(0.0, (target - c0) / span)) : 0.5;
    for (int iteration = 0; iteration < 60; iteration++) {
      double t2 = t * t;
      double t3 = t2 * t;
      double h = c0 * (2 * t3 - 3 * t2 + 1) + s0 * (t3 - 2 * t2 + t) + c1 * (-2 * t3 + 3 * t2) + s1 * (t3 - t2);
      double dh = c0 * (6 * t2 - 6 * t) + s0 * (3 * t2 - 4 * t + 1) + c1 * (-6 * t2 + 6 * t) + s1 * (3 * t2 - 2 * t);
      double f = h - target;
      if (f == 0.0) {
        return t;
      }
      if (f < 0.0) {
        lo = t;
      } else {
        hi = t;
      }
      double next = t - f / dh;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - t) <= 1e-15) {
        return next;
      }
      t = next;
    }
    return t;
  }

  /** u ∈ [0, 1] drawn from row {@code row} using one uniform {@code r} ∈ [0, 1). */
  double sampleU(int row, double r) {
    double q = r * cells;
    int k = Math.min((int) q, cells - 1);
    double v = LinearCell.sample(data[row * stride + 2 * k + 1], 1.0 - (q - k));
    int at = row * stride + 2 * k;
    double u0 = data[at];
    return u0 + v * (data[at + 2] - u0);
  }

  /** Model CDF of u in row {@code row} (for tests). */
  double cdfU(int row, double u) {
    if (u <= 0.0) {
      return 0.0;
    }
    if (u >= 1.0) {
      return 1.0;
    }
    int base = row * stride;
    int lo = 0;
    int hi = cells;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (data[base + 2 * mid] <= u) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double u0 = data[base + 2 * lo];
    double u1 = data[base + 2 * lo + 2];
    double x = u1 > u0 ? (u - u0) / (u1 - u0) : 1.0;
    return (lo + LinearCell.cdf(data[base + 2 * lo + 1], x)) / cells;
  }

  /** ∫ envelope dT over the window at node {@code row}, in cm². */
  double envelopeXsCm2(int row) {
    return envelopeXsCm2[row];
  }

  /** Number of equal-probability cells per row. */
  int cells() {
    return cells;
  }
}
