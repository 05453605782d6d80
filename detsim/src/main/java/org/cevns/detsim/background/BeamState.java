package org.cevns.detsim.background;

/**
 * Whether the neutrino source runs during a period: reactor ON/OFF, beam ON/OFF. Generator periods map as
 * {@code beam}, {@code on}, {@code run} → ON and {@code off} → OFF.
 */
public enum BeamState {
  /** Source running. */
  ON,
  /** Source off (reactor outage, beam off). */
  OFF
}
