package org.cevns.generator.sample;

/**
 * A distribution of neutrino energy on a node grid: cell j = [E_j, E_{j+1}] has probability ∝ its Simpson
 * integral h/6 (f_L + 4 f_M + f_R) of the target density f (one-sided end values, so jumps at nodes are
 * exact), and inside the cell a linear density with end ratio f_R : f_L ({@link LinearCell}). Cells are chosen
 * by Walker's alias method ({@link AliasTable}; one uniform per choice).
 */
final class EnergyCells {
  private final double[] nodesMeV;
  private final double[] probability;
  private final double[] cumulative;
  private final double[] beta;
  private final double total;
  private final double[] threshold;
  private final int[] alias;

  private EnergyCells(double[] nodesMeV, double[] probability, double[] beta, double total) {
    this.nodesMeV = nodesMeV;
    this.probability = probability;
    this.beta = beta;
    this.total = total;
    this.cumulative = new double[probability.length + 1];
    for (int j = 0; j < probability.length; j++) {
      cumulative[j + 1] = cumulative[j] + probability[j];
    }
    this.threshold = new double[probability.length];
    this.alias = new int[probability.length];
    if (total > 0.0) {
      AliasTable.build(probability, threshold, alias);
    }
  }

  /**
   * Cells from the target density's values at each cell's left end (from the right), middle, and right end
   * (from the left). All values must be finite and &ge; 0.
   */
  static EnergyCells of(double[] nodesMeV, double[] left, double[] mid, double[] right) {
    int cells = nodesMeV.length - 1;
    double[] mass = new double[cells];
    double[] beta = new double[cells];
    double total = 0.0;
    for (int j = 0; j < cells; j++) {
      double h = nodesMeV[j + 1] - nodesMeV[j];
      mass[j] = h / 6.0 * (left[j] + 4.0 * mid[j] + right[j]);
      beta[j] = LinearCell.beta(left[j], right[j]);
      total += mass[j];
    }
    if (total > 0.0) {
      for (int j = 0; j < cells; j++) {
        mass[j] /= total;
      }
    }
    return new EnergyCells(nodesMeV, mass, beta, total);
  }

  /** Sum of the cell integrals of the target density (its integral over the grid). */
  double total() {
    return total;
  }

  /** The cell chosen by uniform {@code r} ∈ [0, 1) (only when {@link #total()} &gt; 0). */
  int cell(double r) {
    return AliasTable.choose(r, threshold, alias);
  }

  /** Shape parameter of cell j. */
  double beta(int cell) {
    return beta[cell];
  }

  /** Energy in MeV at position x ∈ [0, 1] of cell j, never outside the cell. */
  double energyMeV(int cell, double x) {
    double lo = nodesMeV[cell];
    double hi = nodesMeV[cell + 1];
    return Math.min(hi, lo + x * (hi - lo));
  }

  /** Normalised model density per MeV at position x of cell j. */
  double densityPerMeV(int cell, double x) {
    return probability[cell] / (nodesMeV[cell + 1] - nodesMeV[cell]) * LinearCell.density(beta[cell], x);
  }

  /** Model CDF at {@code energyMeV} (for tests). */
  double cdf(double energyMeV) {
    if (energyMeV <= nodesMeV[0]) {
      return 0.0;
    }
    int cells = probability.length;
    if (energyMeV >= nodesMeV[cells]) {
      return 1.0;
    }
    int lo = 0;
    int hi = cells;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (nodesMeV[mid] <= energyMeV) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double h = nodesMeV[lo + 1] - nodesMeV[lo];
    double x = h > 0.0 ? (energyMeV - nodesMeV[lo]) / h : 1.0;
    return cumulative[lo] + probability[lo] * LinearCell.cdf(beta[lo], x);
  }
}
