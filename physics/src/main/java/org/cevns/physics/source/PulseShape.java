package org.cevns.physics.source;

/** Time structure of the proton pulse of a spallation source (see {@link PulseTimeProfile}). */
public enum PulseShape {
  /** Gaussian of given FWHM, truncated to ±3σ and shifted to start at t = 0. */
  GAUSSIAN,
  /** Flat (uniform) over a given length starting at t = 0. */
  FLAT
}
