package org.cevns.analysis.fit;

/**
 * Options of the fits: the allowed range of μ and the evaluation budget per minimisation.
 *
 * <p>μ range. {@link #unboundedMu()} (the default) lets μ̂ go negative as long as every expected count stays
 * physical: the estimator is then unbiased and the two-sided Δ(2NLL) intervals have their nominal (Wilks)
 * coverage — use it for measurements, coverage studies and toys. {@link #nonNegativeMu()} enforces μ &ge; 0
 * (intervals are clipped at 0 and flagged). The discovery statistic q0 is one-sided either way (q0 = 0 when
 * μ̂ &lt; 0, Cowan et al. EPJC 71 (2011) 1554, eq. 12), so its asymptotic distribution under μ = 0 is
 * ½δ(0) + ½χ²₁ in both cases. The range must contain 0 and 1.
 *
 * @param muLower lower bound of μ (may be −∞), &le; 0
 * @param muUpper upper bound of μ (may be +∞), &ge; 1
 * @param maxEvaluations likelihood evaluations allowed per minimisation, &ge; 100
 */
public record FitOptions(double muLower, double muUpper, int maxEvaluations) {
  /** Default evaluation budget per minimisation. */
  public static final int DEFAULT_MAX_EVALUATIONS = 100_000;

  public FitOptions {
    if (Double.isNaN(muLower) || muLower > 0) {
      throw new IllegalArgumentException("muLower must be <= 0 (or -Infinity), got " + muLower);
    }
    if (Double.isNaN(muUpper) || muUpper < 1) {
      throw new IllegalArgumentException("muUpper must be >= 1 (or +Infinity), got " + muUpper);
    }
    if (maxEvaluations < 100) {
      throw new IllegalArgumentException("maxEvaluations must be >= 100, got " + maxEvaluations);
    }
  }

  /** μ ∈ (−∞, +∞): the default. */
  public static FitOptions unboundedMu() {
    return new FitOptions(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, DEFAULT_MAX_EVALUATIONS);
  }

  /** μ ∈ [0, +∞). */
  public static FitOptions nonNegativeMu() {
    return new FitOptions(0.0, Double.POSITIVE_INFINITY, DEFAULT_MAX_EVALUATIONS);
  }

  /** The default: {@link #unboundedMu()}. */
  public static FitOptions defaults() {
    return unboundedMu();
  }

  /** These options with μ ∈ [muLower, muUpper]. */
  public FitOptions withMuRange(double muLower, double muUpper) {
    return new FitOptions(muLower, muUpper, maxEvaluations);
  }

  /** True if μ = x is allowed. */
  public boolean allowsMu(double x) {
    return x >= muLower && x <= muUpper;
  }
}
