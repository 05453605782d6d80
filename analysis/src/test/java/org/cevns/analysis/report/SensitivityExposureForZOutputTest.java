package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cevns.analysis.stat.SensitivityScan;
import org.junit.jupiter.api.Test;

/** sensitivity.json's {@code exposure_for_z} and the terminal line under the sensitivity table. */
class SensitivityExposureForZOutputTest {

  private static final List<SensitivityScan.Row> ROWS = List.of(new SensitivityScan.Row(0.01, 1, 0.5),
      new SensitivityScan.Row(0.1, Math.sqrt(10), 0.2), new SensitivityScan.Row(1, 10, 0.1));

  @Test
  void jsonHasBothTargetsWithNullOutsideTheScan() throws Exception {
    // Z = 10 sqrt(f): Z = 3 at f = 0.09 (9e20 POT of 1e22), Z = 5 at 0.25
    JsonNode n = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(SensitivityOutputs.exposureForZ(ROWS, 1e22)));
    assertEquals(2, n.size());
    assertEquals(3.0, n.get(0).get("z").asDouble());
    assertEquals(0.09, n.get(0).get("exposure_factor").asDouble(), 1e-12);
    assertEquals(9e20, n.get(0).get("exposure").asDouble(), 1e8);
    assertEquals(0.25, n.get(1).get("exposure_factor").asDouble(), 1e-12);
    JsonNode out = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
        SensitivityOutputs.exposureForZ(ROWS.subList(0, 2), 1e22)));
    assertTrue(out.get(1).get("exposure_factor").isNull(), out.toString());
    assertTrue(out.get(1).get("exposure").isNull(), out.toString());
  }

  @Test
  void terminalLineNamesFactorExposureAndUnit() {
    String line = SensitivityOutputs.exposureForZLine(ROWS, 1e22, "POT");
    assertTrue(line.startsWith("exposure for Z_median = 3: factor 0.09 (9e20 POT); Z_median = 5: factor 0.25"),
        line);
    assertTrue(SensitivityOutputs.exposureForZLine(ROWS.subList(0, 1), 100, "kg\u00b7d")
        .contains("Z_median = 5: not reached by factor 0.01"));
    assertTrue(SensitivityOutputs.exposureForZLine(ROWS, 100, "kg\u00b7d")
        .contains("Z_median = 5: factor 0.25 (25 kg\u00b7d)"));
    assertTrue(SensitivityOutputs.exposureForZLine(ROWS.subList(1, 3), 100, "kg\u00b7d")
        .startsWith("exposure for Z_median = 3: below the first factor 0.1; "));
  }
}
