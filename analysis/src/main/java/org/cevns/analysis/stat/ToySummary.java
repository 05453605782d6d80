package org.cevns.analysis.stat;

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

  /**
   * Summarises the columns of a toy table ({@code mu_hat}, {@code covered_68}, {@code converged} as 0/1,
   * {@code z}; one entry per toy).
   */
  public static ToySummary of(double muTrue, double[] mu, double[] cov, double[] conv, double[] z) {
    int rows = z.length;
    if (rows == 0 || mu.length != rows || cov.length != rows || conv.length != rows) {
      throw new IllegalArgumentException("toy columns must be non-empty and of equal length, got " + mu.length + ", "
          + cov.length + ", " + conv.length + ", " + rows);
    }
    int n = 0;
    int covered = 0;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < rows; i++) {
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
    return new ToySummary(rows, n, muTrue, c, n > 0 ? Math.sqrt(c * (1 - c) / n) : Double.NaN, mean, sd, q,
        (double) z3 / rows, (double) z5 / rows);
  }

  /**
   * Where an observed result falls among the toys: the fraction of toys (converged ones for μ̂, all for Z, as in
   * the summary) with a smaller value, ties counted half (the mid-rank quantile). With toys drawn at μ = 1, a Z
   * quantile near 0.5 means the data are as significant as expected.
   *
   * @param muHat the observed μ̂
   * @param z the observed Z = √q0
   * @param muHatQuantile fraction of the toys' μ̂ below {@code muHat}
   * @param zQuantile fraction of the toys' Z below {@code z}
   */
  public record Observed(double muHat, double z, double muHatQuantile, double zQuantile) {
    /** The quantiles of {@code muHat} and {@code z} among the toys' columns (as {@link ToySummary#of}). */
    public static Observed of(double muHat, double z, double[] toyMu, double[] toyConv, double[] toyZ) {
      if (toyMu.length != toyZ.length || toyConv.length != toyZ.length || toyZ.length == 0) {
        throw new IllegalArgumentException("toy columns must be non-empty and of equal length");
      }
      double below = 0;
      int n = 0;
      for (int i = 0; i < toyMu.length; i++) {
        if (toyConv[i] == 1) {
          n++;
          below += toyMu[i] < muHat ? 1 : toyMu[i] == muHat ? 0.5 : 0;
        }
      }
      double zBelow = 0;
      for (double v : toyZ) {
        zBelow += v < z ? 1 : v == z ? 0.5 : 0;
      }
      return new Observed(muHat, z, n > 0 ? below / n : Double.NaN, zBelow / toyZ.length);
    }
  }
  /**
   * Summary of a physics parameter of interest over the toys (converged toys only): coverage of its 68.27 %
   * profile interval, mean and standard deviation of the best fit, and the median half-widths of the interval
   * (the toys' expected precision, to compare with {@code sensitivity.json} {@code expected_precision}).
   *
   * @param name the parameter ({@code sin2_theta_w}, {@code rn_fm.Cs133}, …)
   * @param truth its true value
   * @param converged toys whose fit converged and whose interval was found
   * @param coverage68 fraction of those whose interval contains the true value
   * @param coverage68Error binomial error √(c(1 − c)/n)
   * @param mean mean best fit
   * @param std standard deviation of the best fit
   * @param medianMinus median of best − lower end
   * @param medianPlus median of upper end − best
   */
  public record Poi(String name, double truth, int converged, double coverage68, double coverage68Error, double mean,
      double std, double medianMinus, double medianPlus) {
    /** The summary of one POI's columns (one entry per toy; {@code covered} and {@code conv} as 0/1). */
    public static Poi of(String name, double truth, double[] best, double[] lower, double[] upper, double[] covered,
        double[] conv) {
      int rows = best.length;
      if (rows == 0 || lower.length != rows || upper.length != rows || covered.length != rows || conv.length != rows) {
        throw new IllegalArgumentException("columns of " + name + " must be non-empty and of equal length");
      }
      int n = 0;
      int c = 0;
      double sum = 0;
      double sum2 = 0;
      double[] minus = new double[rows];
      double[] plus = new double[rows];
      for (int i = 0; i < rows; i++) {
        if (conv[i] == 1) {
          c += (int) covered[i];
          sum += best[i];
          sum2 += best[i] * best[i];
          minus[n] = best[i] - lower[i];
          plus[n] = upper[i] - best[i];
          n++;
        }
      }
      double cov = n > 0 ? (double) c / n : Double.NaN;
      double mean = n > 0 ? sum / n : Double.NaN;
      double sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : Double.NaN;
      return new Poi(name, truth, n, cov, n > 0 ? Math.sqrt(cov * (1 - cov) / n) : Double.NaN, mean, sd,
          median(minus, n), median(plus, n));
    }

    private static double median(double[] v, int n) {
      if (n == 0) {
        return Double.NaN;
      }
      double[] x = Arrays.copyOf(v, n);
      Arrays.sort(x);
      return n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
    }
  }
}
