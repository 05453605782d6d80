package org.cevns.detsim.response;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.cevns.physics.Checks;

/**
 * Generic Gaussian resolution: observed = visible + N(0, σ²) with
 *
 * <pre>
 *   σ(E)² = σ₀² + a·E + (b·E)²      (E, σ₀ in keVee; a in keVee; b dimensionless)
 * </pre>
 *
 * the usual noise ⊕ stochastic ⊕ constant-term form. Example: COHERENT CENNS-10 LAr σ/E = 0.58/√(E[keVee])
 * (Akimov et al., PRL 126 (2021) 012002; data release arXiv:2006.12659) is σ₀ = 0, a = 0.58² = 0.3364 keVee,
 * b = 0 ({@link #fromStochasticTerm}). Negative observed
 * energies are kept (see package documentation).
 */
public final class GaussianResponse implements EnergyResponse {
  /** CENNS-10 LAr stochastic term 0.58 √keVee (COHERENT LAr data release, arXiv:2006.12659). */
  public static final double LAR_CENNS10_STOCHASTIC_SQRT_KEVEE = 0.58;

  private final double sigma0KeVee;
  private final double stochasticKeVee;
  private final double constantTerm;

  private GaussianResponse(double sigma0KeVee, double stochasticKeVee, double constantTerm) {
    this.sigma0KeVee = sigma0KeVee;
    this.stochasticKeVee = stochasticKeVee;
    this.constantTerm = constantTerm;
  }

  /**
   * @param sigma0KeVee σ₀ (noise term) in keVee, &ge; 0
   * @param aKeVee a (stochastic term, multiplies E) in keVee, &ge; 0
   * @param b b (constant term, multiplies E), &ge; 0
   */
  public static GaussianResponse of(double sigma0KeVee, double aKeVee, double b) {
    return new GaussianResponse(
        Checks.nonNegative("sigma0KeVee", sigma0KeVee),
        Checks.nonNegative("aKeVee", aKeVee),
        Checks.nonNegative("b", b));
  }

  /** σ/E = r/√E: a = r², σ₀ = b = 0. {@code r} in √keVee, &gt; 0. */
  public static GaussianResponse fromStochasticTerm(double resolutionSqrtKeVee) {
    Checks.positive("resolutionSqrtKeVee", resolutionSqrtKeVee);
    return of(0.0, resolutionSqrtKeVee * resolutionSqrtKeVee, 0.0);
  }

  /** COHERENT CENNS-10 LAr: σ/E = 0.58/√(E[keVee]). */
  public static GaussianResponse coherentLAr() {
    return fromStochasticTerm(LAR_CENNS10_STOCHASTIC_SQRT_KEVEE);
  }

  public double sigma0KeVee() {
    return sigma0KeVee;
  }

  public double aKeVee() {
    return stochasticKeVee;
  }

  public double b() {
    return constantTerm;
  }

  @Override
  public Observation observe(double visibleKeVee, UniformRandomProvider rng) {
    double sigma = sigmaKeVee(visibleKeVee);
    double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
    return Observation.ofEnergy(visibleKeVee + sigma * z);
  }

  @Override
  public double meanKeVee(double visibleKeVee) {
    return EnergyResponse.checkVisible(visibleKeVee);
  }

  @Override
  public double sigmaKeVee(double visibleKeVee) {
    double e = EnergyResponse.checkVisible(visibleKeVee);
    double be = constantTerm * e;
    return Math.sqrt(sigma0KeVee * sigma0KeVee + stochasticKeVee * e + be * be);
  }

  @Override
  public boolean countsPhotoelectrons() {
    return false;
  }

  @Override
  public String toString() {
    return "GaussianResponse(sigma0=" + sigma0KeVee + " keVee, a=" + stochasticKeVee + " keVee, b="
        + constantTerm + ")";
  }
}
