package org.cevns.generator.sample;

/**
 * The linear probability density on one table cell, in the cell coordinate x ∈ [0, 1]:
 * p(x) = 1 + β (2x − 1), β ∈ [−1, 1] (β = (f₁ − f₀)/(f₁ + f₀) for end values f₀, f₁). Sampled exactly by
 * inverting F(x) = (1 − β) x + β x², in the cancellation-free form x = 2r / ((1 − β) + √((1 − β)² + 4βr)).
 */
final class LinearCell {
  private LinearCell() {}

  /** Shape parameter β for end densities {@code f0}, {@code f1} &ge; 0 (0 when both vanish). */
  static double beta(double f0, double f1) {
    double sum = f0 + f1;
    return sum > 0.0 ? (f1 - f0) / sum : 0.0;
  }

  /**
   * The x ∈ [0, 1] with F(x) = r. {@code r} must be in (0, 1] (e.g. {@code 1 - rng.nextDouble()}) so that the
   * denominator is never 0.
   */
  static double sample(double beta, double r) {
    double oneMinusBeta = 1.0 - beta;
    return 2.0 * r / (oneMinusBeta + Math.sqrt(oneMinusBeta * oneMinusBeta + 4.0 * beta * r));
  }

  /** F(x) = (1 − β) x + β x² for x ∈ [0, 1]. */
  static double cdf(double beta, double x) {
    return x * (1.0 - beta + beta * x);
  }

  /** p(x) = 1 + β (2x − 1). */
  static double density(double beta, double x) {
    return 1.0 + beta * (2.0 * x - 1.0);
  }
}
