package org.cevns.schema;

import org.cevns.physics.constants.Units;

/**
 * Exposure to a reactor: live days with the reactor on (period {@code on}) and off (period {@code off}, no
 * reactor neutrinos; background only).
 *
 * @param liveDaysOn live days, reactor on, > 0
 * @param liveDaysOff live days, reactor off, >= 0
 */
public record ReactorExposure(double liveDaysOn, double liveDaysOff) implements ExposureConfig {
  public ReactorExposure {
    PhysicalRanges.LIVE_DAYS.check("live_days_on", liveDaysOn);
    DoubleRange.closed(0, PhysicalRanges.LIVE_DAYS.upper()).because("up to a century")
        .check("live_days_off", liveDaysOff);
  }

  /** Live seconds with the reactor on. */
  public double liveSecondsOn() {
    return liveDaysOn * Units.S_PER_DAY;
  }

  /** Live seconds with the reactor off. */
  public double liveSecondsOff() {
    return liveDaysOff * Units.S_PER_DAY;
  }
}
