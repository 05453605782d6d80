package org.cevns.analysis.config;

/**
 * How the background is measured, {@code analysis.mode}: spelled {@code auto}, {@code on-off}, {@code beam},
 * {@code single}.
 */
public enum AnalysisMode {
  /** Chosen from the sources: {@link #BEAM} with a pulsed source and a {@code windows} section, else
   * {@link #ON_OFF} with a reactor that has OFF live time, else {@link #SINGLE}. */
  AUTO,
  /** Reactor ON vs OFF: periods {@code on} and {@code off}. */
  ON_OFF,
  /** Pulsed beam, coincidence (C) vs anti-coincidence (AC) window of period {@code beam}. */
  BEAM,
  /** One signal region per period (no control region): backgrounds from their templates and constraints. */
  SINGLE
}
