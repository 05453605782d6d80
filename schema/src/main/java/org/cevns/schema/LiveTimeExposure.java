package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.OptionalDouble;
import org.cevns.physics.constants.Units;

/**
 * Exposure to a steady source (solar, monoenergetic, spectrum file): exactly one of {@code live_days} or
 * {@code years} (Julian years of live time, 365.25 d). Period {@code run}.
 *
 * @param liveDays live days, > 0
 * @param years live years, > 0
 */
public record LiveTimeExposure(@JsonProperty("live_days") OptionalDouble liveDays,
    @JsonProperty("years") OptionalDouble years) implements ExposureConfig {
  public LiveTimeExposure {
    liveDays = Checks.optional("live_days", liveDays, PhysicalRanges.LIVE_DAYS);
    years = Checks.optional("years", years, PhysicalRanges.YEARS);
    Checks.exactlyOne(List.of("live_days", "years"), liveDays.isPresent(), years.isPresent());
  }

  /** An exposure in live days. */
  public static LiveTimeExposure ofLiveDays(double liveDays) {
    return new LiveTimeExposure(OptionalDouble.of(liveDays), OptionalDouble.empty());
  }

  /** An exposure in (Julian) years of live time. */
  public static LiveTimeExposure ofYears(double years) {
    return new LiveTimeExposure(OptionalDouble.empty(), OptionalDouble.of(years));
  }

  /** Live seconds: {@code live_days × 86400} or {@code years × 365.25 × 86400}. */
  public double liveSeconds() {
    double days = liveDays.isPresent() ? liveDays.getAsDouble() : years.getAsDouble() * Units.DAYS_PER_YEAR;
    return days * Units.S_PER_DAY;
  }
}
