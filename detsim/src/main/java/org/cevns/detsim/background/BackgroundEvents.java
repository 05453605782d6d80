package org.cevns.detsim.background;

import java.util.Objects;

/**
 * Events drawn for one background component in one period: energies in keV on {@link #energyScale} and
 * times in ns (see the package documentation for the time convention).
 */
record BackgroundEvents(String name, EnergyScale energyScale, double[] energiesKeV, double[] timesNs) {
  public BackgroundEvents {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(energyScale, "energyScale");
    if (energiesKeV.length != timesNs.length) {
      throw new IllegalArgumentException("timesNs must be as long as energiesKeV (" + energiesKeV.length
          + " values), got " + timesNs.length + " values");
    }
  }

  /** Number of events. */
  public int size() {
    return energiesKeV.length;
  }
}
