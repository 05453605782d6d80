package org.cevns.analysis.report;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary of a toy table: coverage of the 68.27 % profile interval (with its binomial error), bias and spread
 * of μ̂, and the median expected discovery significance with its ±1σ and ±2σ bands (the 15.87/84.13 % and
 * 2.275/97.725 % quantiles of the toys' Z = √q0, Z = 0 for μ̂ &lt; 0). Coverage and μ̂ use converged toys only;
 * the Z quantiles use all toys (a failed interval does not invalidate q0).
 *
 * @param toys toys in the table
 * @param converged toys whose fit converged and whose interval was found
 * @param muTrue the true μ
 * @param coverage68 fraction of converged toys whose interval contains μ_true
 * @param coverage68Error binomial error √(c(1 − c)/n)
 * @param muHatMean mean μ̂
 * @param muHatStd standard deviation of μ̂
 * @param zQuantiles Z at the quantiles {@link #QUANTILES} (−2σ, −1σ, median, +1σ, +2σ)
 * @param fractionZ3 fraction of toys with Z ≥ 3
 * @param fractionZ5 fraction of toys with Z ≥ 5
 */
public record ToySummary(int toys, int converged, double muTrue, double coverage68, double coverage68Error,
    double muHatMean, double muHatStd, double[] zQuantiles, double fractionZ3, double fractionZ5) {
  /** Quantiles of the significance band: Φ(−2), Φ(−1), 0.5, Φ(1), Φ(2). */
  public static final double[] QUANTILES = {0.022750131948179, 0.158655253931457, 0.5, 0.841344746068543,
      0.977249868051821};

  /** The median expected significance. */
  public double medianZ() {
    return zQuantiles[2];
  }

  /** Summarises a toy table. */
  public static ToySummary of(ToyTable.Columns t) {
    double[] conv = t.get("converged");
    double[] cov = t.get("covered_68");
    double[] mu = t.get("mu_hat");
    double[] z = t.get("z");
    double muTrue = t.get("mu_true")[0];
    int n = 0;
    int covered = 0;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < t.rows(); i++) {
      if (conv[i] == 1) {
        n++;
        covered += (int) cov[i];
        sum += mu[i];
        sum2 += mu[i] * mu[i];
      }
    }
    double c = n > 0 ? (double) covered / n : Double.NaN;
    double mean = n > 0 ? sum / n : Double.NaN;
    double sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : Double.NaN;
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    double[] q = new double[QUANTILES.length];
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(sorted);
    for (int i = 0; i < q.length; i++) {
      q[i] = p.evaluate(100 * QUANTILES[i]);
    }
    long z3 = Arrays.stream(z).filter(v -> v >= 3).count();
    long z5 = Arrays.stream(z).filter(v -> v >= 5).count();
    return new ToySummary(t.rows(), n, muTrue, c, n > 0 ? Math.sqrt(c * (1 - c) / n) : Double.NaN, mean, sd, q,
        (double) z3 / t.rows(), (double) z5 / t.rows());
  }
}
