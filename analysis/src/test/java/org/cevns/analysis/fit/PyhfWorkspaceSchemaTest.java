package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pyhf export validates against pyhf's workspace JSON schema 1.0.0 (vendored in
 * src/test/resources/pyhf-schemas with its source), with every modifier type cevns writes (normfactor,
 * normsys, histosys, staterror), and never contains NaN or infinity.
 */
class PyhfWorkspaceSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonSchema schema() {
    return WorkspaceLikelihood.schema();
  }

  static BinnedModel withEverything() {
    double[] sig = {20, 30, 10};
    double[] bkg = {50, 40, 30};
    Sample s = Sample.signal("signal", sig, "flux").withModifiers(List.of(Modifier.lognormal("quenching", 0.07),
        Modifier.histosys("threshold", sig, new double[] {18, 31, 11}, new double[] {22, 29, 9})))
        .withStatErrors(new double[] {1, 1.2, 0.8});
    Sample b = Sample.background("steady", bkg, "steady").withStatErrors(new double[] {2, 2, 2});
    Sample b2 = Sample.background("brn", new double[] {3, 2, 1}, "brn");
    return BinnedModel.of(List.of(Channel.of("csi.coincidence", s, b, b2)), List.of(
        NormParameter.constrained("flux", 0.1), NormParameter.free("steady"), NormParameter.constrained("brn", 0.25)));
  }

  @Test
  void exportValidatesAgainstPyhfSchema() throws Exception {
    BinnedModel m = withEverything();
    Observations d = Observations.of(m, new double[] {75, 70, 41});
    JsonNode ws = MAPPER.readTree(PyhfWorkspace.toJson(m, d, FitOptions.unboundedMu(), "cevns"));
    Set<ValidationMessage> errors = schema().validate(ws);
    assertTrue(errors.isEmpty(), "schema violations: " + errors);
    String text = ws.toString();
    for (String type : new String[] {"normfactor", "normsys", "histosys", "staterror"}) {
      assertTrue(text.contains("\"" + type + "\""), type);
    }
  }

  @Test
  void schemaRejectsABrokenWorkspace() throws Exception {
    // the validator is live: a workspace without measurements and with a string count is rejected
    JsonNode bad = MAPPER.readTree("{\"channels\":[{\"name\":\"c\",\"samples\":[{\"name\":\"s\",\"data\":[1],"
        + "\"modifiers\":[]}]}],\"observations\":[{\"name\":\"c\",\"data\":[\"x\"]}],\"version\":\"1.0.0\"}");
    assertTrue(schema().validate(bad).size() >= 2);
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    BinnedModel m = withEverything();
    Observations d = Observations.of(m, new double[] {75, 70, 41}, new double[] {1.0, 1.0, 1.0, 0.0, 0.0});
    // a NaN physics-free template cannot be built (Sample checks), so poison an auxiliary measurement instead
    assertThrows(IllegalArgumentException.class, () -> Observations.of(m, new double[] {75, 70, 41},
        new double[] {1.0, 1.0, Double.NaN, 0.0, 0.0}));
    PhysicsShape nan = v -> new double[] {Double.NaN, 1, 1};
    BinnedModel withNan = BinnedModel.of(List.of(Channel.of("c", Sample.signal("s", new double[] {1, 1, 1})
        .withPhysics(nan))), List.of(), List.of(PhysicsParameter.free("sin2_theta_w", 0.238, 0.1, 0.4)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyhfWorkspace.toJson(withNan,
        Observations.of(withNan, new double[] {1, 1, 1}), FitOptions.unboundedMu(), "m"));
    assertTrue(e.getMessage().contains("finite"), e.getMessage());
    assertEquals(5, d.globalObservables().length);
  }
}
