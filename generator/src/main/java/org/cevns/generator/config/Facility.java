package org.cevns.generator.config;

import org.cevns.generator.source.PulseShape;

import java.util.Optional;

/**
 * Pion decay-at-rest facility preset ({@code pion-dar} key {@code facility}). The preset values (proton energy,
 * power, repetition rate, pulse, ν per flavour per proton; brief §4.1) live in the source classes; the config
 * only knows each preset's pulse shape, to validate the pulse keys.
 */
public enum Facility {
  /** {@code sns}: Spallation Neutron Source, ~380 ns FWHM Gaussian-like proton pulse at 60 Hz (brief §4.1). */
  SNS(PulseShape.GAUSSIAN),
  /** {@code ess}: European Spallation Source, 2.86 ms flat-top pulse at 14 Hz (brief §4.1). */
  ESS(PulseShape.FLAT),
  /** {@code none}: no preset; every source key must be given. */
  NONE(null);

  private final PulseShape presetPulseShape;

  Facility(PulseShape presetPulseShape) {
    this.presetPulseShape = presetPulseShape;
  }

  /** Pulse shape of the preset; empty for {@link #NONE}. */
  public Optional<PulseShape> presetPulseShape() {
    return Optional.ofNullable(presetPulseShape);
  }
}
