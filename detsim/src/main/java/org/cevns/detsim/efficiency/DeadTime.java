package org.cevns.detsim.efficiency;

import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;

/**
 * Dead time as a constant acceptance (live fraction), independent of energy. For a non-paralysable system
 * with dead time τ per recorded trigger and true trigger rate n, the live fraction is 1/(1 + nτ) (Knoll,
 * Radiation Detection and Measurement, ch. 4). Applying it per event is exact for events uncorrelated with
 * the triggers that cause the dead time.
 */
public final class DeadTime implements Efficiency {
  private final double deadFraction;

  private DeadTime(double deadFraction) {
    this.deadFraction = deadFraction;
  }

  /** Dead-time fraction f in [0, 1): acceptance 1 − f. */
  public static DeadTime ofFraction(double deadFraction) {
    if (!(deadFraction >= 0 && deadFraction < 1)) {
      throw Checks.fail("deadFraction", "in [0, 1)", deadFraction);
    }
    return new DeadTime(deadFraction);
  }

  /**
   * Non-paralysable dead time: dead fraction nτ/(1 + nτ).
   *
   * @param deadTimeNs τ per recorded trigger in ns, &ge; 0
   * @param triggerRateHz true trigger rate n in Hz, &ge; 0
   */
  public static DeadTime nonParalysable(double deadTimeNs, double triggerRateHz) {
    Checks.nonNegative("deadTimeNs", deadTimeNs);
    Checks.nonNegative("triggerRateHz", triggerRateHz);
    double ntau = triggerRateHz * deadTimeNs / Units.NS_PER_S;
    return ofFraction(ntau / (1.0 + ntau));
  }

  public double deadFraction() {
    return deadFraction;
  }

  /** Live fraction 1 − f. */
  public double liveFraction() {
    return 1.0 - deadFraction;
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    return 1.0 - deadFraction;
  }

  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    return true;
  }

  @Override
  public String toString() {
    return "DeadTime(fraction=" + deadFraction + ")";
  }
}
