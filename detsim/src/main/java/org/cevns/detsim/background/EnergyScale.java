package org.cevns.detsim.background;

/** Energy scale of a background component's spectrum. */
public enum EnergyScale {
  /** keVee, visible energy: goes straight to the energy response (γ, β, X-ray lines, continua). */
  ELECTRON_EQUIVALENT("kevee"),
  /** keVnr, nuclear recoil energy: quenched first, like CEvNS recoils (neutron backgrounds). */
  NUCLEAR_RECOIL("kevnr");

  private final String configName;

  EnergyScale(String configName) {
    this.configName = configName;
  }

  /** Spelling in configuration files: {@code kevee}, {@code kevnr}. */
  public String configName() {
    return configName;
  }
}
