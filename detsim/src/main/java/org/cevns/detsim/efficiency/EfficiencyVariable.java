package org.cevns.detsim.efficiency;

/** The observable an efficiency curve is a function of. */
public enum EfficiencyVariable {
  /** Observed energy in keVee. */
  ENERGY_KEVEE("kevee"),
  /** Observed photoelectrons (light-counting responses only). */
  PHOTOELECTRONS("pe");

  private final String configName;

  EfficiencyVariable(String configName) {
    this.configName = configName;
  }

  /** Spelling in configuration files ({@code kevee}, {@code pe}). */
  public String configName() {
    return configName;
  }

  /** The value of this variable for an observation. */
  public double select(double observedKeVee, double photoelectrons) {
    if (this == ENERGY_KEVEE) {
      return observedKeVee;
    }
    if (Double.isNaN(photoelectrons)) {
      throw new IllegalArgumentException(
          "photoelectrons must be a number for an efficiency in PE (use a light-yield response), got NaN");
    }
    return photoelectrons;
  }
}
