package org.cevns.analysis.fit;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Asymptotic significance of the rejection of the background-only hypothesis μ = 0 (Cowan, Cranmer, Gross,
 * Vitells, EPJC 71 (2011) 1554, eqs. 12, 52, 53): q0 = D(0, θ̂̂) − D(μ̂, θ̂) if μ̂ &ge; 0 else 0,
 * Z = √q0, p = 1 − Φ(Z).
 *
 * @param q0 the one-sided test statistic
 * @param z significance √q0
 * @param pValue 1 − Φ(Z) (½ when q0 = 0)
 * @param muHat best-fit μ
 */
public record Significance(double q0, double z, double pValue, double muHat) {
  /** The asymptotic significance of {@code q0}: Z = √q0, p = 1 − Φ(Z). */
  static Significance asymptotic(double q0, double muHat) {
    double z = Math.sqrt(q0);
    return new Significance(q0, z, NormalDistribution.of(0, 1).survivalProbability(z), muHat);
  }
}
