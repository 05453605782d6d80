package org.cevns.generator.model;

import org.cevns.physics.nucleus.Target;

/**
 * A detector as the generator sees it.
 *
 * @param name detector name
 * @param target composition (isotopes with atom counts per formula unit)
 * @param massKg target mass in kg
 * @param thresholdKeVnr lower edge of the nuclear-recoil window used by {@code rates}, keVnr
 * @param roiMaxKeVnr upper edge of that window, keVnr (may be +∞)
 */
public record DetectorModel(String name, Target target, double massKg, double thresholdKeVnr, double roiMaxKeVnr) {
  /** True when the configuration restricts nuclear recoils to a window. */
  public boolean hasRecoilWindow() {
    return thresholdKeVnr > 0 || Double.isFinite(roiMaxKeVnr);
  }
}
