package org.cevns.physics.source;

/** What one unit of a source's exposure is. */
public enum ExposureUnit {
  /** One proton on target (pulsed spallation sources). */
  PROTON_ON_TARGET,
  /** One second of live time (reactors, the Sun, steady sources). */
  LIVE_SECOND
}
