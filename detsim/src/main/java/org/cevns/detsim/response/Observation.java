package org.cevns.detsim.response;

/**
 * What the detector reports for one event.
 *
 * @param energyKeVee observed energy in keVee (may be negative for Gaussian responses)
 * @param photoelectrons observed photoelectrons for light-counting responses (an integer value for Poisson
 *     counting, a real value for Gamma-smeared PE), {@link Double#NaN} for responses that do not count PE
 */
public record Observation(double energyKeVee, double photoelectrons) {
  public Observation {
    if (Double.isNaN(energyKeVee) || Double.isInfinite(energyKeVee)) {
      throw new IllegalArgumentException("energyKeVee must be finite, got " + energyKeVee);
    }
    if (photoelectrons < 0 || Double.isInfinite(photoelectrons)) {
      throw new IllegalArgumentException(
          "photoelectrons must be finite and >= 0, or NaN for none, got " + photoelectrons);
    }
  }

  /** An observation without photoelectron count. */
  public static Observation ofEnergy(double energyKeVee) {
    return new Observation(energyKeVee, Double.NaN);
  }

  /** True when {@link #photoelectrons} is defined. */
  public boolean hasPhotoelectrons() {
    return !Double.isNaN(photoelectrons);
  }
}
