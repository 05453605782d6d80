package org.cevns.analysis.fit;

/**
 * One point of a profile-likelihood scan.
 *
 * @param mu the fixed μ
 * @param q D(μ, θ̂̂(μ)) − D(μ̂, θ̂), &ge; 0
 * @param parameters the conditional best parameters at this μ (index 0 is μ)
 */
public record ScanPoint(double mu, double q, double[] parameters) {
  public ScanPoint {
    parameters = parameters.clone();
  }

  /** A copy of the parameters. */
  @Override
  public double[] parameters() {
    return parameters.clone();
  }
}
