package org.cevns.generator.sample;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Conditional recoil tables: for each neutrino-energy node E_i, the envelope dσ/dT(E_i, T) on the recoil window
 * [T_lo, b_i], b_i = min(T_hi, T_max(E_i)), as a distribution of u = (T − T_lo)/(b_i − T_lo) ∈ [0, 1].
 *
 * <p>A row has {@code cells} cells; a cell has its exact probability and a linear density inside
 * ({@link LinearCell}) with the slope of the envelope at its edges. Cells are chosen by Walker's alias method
 * ({@link AliasTable}; one uniform gives the slot and the threshold test, branch-free). All rows live in one
 * flat array shared by all threads.
 *
 * <p>Construction per row: the envelope g(u) is evaluated at pilot + 1 equally spaced points (pilot =
 * max(64, cells/4)) and
 * integrated on each pilot interval by 4-point Gauss–Legendre (commons-math3); the cumulative C(u) is the cubic
 * Hermite interpolant of these integrals with derivative g (error ~Δ⁴ per pilot interval Δ). Cell edges are
 * close to the quantiles of the mixture G(u) = ½ C(u)/C(1) + ½ u (found by inverting G with a linear density
 * on the pilot interval), so that no cell is much wider than 2/cells (pure quantiles of C leave wide cells in
 * the low-density tail, where a linear shape is poor) and cells are narrow where the events are. Cell
 * probabilities are the differences of C at the edges, exact for the interpolant whatever the edges; the edge
 * densities are C'(u) of the interpolant. Cost: 5·pilot + 1 envelope evaluations per row. Values are stored as
 * floats (relative precision 6·10⁻⁸, far below the shape approximation), interleaved per cell as u_k, β_k,
 * threshold_k, alias_k (then u_n) so one draw touches one or two cache lines; memory (4·cells + 1) × 4 bytes
 * per row, 2 MB for 512 rows of 256 cells.
 *
 * <p>For cross sections {@linkplain RecoilCrossSection#steepAtMinRecoil() steep at their lower edge} (the 1/T
 * terms of a neutrino magnetic moment or millicharge, dipole upscattering) the row's window starts at
 * max(T_lo, {@link RecoilCrossSection#minRecoilMeV(double)}) and u = ln(T/lo)/ln(b/lo): the density in u,
 * g(T) T ln(b/lo), is then flat for a pure 1/T term, so the same cells and linear shapes stay accurate over
 * many decades of T.
 */
final class RecoilRows {
  /** Points of the Gauss–Legendre rule per pilot interval. */
  private static final int GAUSS_POINTS = 4;
  /** Position of each Gauss point in its pilot interval, 0.5 (1 + x_g), x_g the nodes on [−1, 1]. */
  private static final double[] GAUSS_OFFSET = new double[GAUSS_POINTS];
  /** Weights w_g of the rule on [−1, 1]. */
  private static final double[] GAUSS_WEIGHT = new double[GAUSS_POINTS];

  static {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(GAUSS_POINTS); // commons-math3, on [−1, 1]
    for (int g = 0; g < GAUSS_POINTS; g++) {
      GAUSS_OFFSET[g] = 0.5 * (1.0 + rule.getPoint(g));
      GAUSS_WEIGHT[g] = rule.getWeight(g);
    }
  }
  /** Weight of the uniform part of the cell-edge mixture G. */
  static final double UNIFORM_SHARE = 0.5;
  /** Floats per cell. */
  private static final int PER_CELL = 4;

  private final int cells;
  private final int stride;
  private final float[] data;
  private final double[] envelopeXsCm2;

  private RecoilRows(int cells, float[] data, double[] envelopeXsCm2) {
    this.cells = cells;
    this.stride = PER_CELL * cells + 1;
    this.data = data;
    this.envelopeXsCm2 = envelopeXsCm2;
  }

  /** Builds one row per energy node. */
  static RecoilRows build(
      RecoilCrossSection xs, double[] energyNodesMeV, double minRecoilMeV, double maxRecoilMeV, int cells) {
    int stride = PER_CELL * cells + 1;
    float[] data = new float[energyNodesMeV.length * stride];
    double[] envelope = new double[energyNodesMeV.length];
    RowWork work = new RowWork(Math.max(64, cells / 4), cells);
    for (int i = 0; i < energyNodesMeV.length; i++) {
      envelope[i] = buildRow(xs, energyNodesMeV[i], minRecoilMeV, maxRecoilMeV, data, i * stride, work);
    }
    return new RecoilRows(cells, data, envelope);
  }

  /** Scratch arrays reused across rows. */
  private static final class RowWork {
    final double[] density;
    final double[] cumulative;
    /**
     * The u of each envelope evaluation of a row (the same for every row): the pilot + 1 pilot points p du, then
     * the 4 Gauss points (p + 0.5 (1 + x_g)) du of each pilot interval.
     */
    final double[] u;
    /** The envelope (or the ln T density) at {@link #u}. */
    final double[] value;
    /** G(u) = (1 − a) C(u)/C(1) + a u at the pilot points. */
    final double[] mixture;
    final double[] edge;
    final double[] edgeDensity;
    final double[] mass;
    final double[] threshold;
    final int[] alias;
    final double[] scaled;
    final int[] small;
    final int[] large;

    RowWork(int pilot, int cells) {
      density = new double[pilot + 1];
      cumulative = new double[pilot + 1];
      u = new double[pilot + 1 + GAUSS_POINTS * pilot];
      value = new double[u.length];
      double du = 1.0 / pilot;
      for (int p = 0; p <= pilot; p++) {
        u[p] = p * du;
      }
      int k = pilot + 1;
      for (int p = 0; p < pilot; p++) {
        for (int g = 0; g < GAUSS_POINTS; g++) {
          u[k++] = (p + GAUSS_OFFSET[g]) * du;
        }
      }
      mixture = new double[pilot + 1];
      edge = new double[cells + 1];
      edgeDensity = new double[cells + 1];
      mass = new double[cells];
      threshold = new double[cells];
      alias = new int[cells];
      scaled = new double[cells];
      small = new int[cells];
      large = new int[cells];
    }
  }

  /**
   * Fills one row; returns ∫ envelope dT over the window in cm² (0 for an empty row, filled uniform). The work is
   * split into short methods with one loop each (envelope, integrals, edges): the envelope's code is
   * compiled into one small loop instead of four copies in one large method, which the JIT compiles at a
   * fraction of the cost (docs/performance-history.md, "Generate fixed cost (thirteenth session)").
   */
  private static double buildRow(RecoilCrossSection xs, double energyMeV, double lo, double maxRecoilMeV,
      float[] data, int base, RowWork w) {
    double hi = Math.min(maxRecoilMeV, xs.maxRecoilMeV(energyMeV));
    boolean steep = xs.steepAtMinRecoil();
    if (steep) {
      lo = Math.max(lo, xs.minRecoilMeV(energyMeV));
    }
    double width = hi - lo;
    // ln T map for cross sections steep at their lower edge: density g(T) T ln(hi/lo) in u (smooth for 1/T)
    double logRatio = steep && lo > 0.0 && width > 0.0 ? Math.log(hi / lo) : 0.0;
    int pilot = w.density.length - 1;
    double du = 1.0 / pilot;
    double total = 0.0;
    if (width > 0.0) {
      if (logRatio > 0.0) {
        logDensities(xs, energyMeV, lo, hi, logRatio, w);
      } else {
        envelopes(xs, energyMeV, lo, hi, width, pilot, w);
      }
      total = integrate(w, pilot, du);
    }
    if (!(total > 0.0)) {
      uniformRow(w);
      store(data, base, w);
      return 0.0;
    }
    placeEdges(w, pilot, du, total);
    store(data, base, w);
    return logRatio > 0.0 ? total : total * width;
  }

  /**
   * {@code w.value[i]} = the envelope (clipped at 0) at the recoil lo + u_i (hi − lo) of the linear map, with hi
   * exactly at the last pilot point.
   */
  private static void envelopes(RecoilCrossSection xs, double energyMeV, double lo, double hi, double width,
      int pilot, RowWork w) {
    double[] u = w.u;
    double[] value = w.value;
    for (int i = 0; i < u.length; i++) {
      value[i] = envelope(xs, energyMeV, i == pilot ? hi : lo + u[i] * width);
    }
  }

  /** {@code w.value[i]} = the density g(T) T ln(hi/lo) of the ln T map at T = lo (hi/lo)^u_i. */
  private static void logDensities(RecoilCrossSection xs, double energyMeV, double lo, double hi, double logRatio,
      RowWork w) {
    for (int i = 0; i < w.u.length; i++) {
      double t = recoilOf(lo, hi, logRatio, w.u[i]);
      w.value[i] = envelope(xs, energyMeV, t) * t * logRatio;
    }
  }

  /**
   * Pilot densities and the cumulative integral C on the pilot points (4-point Gauss–Legendre per interval) from
   * the evaluated values; returns C(1).
   */
  private static double integrate(RowWork w, int pilot, double du) {
    System.arraycopy(w.value, 0, w.density, 0, pilot + 1);
    int k = pilot + 1;
    for (int p = 0; p < pilot; p++) {
      double sum = 0.0;
      for (int g = 0; g < GAUSS_POINTS; g++) {
        sum += GAUSS_WEIGHT[g] * w.value[k++];
      }
      w.cumulative[p + 1] = w.cumulative[p] + 0.5 * du * sum;
    }
    return w.cumulative[pilot];
  }

  /** An empty row: equal cells with a flat density. */
  private static void uniformRow(RowWork w) {
    int cells = w.mass.length;
    for (int k = 0; k < cells; k++) {
      w.edge[k] = (double) k / cells;
      w.edgeDensity[k] = 1.0;
      w.mass[k] = 1.0;
    }
    w.edge[cells] = 1.0;
    w.edgeDensity[cells] = 1.0;
  }

  /** Edges at quantiles of G(u) = (1 − a) C(u)/C(1) + a u, on the cubic Hermite interpolant of C. */
  private static void placeEdges(RowWork w, int pilot, double du, double total) {
    int cells = w.mass.length;
    double a = UNIFORM_SHARE;
    double scale = (1.0 - a) / total;
    w.edge[0] = 0.0;
    w.edgeDensity[0] = w.density[0];
    w.edge[cells] = 1.0;
    w.edgeDensity[cells] = w.density[pilot];
    double[] mixture = w.mixture;
    for (int p = 0; p <= pilot; p++) {
      mixture[p] = scale * w.cumulative[p] + a * p * du;
    }
    double previousC = 0.0;
    int p = 0;
    for (int k = 1; k < cells; k++) {
      double target = (double) k / cells;
      while (p < pilot - 1 && mixture[p + 1] < target) {
        p++;
      }
      double g0 = mixture[p];
      double g1 = mixture[p + 1];
      double s0 = (scale * w.density[p] + a) * du;
      double s1 = (scale * w.density[p + 1] + a) * du;
      // Edge near the G-quantile by inverting G with a linear density on the pilot interval (no root
      // finding: the edge position is free, the cell probabilities below are exact for the interpolant).
      double t = g1 > g0 ? LinearCell.sample(LinearCell.beta(s0, s1), Math.max(Double.MIN_NORMAL,
          Math.min(1.0, (target - g0) / (g1 - g0)))) : 0.5;
      double u = Math.max(w.edge[k - 1], Math.min(1.0, (p + t) * du));
      w.edge[k] = u;
      double c = hermite(w.cumulative[p], w.cumulative[p + 1], w.density[p] * du, w.density[p + 1] * du, t);
      w.edgeDensity[k] = Math.max(0.0, hermiteSlope(w.cumulative[p], w.cumulative[p + 1],
          w.density[p] * du, w.density[p + 1] * du, t) / du);
      w.mass[k - 1] = Math.max(0.0, c - previousC);
      previousC = c;
    }
    w.mass[cells - 1] = Math.max(0.0, total - previousC);
  }

  /**
   * T of the ln T map at energy E: lo(E) (hi/lo(E))^u with lo(E) = max(T_lo, minRecoilMeV(E)); NaN (a redraw)
   * when the window at E is empty.
   */
  static double steepRecoil(RecoilCrossSection xs, double windowLowMeV, double hi, double energyMeV, double u) {
    double lo = Math.max(windowLowMeV, xs.minRecoilMeV(energyMeV));
    if (!(hi > lo)) {
      return Double.NaN;
    }
    return lo > 0.0 ? recoilOf(lo, hi, Math.log(hi / lo), u) : Math.min(hi, lo + u * (hi - lo));
  }

  /** T(u) = lo (hi/lo)^u of the ln T map, clamped to [lo, hi]. */
  static double recoilOf(double lo, double hi, double logRatio, double u) {
    return Math.max(lo, Math.min(hi, lo * Math.exp(u * logRatio)));
  }

  /** Writes edges, shapes and the alias table ({@link AliasTable}) of one row. */
  private static void store(float[] data, int base, RowWork w) {
    int cells = w.mass.length;
    AliasTable.build(w.mass, w.threshold, w.alias, w.scaled, w.small, w.large);
    for (int k = 0; k < cells; k++) {
      data[base + PER_CELL * k] = (float) w.edge[k];
      data[base + PER_CELL * k + 1] = (float) LinearCell.beta(w.edgeDensity[k], w.edgeDensity[k + 1]);
      data[base + PER_CELL * k + 2] = (float) w.threshold[k];
      data[base + PER_CELL * k + 3] = Float.intBitsToFloat(w.alias[k]); // raw int bits, read back exactly
    }
    data[base + PER_CELL * cells] = 1.0f;
  }

  /** Envelope clipped at 0 (rounding can make a kinematic factor slightly negative at T_max). */
  private static double envelope(RecoilCrossSection xs, double energyMeV, double recoilMeV) {
    return Math.max(0.0, xs.envelopeXsCm2PerMeV(energyMeV, recoilMeV));
  }

  /** Cubic Hermite interpolant on t ∈ [0, 1] with H(0) = c0, H(1) = c1, H'(0) = s0, H'(1) = s1. */
  static double hermite(double c0, double c1, double s0, double s1, double t) {
    double t2 = t * t;
    double t3 = t2 * t;
    return c0 * (2 * t3 - 3 * t2 + 1) + s0 * (t3 - 2 * t2 + t) + c1 * (-2 * t3 + 3 * t2) + s1 * (t3 - t2);
  }

  /** dH/dt of {@link #hermite}. */
  static double hermiteSlope(double c0, double c1, double s0, double s1, double t) {
    double t2 = t * t;
    return (c1 - c0) * (6 * t - 6 * t2) + s0 * (3 * t2 - 4 * t + 1) + s1 * (3 * t2 - 2 * t);
  }

  /**
   * u ∈ [0, 1] drawn from row {@code row}: {@code r1} ∈ [0, 1) chooses the cell (alias slot and threshold),
   * {@code r2} ∈ [0, 1) the position inside it.
   */
  double sampleU(int row, double r1, double r2) {
    return cellU(cellStart(row, r1), r2);
  }

  /**
   * First half of {@link #sampleU}: the index in the table of the cell of row {@code row} chosen by {@code r1}
   * (alias slot and threshold). The batch sampler looks up the cells of a chunk of pairs first and reads them in a
   * second pass, so that the table reads of many pairs are in flight at once.
   */
  int cellStart(int row, double r1) {
    double q = r1 * cells;
    int slot = Math.min((int) q, cells - 1);
    int base = row * stride;
    int at = base + PER_CELL * slot;
    long below = Double.doubleToRawLongBits((q - slot) - data[at + 2]) >>> 63; // 1 when frac < threshold
    int alias = Float.floatToRawIntBits(data[at + 3]);
    int cell = alias + (int) below * (slot - alias);
    return base + PER_CELL * cell;
  }

  /** Second half of {@link #sampleU}: u at position {@code r2} inside the cell at table index {@code at}. */
  double cellU(int at, double r2) {
    double u0 = data[at];
    double v = LinearCell.sample(data[at + 1], 1.0 - r2);
    return u0 + v * (data[at + PER_CELL] - u0);
  }

  /** Model CDF of u in row {@code row}, recovering cell probabilities from the alias table (tests; O(cells)). */
  double cdfU(int row, double u) {
    int base = row * stride;
    double[] mass = new double[cells];
    for (int k = 0; k < cells; k++) {
      double threshold = data[base + PER_CELL * k + 2];
      mass[k] += threshold;
      mass[Float.floatToRawIntBits(data[base + PER_CELL * k + 3])] += 1.0 - threshold;
    }
    double sum = 0.0;
    for (int k = 0; k < cells; k++) {
      double u0 = data[base + PER_CELL * k];
      double u1 = data[base + PER_CELL * (k + 1)];
      if (u >= u1) {
        sum += mass[k];
      } else {
        if (u > u0) {
          sum += mass[k] * LinearCell.cdf(data[base + PER_CELL * k + 1], (u - u0) / (u1 - u0));
        }
        break;
      }
    }
    return sum / cells;
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
