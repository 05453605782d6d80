package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PyhfWorkspaceTest {
  @Test
  void structure() throws Exception {
    BinnedModel m = TestModels.onOff();
    String json = PyhfWorkspace.toJson(m, TestModels.onOffData(m), FitOptions.unboundedMu(), "meas");
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals("1.0.0", root.get("version").asText());
    JsonNode on = root.get("channels").get(0);
    assertEquals("on", on.get("name").asText());
    JsonNode sig = on.get("samples").get(0);
    assertEquals("sig", sig.get("name").asText());
    assertEquals(20.0, sig.get("data").get(0).asDouble(), 0);
    assertEquals("normfactor", sig.get("modifiers").get(0).get("type").asText());
    assertEquals("mu", sig.get("modifiers").get(0).get("name").asText());
    JsonNode rc = on.get("samples").get(2);
    assertEquals(12.0, rc.get("data").get(0).asDouble(), 1e-12); // fixed factor 1.5 folded in
    assertEquals(1, rc.get("modifiers").size());
    // a Gaussian-constrained norm is a histosys (pyhf code 0: linear, the same likelihood), not a normsys
    JsonNode histosys = rc.get("modifiers").get(0);
    assertEquals("histosys", histosys.get("type").asText());
    assertEquals(12.0 * 1.05, histosys.get("data").get("hi_data").get(0).asDouble(), 1e-12);
    assertEquals(12.0 * 0.95, histosys.get("data").get("lo_data").get(0).asDouble(), 1e-12);
    JsonNode offSs = root.get("channels").get(1).get("samples").get(0);
    assertEquals("steady", offSs.get("modifiers").get(0).get("name").asText());
    assertEquals(66.0, root.get("observations").get(1).get("data").get(1).asDouble(), 0);
    JsonNode config = root.get("measurements").get(0).get("config");
    assertEquals("mu", config.get("poi").asText());
    // issue 15: the POI is bounded below at 0 (pyhf's q~mu limit test), not [-10, 10]
    assertEquals(0.0, config.get("parameters").get(0).get("bounds").get(0).get(0).asDouble(), 0);
    assertEquals(10.0, config.get("parameters").get(0).get("bounds").get(0).get(1).asDouble(), 0);
    assertTrue(json.contains("\"steady\""));
  }

  @Test
  void shiftedGlobalObservableBecomesAuxdata() throws Exception {
    BinnedModel m = TestModels.onOff();
    Observations d = Observations.of(m, TestModels.onOffData(m).counts(), new double[] {1.0, 1.1, 1.0});
    JsonNode params = new ObjectMapper().readTree(PyhfWorkspace.toJson(m, d, FitOptions.nonNegativeMu(), "m"))
        .get("measurements").get(0).get("config").get("parameters");
    boolean found = false;
    for (JsonNode p : params) {
      if (p.get("name").asText().equals("react")) {
        assertEquals(2.0, p.get("auxdata").get(0).asDouble(), 1e-12); // (1.1 − 1)/0.05
        found = true;
      }
    }
    assertTrue(found);
  }
}
