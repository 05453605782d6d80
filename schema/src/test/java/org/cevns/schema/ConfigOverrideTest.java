package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --set KEY.PATH=VALUE}: parsing, applying to the tree, and validation of the result. */
class ConfigOverrideTest {
  private static final String CONFIG = String.join("\n",
      "name: set-test",
      "sources:",
      "  - name: sns",
      "    type: pion-dar",
      "    facility: sns",
      "    exposure: {pot: 1.0e23}",
      "detectors:",
      "  - name: a",
      "    target: {formula: CsI}",
      "    mass_kg: 14.6",
      "    distance_m: 19.3",
      "  - name: b",
      "    target: {formula: Ar}",
      "    mass_kg: 24",
      "    distance_m: 27.5",
      "");

  private static ExperimentConfig load(String... sets) {
    return ConfigLoader.parse(CONFIG, Path.of("."), ConfigOverride.parseAll(List.of(sets)));
  }

  @Test
  void pathsWithIndicesAndQuotedKeysParse() {
    ConfigOverride o = ConfigOverride.parse("detectors[1].distances_m.\"sns.v2\"=20");
    assertEquals(List.of("detectors", 1, "distances_m", "sns.v2"), o.path());
    assertEquals(20, o.value().intValue());
    assertEquals("detectors[1].distances_m.\"sns.v2\"", o.keyPath());
    assertEquals(List.of("a", 0, 2), ConfigOverride.parse("a[0][2]=x").path());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "x=20|INT", "x=2.5e3|DOUBLE", "x=true|BOOLEAN", "x='3'|STRING", "x=abc|STRING", "x=|NULL",
      "x=[cevns, eves]|ARRAY", "x={box_m: [1, 1, 1]}|OBJECT", "x=a=b|STRING"})
  void valuesAreReadAsYaml(String text, String type) {
    JsonNode v = ConfigOverride.parse(text).value();
    assertEquals(type, v.getNodeType().name().equals("NUMBER") ? (v.isInt() ? "INT" : "DOUBLE") : v.getNodeType().name(),
        text);
  }

  @Test
  void overridesChangeTheValidatedConfiguration() {
    ExperimentConfig c = load("detectors[1].mass_kg=20", "physics.sin2_theta_w=0.24", "seed=7",
        "detectors[0].geometry={volume: {box_m: [1, 2, 3]}}");
    assertEquals(20, c.detectors().get(1).massKg());
    assertEquals(14.6, c.detectors().get(0).massKg());
    assertEquals(0.24, c.physics().sin2ThetaW());
    assertEquals(7, c.seed().getAsLong());
    assertTrue(c.resolvedYaml().contains("mass_kg: 20"), c.resolvedYaml());
    // later overrides win
    assertEquals(3, load("detectors[0].mass_kg=2", "detectors[0].mass_kg=3").detectors().get(0).massKg());
    // a whole list item or list
    assertEquals("CsI", ((FormulaTarget) load("detectors[1]={name: c, target: {formula: CsI}, mass_kg: 1,"
        + " distance_m: 5}").detectors().get(1).target()).formula());
  }

  @Test
  void missingMapsAreCreated() {
    ObjectNode tree = (ObjectNode) YamlReader.read("name: x", "t");
    ConfigOverride.parse("physics.nuclei.Cs133.neutron_rms_radius_fm=4.9").applyTo(tree);
    assertEquals(4.9, tree.at("/physics/nuclei/Cs133/neutron_rms_radius_fm").doubleValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "detectors[2].mass_kg=1|--set detectors[2].mass_kg=1: index 2 is out of range, detectors has 2 items",
      "detectors.mass_kg=1|--set detectors.mass_kg=1: detectors is a list, not a map",
      "name[0]=1|--set name[0]=1: name is the value 'set-test', not a list",
      "windows[0]=1|--set windows[0]=1: windows is not set, so it has no item 0",
      "detectors[0].mass_kg.x=1|--set detectors[0].mass_kg.x=1: detectors[0].mass_kg is the value 14.6, not a map",
      "=1|--set =1: malformed key path (empty key path), expected e.g. detectors[0].mass_kg=20",
      "a.=1|--set a.=1: malformed key path (empty key), expected e.g. detectors[0].mass_kg=20",
      "[0]=1|--set [0]=1: malformed key path (a list index is [N] after a key, N = 0, 1, ...), expected e.g."
          + " detectors[0].mass_kg=20",
      "a[x]=1|--set a[x]=1: malformed key path (a list index is [N] after a key, N = 0, 1, ...), expected e.g."
          + " detectors[0].mass_kg=20",
      "a[0]b=1|--set a[0]b=1: malformed key path (keys are separated by '.'), expected e.g. detectors[0].mass_kg=20",
      "\"a=1|--set \"a=1: must be KEY.PATH=VALUE (e.g. detectors[0].mass_kg=20)",
      "mass_kg|--set mass_kg: must be KEY.PATH=VALUE (e.g. detectors[0].mass_kg=20)",
      "x=[1|--set x=[1: invalid YAML at line 1, column 3: expected ',' or ']', but got <stream end> (while parsing a"
          + " flow sequence)",
      "include=b.yaml|--set include=b.yaml: include cannot be overridden (it is resolved before --set is applied)",
      "detectors[1].mass_kg=-3|detectors[1].mass_kg: must be > 0, got -3",
      "detectors[0].mas_kg=3|detectors[0].mas_kg: unknown key, allowed: name, target, mass_kg, distance_m,"
          + " distances_m, threshold_kevnr, roi_max_kevnr, exposure, response, backgrounds, geometry"})
  void badOverridesAreOneLineErrorsNamingThem(String set, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(set));
    assertEquals(message, e.getMessage());
  }
}
