package org.cevns.physics;

import java.util.Locale;

/** Interaction process, spelled as in the {@code process} column. */
public enum Process {
  /** Coherent elastic neutrino-nucleus scattering. */
  CEVNS,
  /** Elastic neutrino-electron scattering. */
  EVES,
  /**
   * Sterile-neutrino upscattering ν + A → N + A through the dipole portal (only when {@code physics.sterile}
   * is configured); the recoil is a nuclear recoil.
   */
  UPSCATTER;

  /** The name written to the {@code process} column. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
