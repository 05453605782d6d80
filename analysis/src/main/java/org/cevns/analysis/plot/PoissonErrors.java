package org.cevns.analysis.plot;

import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Error bars on counts from the Garwood (1936) central confidence interval of a Poisson mean, at the
 * one-sigma level 68.27 %: for n observed, lower = Γ⁻¹(α/2; n) and upper = Γ⁻¹(1 − α/2; n + 1) with
 * α = 1 − 0.6827 (PDG, Review of Particle Physics, "Statistics", Poisson intervals; exact for integer n,
 * the same formula is used for effective counts). Unlike √n it does not vanish on an empty bin
 * (0 +1.84 −0) and is asymmetric on small counts (1 +2.30 −0.83).
 *
 * <p>Scaled or summed histograms (a control region times κ) carry errors e ≠ √c. Their bins are read as
 * n<sub>eff</sub> = c²/e² effective counts of weight w = e²/c, and the interval is w times the Garwood
 * interval of n<sub>eff</sub>; a bin with c = 0 takes the histogram's mean weight Σe²/Σc (1 if empty).
 * Raw counts (e = √c) get exactly the Garwood interval.
 */
public final class PoissonErrors {
  /** The one-sigma confidence level erf(1/√2). */
  public static final double ONE_SIGMA_CL = 0.6826894921370859;
  private static final double HALF_ALPHA = 0.5 * (1 - ONE_SIGMA_CL);

  private PoissonErrors() {}

  /** Lower end of the 68.27 % Garwood interval of the Poisson mean for {@code n} ≥ 0 observed. */
  public static double lower(double n) {
    check(n);
    return n == 0 ? 0 : GammaDistribution.of(n, 1).inverseCumulativeProbability(HALF_ALPHA);
  }

  /** Upper end of the 68.27 % Garwood interval of the Poisson mean for {@code n} ≥ 0 observed. */
  public static double upper(double n) {
    check(n);
    return GammaDistribution.of(n + 1, 1).inverseCumulativeProbability(1 - HALF_ALPHA);
  }

  private static void check(double n) {
    if (!(n >= 0) || !Double.isFinite(n)) {
      throw new IllegalArgumentException("Poisson count must be finite and >= 0, got " + n);
    }
  }

  /**
   * Error bars of histogram contents whose errors are {@code errors} (null: raw counts, e = √c).
   *
   * @return {below, above} per bin: the bar runs from contents − below to contents + above
   */
  public static double[][] of(double[] contents, double[] errors) {
    int n = contents.length;
    double sumC = 0;
    double sumE2 = 0;
    for (int i = 0; i < n; i++) {
      double c = Math.max(contents[i], 0);
      double e = errors == null ? Math.sqrt(c) : errors[i];
      if (c > 0 && e > 0) {
        sumC += c;
        sumE2 += e * e;
      }
    }
    double meanWeight = sumC > 0 ? sumE2 / sumC : 1.0;
    double[] below = new double[n];
    double[] above = new double[n];
    for (int i = 0; i < n; i++) {
      double c = Math.max(contents[i], 0);
      double e = errors == null ? Math.sqrt(c) : errors[i];
      double w = c > 0 && e > 0 ? e * e / c : meanWeight;
      double nEff = c / w;
      below[i] = Math.max(contents[i] - w * lower(nEff), 0);
      above[i] = w * upper(nEff) - contents[i];
    }
    return new double[][] {below, above};
  }
}
