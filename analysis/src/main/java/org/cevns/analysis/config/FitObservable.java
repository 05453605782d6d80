package org.cevns.analysis.config;

/** What the likelihood fit bins, {@code analysis.fit.observable}: {@code energy} or {@code energy-time}. */
public enum FitObservable {
  /** Observed energy (keVee). */
  ENERGY,
  /** Observed energy × time since the start of the beam window (beam mode only). */
  ENERGY_TIME
}
