package org.cevns.analysis.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Beam windows as recorded in an event file (metadata {@code cevns.windows}) or configured: the coincidence
 * window [start, start + length) and the anti-coincidence window [antiStart, antiStart + length), in ns since
 * the start of the proton pulse.
 *
 * @param coincidenceStartNs coincidence window start, finite
 * @param lengthNs length of each window, &gt; 0
 * @param anticoincidenceStartNs anti-coincidence window start, finite
 */
public record WindowSpec(double coincidenceStartNs, double lengthNs, double anticoincidenceStartNs) {
  public WindowSpec {
    if (!Double.isFinite(coincidenceStartNs) || !Double.isFinite(anticoincidenceStartNs)) {
      throw new IllegalArgumentException("window starts must be finite, got " + coincidenceStartNs + " and "
          + anticoincidenceStartNs);
    }
    if (!(lengthNs > 0) || Double.isInfinite(lengthNs)) {
      throw new IllegalArgumentException("lengthNs must be finite and > 0, got " + lengthNs);
    }
  }

  /**
   * Parses the metadata JSON {@code {"coincidence_start_ns": .., "coincidence_length_ns": .., "anticoincidence":
   * "before"|"delayed", "anticoincidence_delay_ns": ..}}; empty for {@code null} or an absent entry.
   */
  public static Optional<WindowSpec> fromJson(JsonNode j) {
    if (j == null || j.isNull() || j.isMissingNode()) {
      return Optional.empty();
    }
    double start = number(j, "coincidence_start_ns");
    double length = number(j, "coincidence_length_ns");
    double delay = j.has("anticoincidence_delay_ns") ? number(j, "anticoincidence_delay_ns") : length;
    String placement = j.path("anticoincidence").asText("");
    double anti = switch (placement) {
      case "before" -> start - delay;
      case "delayed" -> start + delay;
      default -> throw new IllegalArgumentException("cevns.windows: anticoincidence must be before or delayed, got '"
          + placement + "'");
    };
    return Optional.of(new WindowSpec(start, length, anti));
  }

  private static double number(JsonNode j, String key) {
    JsonNode v = j.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("cevns.windows: " + key + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  /** End of the coincidence window. */
  public double coincidenceEndNs() {
    return coincidenceStartNs + lengthNs;
  }

  /** End of the anti-coincidence window. */
  public double anticoincidenceEndNs() {
    return anticoincidenceStartNs + lengthNs;
  }

  /** Earliest window start. */
  public double spanStartNs() {
    return Math.min(coincidenceStartNs, anticoincidenceStartNs);
  }

  /** Latest window end. */
  public double spanEndNs() {
    return Math.max(coincidenceEndNs(), anticoincidenceEndNs());
  }

  /** True when both describe the same windows within 1e-9 relative. */
  public boolean sameAs(WindowSpec o) {
    double tol = 1e-9 * Math.max(1.0, Math.abs(lengthNs));
    return Math.abs(coincidenceStartNs - o.coincidenceStartNs) <= tol && Math.abs(lengthNs - o.lengthNs) <= tol
        && Math.abs(anticoincidenceStartNs - o.anticoincidenceStartNs) <= tol;
  }
}
