package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bound sections ({@link ConfigBinding}) and their messages ({@link BindingErrors}) beyond ConfigErrorsTest. */
class ConfigBindingTest {
  private static final String BASE = ConfigErrorAssertions.SNS_CSI;

  private static String message(String yaml, Path dir) {
    return ConfigErrorAssertions.message(yaml, dir);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "generator: {energy_nodes: 64.5}|generator.energy_nodes: must be an integer in [16, 8192], got 64.5",
      "generator: {energy_nodes: '64'}|generator.energy_nodes: must be an integer in [16, 8192], got '64'",
      "generator: {energy_nodes: }|generator.energy_nodes: must be an integer in [16, 8192], got null",
      "generator: {energy_nodes: 99999999999999999999}"
          + "|generator.energy_nodes: must be an integer in [16, 8192], got 99999999999999999999",
      "generator: {weighted: 'yes'}|generator.weighted: must be true or false, got 'yes'",
      "generator: {weighted: }|generator.weighted: must be true or false, got null",
      "generator: {weighted: true, nodes: 3}"
          + "|generator.nodes: unknown key, allowed: weighted, energy_nodes, recoil_nodes",
      "generator: 3|generator: must be a map, got 3",
      "generator: |generator: must be a map, got null",
      "generator: []|generator: must be a map, got []"})
  void generatorSection(String section, String expected, @TempDir Path dir) {
    assertEquals(expected, message(BASE + section + "\n", dir));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{volume: }|detectors[0].geometry.volume: must be a map, got null",
      "{direction: }|detectors[0].geometry.direction: must be one of auto, isotropic, solar, got null",
      "{position_m: [0, 1, ~]}|detectors[0].geometry.position_m[2]: must be a number, got null",
      "{position_m: [0, 1, '2']}|detectors[0].geometry.position_m[2]: must be a number, got '2'",
      "{position_m: [0, 1, 1e31]}|detectors[0].geometry.position_m[2]: must be a number of magnitude at most 1e30, got 1.0e31",
      "{position_m: 3}|detectors[0].geometry.position_m: must be a list, got 3",
      "{volume: {box_m: [1, 1]}}|detectors[0].geometry.volume.box_m: must be a list of three edge lengths [x, y, z] in m, got a list",
      "{volume: {cylinder: {radius_m: 1, height_m: 1, r: 2}}}"
          + "|detectors[0].geometry.volume.cylinder.r: unknown key, allowed: radius_m, height_m",
      "{volume: {cylinder: 1}}|detectors[0].geometry.volume.cylinder: must be a map, got 1",
      "{vol: 1}|detectors[0].geometry.vol: unknown key, allowed: position_m, direction, latitude_deg, volume"})
  void geometrySection(String geometry, String expected, @TempDir Path dir) {
    assertEquals(expected, message(BASE + "    geometry: " + geometry + "\n", dir));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{isotopes: [{element: Xe, fraction: 1}]}|detectors[0].target.isotopes[0].a: required key is missing",
      "{isotopes: [{element: Xe, a: 136.5, fraction: 1}]}"
          + "|detectors[0].target.isotopes[0].a: must be an integer in [1, 300], got 136.5",
      "{isotopes: [{element: Xe, a: 136, fraction: 1, z: 54}]}"
          + "|detectors[0].target.isotopes[0].z: unknown key, allowed: element, a, fraction",
      "{isotopes: [{element: , a: 136, fraction: 1}]}"
          + "|detectors[0].target.isotopes[0].element: must be a non-empty string, got null",
      "{isotopes: [{element: '', a: 136, fraction: 1}]}"
          + "|detectors[0].target.isotopes[0].element: must be a non-empty string, got ''",
      "{isotopes: [3]}|detectors[0].target.isotopes[0]: must be a map, got 3",
      "{formula: 7}|detectors[0].target.formula: must be a non-empty string, got 7",
      "{}|detectors[0].target: must give exactly one of formula, isotopes, got none"})
  void targetSection(String target, String expected, @TempDir Path dir) {
    assertEquals(expected, message(BASE.replace("target: {formula: CsI}", "target: " + target), dir));
  }

  @Test
  void boundSectionsKeepTheirValues(@TempDir Path dir) {
    ExperimentConfig c = ConfigLoader.parse(BASE
        + "    geometry: {position_m: [0, 0, 19.3], direction: isotropic, volume: {box_m: [1, 2, 3]}}\n"
        + "generator: {weighted: true, recoil_nodes: 64}\n", dir);
    assertEquals(new GeneratorSettings(true, GeneratorSettings.DEFAULT_ENERGY_NODES, 64), c.generator());
    GeometryConfig g = c.detectors().get(0).geometry();
    assertEquals(List.of(0.0, 0.0, 19.3), g.positionM().orElseThrow());
    assertEquals(GeometryConfig.Direction.ISOTROPIC, g.direction());
    assertEquals(new GeometryConfig.Box(1, 2, 3), g.volume());
    assertEquals(new FormulaTarget("CsI"), c.detectors().get(0).target());
  }

  @Test
  void theRecorderSeesBoundSections(@TempDir Path dir) {
    SchemaRecorder recorder = new SchemaRecorder();
    recorder.record(() -> ConfigLoader.parse(BASE + "    geometry: {volume: {cylinder: {radius_m: 1, height_m: 2}}}\n"
        + "generator: {weighted: true}\n", dir));
    Map<String, String> places = recorder.places();
    assertEquals("object", places.get("generator"));
    assertEquals("integer", places.get("generator.energy_nodes"));
    assertEquals("number", places.get("detectors.[].geometry.volume.cylinder.radius_m"));
    assertEquals("array", places.get("detectors.[].target.isotopes"));
    var schema = recorder.jsonSchema("t", "d");
    var radius = schema.at("/properties/detectors/items/properties/geometry/properties/volume/properties/cylinder"
        + "/properties/radius_m");
    assertEquals(0.0, radius.get("exclusiveMinimum").doubleValue(), "the constructor's range is recorded");
    assertEquals(List.of("element", "a", "fraction"), List.of(
        schema.at("/properties/detectors/items/properties/target/properties/isotopes/items/required").get(0).textValue(),
        schema.at("/properties/detectors/items/properties/target/properties/isotopes/items/required").get(1).textValue(),
        schema.at("/properties/detectors/items/properties/target/properties/isotopes/items/required").get(2).textValue()));
  }
}
