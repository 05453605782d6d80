package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * summary.json's {@code fit.toy_significance} when no toy reached the observed q0: the terminal says "&gt; 1.6σ (no
 * toy reached q0)" for 20 toys, the JSON had only {@code p_value} 0 and {@code z} null; it now carries the bound.
 */
class ToySignificanceJsonTest {
  @Test
  void noToyReachedQ0GivesTheLowerBound() throws Exception {
    JsonNode j = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
        SummaryRecords.ToySignificance.of(20, 0, 0, 0.0, 0.0, Double.POSITIVE_INFINITY)));
    assertTrue(j.get("z").isNull());
    assertEquals(1.6448536269514729, j.get("z_lower_bound").asDouble(), 1e-12); // Φ⁻¹(1 − 1/20)
    JsonNode seen = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
        SummaryRecords.ToySignificance.of(20, 0, 3, 0.15, 0.08, 1.04)));
    assertEquals(1.04, seen.get("z").asDouble(), 0);
    assertTrue(seen.get("z_lower_bound") == null || seen.get("z_lower_bound").isNull());
  }
}
