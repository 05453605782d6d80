package org.cevns.physics.source;

import java.util.List;

/**
 * A neutrino source: its components and how its exposure is counted. Immutable.
 *
 * <p>The time-integrated fluence of component c at distance L for an exposure X (in {@link #exposureUnit})
 * is {@code c.neutrinosPerExposureUnit() * X / (4π L²)} for a point source, and
 * {@code c.neutrinosPerExposureUnit() * X} (flux × live seconds) otherwise.
 */
public interface Source {
  /** Name from the configuration, unique within an experiment. */
  String name();

  /** Components; empty is not allowed. */
  List<SourceComponent> components();

  /** Unit in which exposure is counted. */
  ExposureUnit exposureUnit();

  /** True when the fluence falls as 1/(4πL²) with the distance to the detector. */
  boolean pointSource();

  /** True for pulsed sources, whose event times are since the start of the pulse (period {@code beam}). */
  boolean pulsed();
}
