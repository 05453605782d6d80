package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.cevns.physics.constants.Units;

/**
 * Exposure to a reactor: live days with the reactor on (period {@code on}) and off (period {@code off}, no
 * reactor neutrinos; background only).
 *
 * @param liveDaysOn live days, reactor on, > 0
 * @param liveDaysOff live days, reactor off, >= 0
 */
public record ReactorExposure(double liveDaysOn, double liveDaysOff) implements ExposureConfig {
  /** Binds an exposure map of a reactor source ({@link ConfigBinding}); {@code live_days_off} defaults to 0. */
  @JsonCreator
  static ReactorExposure bind(@JsonProperty(value = "live_days_on", required = true) double liveDaysOn,
      @JsonProperty("live_days_off") java.util.OptionalDouble liveDaysOff) {
    return new ReactorExposure(liveDaysOn, liveDaysOff.orElse(0));
  }

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
