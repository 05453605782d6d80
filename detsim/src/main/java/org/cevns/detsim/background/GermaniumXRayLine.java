package org.cevns.detsim.background;

/**
 * Cosmogenic X-ray lines in germanium detectors (K- and L-shell binding energies of the daughters of
 * electron-capture isotopes). Energies only: activities and half-lives are inputs.
 */
public enum GermaniumXRayLine {
  /** Ga K, 10.37 keV (⁶⁸Ge, ⁷¹Ge). */
  GA_K(10.37),
  /** Ga L, 1.30 keV. */
  GA_L(1.30),
  /** Zn K, 9.66 keV. */
  ZN_K(9.66),
  /** Zn L, 1.19 keV. */
  ZN_L(1.19),
  /** Cu K, 8.98 keV (⁶⁵Zn). */
  CU_K(8.98),
  /** Cu L, 1.10 keV. */
  CU_L(1.10),
  /** Fe K, 7.11 keV. */
  FE_K(7.11),
  /** Mn K, 6.54 keV. */
  MN_K(6.54);

  /** Typical L/K intensity ratio of these electron-capture lines (an approximate value, not one measurement). */
  public static final double L_TO_K_RATIO = 0.11;

  private final double energyKeVee;

  GermaniumXRayLine(double energyKeVee) {
    this.energyKeVee = energyKeVee;
  }

  /** Line energy in keVee. */
  public double energyKeVee() {
    return energyKeVee;
  }
}
