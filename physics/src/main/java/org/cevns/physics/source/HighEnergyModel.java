package org.cevns.physics.source;

/**
 * How a reactor isotope spectrum is continued above 8 MeV, the upper end of the Huber/Mueller fits (Huber 2011;
 * Mueller et al. 2011), up to the spectrum's maximum energy.
 */
public enum HighEnergyModel {
  /**
   * The 5th-order fit polynomial evaluated beyond 8 MeV as it stands. Its a_5 &lt; 0 term makes it fall
   * faster than an exponential (U-235: S(9)/S(8) ≈ 0.014, S(10)/S(8) ≈ 1.5e-6).
   */
  EXTRAPOLATE,
  /**
   * Exponential continuation S(E) = S(8) exp(k (E − 8)) with k = d ln S/dE of the fit at 8 MeV (U-235:
   * k ≈ −2.8 per MeV; value and slope continuous). Documented choice, not a published spectrum.
   */
  EXPONENTIAL,
  /** No neutrinos above 8 MeV. */
  CUTOFF
}
