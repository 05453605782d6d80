package org.cevns.generator.config;

/** Proton pulse shape of a {@code pion-dar} source. */
public enum PulseShape {
  /** {@code gaussian}: width given by {@code pulse_fwhm_ns}. */
  GAUSSIAN,
  /** {@code flat}: uniform over {@code pulse_length_ns}. */
  FLAT
}
