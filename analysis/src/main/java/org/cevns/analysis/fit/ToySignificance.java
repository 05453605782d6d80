package org.cevns.analysis.fit;

/**
 * Toy-based p-value of the background-only rejection: toys are generated from the background-only model
 * with the nuisances at their conditional fit θ̂̂(0) to the data, global observables fluctuated, and
 * p = (toys with q0 &ge; q0_obs) / toys.
 *
 * @param q0Observed q0 of the data
 * @param zAsymptotic √q0_obs
 * @param nToys toys that were fitted successfully
 * @param nAtLeast toys with q0 &ge; q0_obs
 * @param pValue nAtLeast / nToys
 * @param pValueError binomial error √(p(1 − p)/nToys)
 * @param z Φ⁻¹(1 − p); +∞ if no toy reached q0_obs (then p &lt; 1/nToys: run more toys)
 * @param nFailed toys whose fit did not converge (excluded)
 */
public record ToySignificance(double q0Observed, double zAsymptotic, int nToys, int nAtLeast, double pValue,
    double pValueError, double z, int nFailed) {}
