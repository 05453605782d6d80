package org.cevns.analysis.fit;

/**
 * A two-sided profile-likelihood interval for μ: the set {μ : q(μ) &le; Δ}, with Δ the χ²₁ quantile of the
 * confidence level (Δ = 1 for 68.27 %, 2.706 for 90 %; Wilks' theorem, Cowan et al. EPJC 71 (2011) 1554).
 *
 * @param cl confidence level in (0, 1)
 * @param deltaDeviance the threshold Δ on q(μ) = D(μ) − D_min
 * @param muHat the best-fit μ
 * @param lower lower end
 * @param upper upper end
 * @param lowerAtBound true if q stays below Δ down to the μ lower bound (lower is then that bound)
 * @param upperAtBound true if q stays below Δ up to the μ upper bound
 */
public record Interval(double cl, double deltaDeviance, double muHat, double lower, double upper,
    boolean lowerAtBound, boolean upperAtBound) {
  public Interval {
    if (!(lower <= muHat && muHat <= upper)) {
      throw new IllegalArgumentException(
          "interval must satisfy lower <= muHat <= upper, got " + lower + ", " + muHat + ", " + upper);
    }
  }

  /** True if lower &le; mu &le; upper. */
  public boolean contains(double mu) {
    return mu >= lower && mu <= upper;
  }

  /** muHat − lower. */
  public double minusError() {
    return muHat - lower;
  }

  /** upper − muHat. */
  public double plusError() {
    return upper - muHat;
  }

  /** Half the width, (upper − lower)/2. */
  public double halfWidth() {
    return 0.5 * (upper - lower);
  }
}
