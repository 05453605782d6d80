package org.cevns.analysis.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cevns.schema.ConfigException;

/** The {@code period} key of an import mapping ({@link MappingParser}). */
final class ImportPeriod {
  /** Period of data with beam windows. */
  private static final String PERIOD_BEAM = "beam";
  /** Periods of data without windows: reactor ON and OFF, a steady source's run. */
  private static final List<String> STEADY_PERIODS = List.of("on", "off", "run");

  private ImportPeriod() {}

  /**
   * The period: {@code beam} with windows (the default there), {@code on}, {@code off} or {@code run} without
   * them (required: a reactor's ON and OFF data or a steady source's run; a default {@code beam} would put
   * reactor data into a region the on-off fit does not read). Unquoted YAML {@code on}/{@code off} are the
   * booleans true/false (YAML 1.1), read here as the period names they were written as.
   */
  static String of(JsonNode v, boolean hasWindows) {
    String allowed = hasWindows ? "beam (data with windows)" : "on or off (reactor data), run (a steady source)";
    if (v == null || v.isNull()) {
      if (hasWindows) {
        return PERIOD_BEAM;
      }
      throw new ConfigException("period", "required without windows: " + allowed);
    }
    String s = v.isBoolean() ? (v.asBoolean() ? "on" : "off") : v.isTextual() ? v.asText() : null;
    if (s == null || !(hasWindows ? List.of(PERIOD_BEAM) : STEADY_PERIODS).contains(s)) {
      throw new ConfigException("period", "must be " + allowed, v.isBoolean() ? "'" + s + "'"
          : ConfigException.render(v));
    }
    return s;
  }
}
