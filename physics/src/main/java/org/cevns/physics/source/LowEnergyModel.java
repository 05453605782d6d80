package org.cevns.physics.source;

/**
 * How a reactor isotope spectrum is continued below 2 MeV, where the Huber/Mueller fits are not valid
 * (Vogel &amp; Engel, PRD 39 (1989) 3378; Kopeikin, Phys. At. Nucl. 75 (2012) 143). Totals for the typical fractions
 * 0.58/0.07/0.30/0.05 (with the default high-energy
 * treatment): EXPONENTIAL ≈ 7.49 ν̄/fission, VOGEL_ENGEL ≈ 5.24, NONE ≈ 1.60; see
 * {@link ReactorIsotopeSpectrum}.
 */
public enum LowEnergyModel {
  /**
   * Vogel &amp; Engel PRD 39 (1989) 3378 exp-quadratic fit on 0–2 MeV, used as published: it does not join
   * the Huber/Mueller fit continuously (step at 2 MeV of −9 % U-235, −6 % Pu-239, −3 % Pu-241, +0.4 % U-238).
   */
  VOGEL_ENGEL,
  /**
   * Exponential continuation of the Huber/Mueller fit on 0–2 MeV: S(E) = S(2) exp(k (E − 2)) with k the
   * logarithmic slope d ln S/dE of the fit at 2 MeV (value and slope continuous). Documented choice, not a
   * published spectrum.
   */
  EXPONENTIAL,
  /** No neutrinos below 2 MeV: the spectrum starts at 2 MeV. */
  NONE
}
