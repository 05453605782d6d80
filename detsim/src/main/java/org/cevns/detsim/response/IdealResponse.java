package org.cevns.detsim.response;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A perfect energy measurement: the observed energy is the visible energy, with no smearing and no PE count.
 * For tests, and for detectors whose resolution is negligible against the quantities studied. Draws nothing
 * from the random stream.
 */
public final class IdealResponse implements EnergyResponse {
  private static final IdealResponse INSTANCE = new IdealResponse();

  private IdealResponse() {}

  /** The ideal response. */
  public static IdealResponse of() {
    return INSTANCE;
  }

  @Override
  public Observation observe(double visibleKeVee, UniformRandomProvider rng) {
    return Observation.ofEnergy(EnergyResponse.checkVisible(visibleKeVee));
  }

  @Override
  public double meanKeVee(double visibleKeVee) {
    return EnergyResponse.checkVisible(visibleKeVee);
  }

  @Override
  public double sigmaKeVee(double visibleKeVee) {
    EnergyResponse.checkVisible(visibleKeVee);
    return 0.0;
  }

  @Override
  public boolean countsPhotoelectrons() {
    return false;
  }

  @Override
  public String toString() {
    return "IdealResponse";
  }
}
