package org.cevns.detsim.efficiency;

import java.util.Objects;
import org.cevns.physics.Checks;

/** Step efficiency: 1 when the variable is &ge; the threshold, else 0. */
public final class HardThreshold implements Efficiency {
  private final EfficiencyVariable variable;
  private final double threshold;

  private HardThreshold(EfficiencyVariable variable, double threshold) {
    this.variable = variable;
    this.threshold = threshold;
  }

  /**
   * @param variable observable (keVee or PE)
   * @param threshold threshold in the variable's unit, finite
   */
  public static HardThreshold of(EfficiencyVariable variable, double threshold) {
    return new HardThreshold(Objects.requireNonNull(variable, "variable"), Checks.finite("threshold", threshold));
  }

  /** Threshold on the observed energy in keVee. */
  public static HardThreshold keVee(double thresholdKeVee) {
    return of(EfficiencyVariable.ENERGY_KEVEE, thresholdKeVee);
  }

  public EfficiencyVariable variable() {
    return variable;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public double probability(double observedKeVee, double photoelectrons) {
    return variable.select(observedKeVee, photoelectrons) >= threshold ? 1.0 : 0.0;
  }

  @Override
  public boolean constantFrom(double observedKeVee, double photoelectrons) {
    return variable.select(observedKeVee, photoelectrons) >= threshold;
  }

  @Override
  public String toString() {
    return "HardThreshold(" + variable.configName() + " >= " + threshold + ")";
  }
}
