package org.cevns.schema;

import org.cevns.physics.formfactor.FormFactorModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The reusable strict reader, as detsim and analysis will use it on their sections. */
class ConfigNodeTest {
  private static ConfigNode node(String yaml) {
    return ConfigNode.of(YamlReader.read(yaml, "t.yaml"), "detectors[0].response");
  }

  private static String message(Runnable r) {
    return assertThrows(ConfigException.class, r::run).getMessage();
  }

  enum Model { LINDHARD, FEF_YBE }

  @Test
  void typedGettersAndDefaults() {
    ConfigNode n = node("model: fef-ybe\nk: 0.162\nbins: 40\non: true\nlabel: x\nlist: [1, 2.5]\n");
    n.allowKeys("model", "k", "bins", "on", "label", "list", "absent");
    assertEquals(Model.FEF_YBE, n.requiredEnum("model", Model.class));
    assertEquals(0.162, n.requiredDouble("k", DoubleRange.open(0, 1)));
    assertEquals(40, n.requiredInt("bins", 1, 100));
    assertEquals(true, n.requiredBoolean("on"));
    assertEquals("x", n.requiredString("label"));
    assertEquals(List.of(1.0, 2.5), n.requiredList("list").stream().map(ConfigNode::asDouble).toList());
    assertEquals(OptionalDouble.empty(), n.optionalDouble("absent"));
    n.requireAllConsumed();
  }

  @Test
  void errorsCarryTheFullPath() {
    assertEquals("detectors[0].response.k: must be in (0, 1), got 1.5",
        message(() -> node("k: 1.5\n").requiredDouble("k", DoubleRange.open(0, 1))));
    assertEquals("detectors[0].response.bins: must be an integer in [1, 100], got 2.5",
        message(() -> node("bins: 2.5\n").requiredInt("bins", 1, 100)));
    assertEquals("detectors[0].response.model: must be one of lindhard, fef-ybe, got 'lindhard2'",
        message(() -> node("model: lindhard2\n").requiredEnum("model", Model.class)));
    assertEquals("detectors[0].response.list[1]: must be a number, got 'x'",
        message(() -> node("list: [1, x]\n").requiredList("list").forEach(ConfigNode::asDouble)));
    assertEquals("detectors[0].response.k: must be a finite number, got -.inf",
        message(() -> node("k: -.inf\n").requiredDouble("k", DoubleRange.FINITE)));
    assertEquals("detectors[0].response: must be a map, got a list", message(() -> node("[1]\n").requiredDouble("k")));
  }

  @Test
  void unknownKeysWithAndWithoutDeclaration() {
    assertEquals("detectors[0].response.kk: unknown key, allowed: k, model",
        message(() -> node("kk: 1\n").allowKeys("k", "model")));
    ConfigNode undeclared = node("k: 1\nextra: 2\n");
    undeclared.requiredDouble("k");
    undeclared.optionalDouble("other");
    assertEquals("detectors[0].response.extra: unknown key, allowed: k, other", message(undeclared::requireAllConsumed));
    ConfigNode declared = node("k: 1\n").allowKeys("k");
    assertThrows(IllegalStateException.class, () -> declared.optionalDouble("undeclared"), "programming error");
    assertThrows(IllegalStateException.class, declared::requireAllConsumed, "declared key never read");
  }

  @Test
  void entriesAreDataKeysInOrder() {
    ConfigNode n = node("per_source: {sns: 1, ess: 2, a: 3}\n");
    Map<String, ConfigNode> entries = n.requiredMap("per_source").entries();
    assertEquals(List.of("sns", "ess", "a"), List.copyOf(entries.keySet()));
    assertEquals("detectors[0].response.per_source.ess", entries.get("ess").path());
  }

  @Test
  void buildPrefixesRelativeErrorsOnly() {
    ConfigNode n = node("mass_kg: -3\n");
    assertEquals("detectors[0].response.mass_kg: must be > 0, got -3",
        message(() -> n.build(() -> DoubleRange.POSITIVE.check("mass_kg", n.requiredDouble("mass_kg")))));
    assertEquals("detectors[0].response.x: must be a number, got null",
        message(() -> node("x: null\n").build(() -> node("x: null\n").requiredDouble("x"))), "already rooted: unchanged");
  }

  @Test
  void stageSectionIsImmutableAndReadable() {
    ConfigNode n = node("response: {model: lindhard}\n");
    StageSection s = n.optionalSection("response").orElseThrow();
    ((com.fasterxml.jackson.databind.node.ObjectNode) s.node()).put("model", "changed");
    assertEquals(Model.LINDHARD, s.reader().requiredEnum("model", Model.class));
    assertEquals("detectors[0].response.response", s.keyPath());
  }

  @Test
  void spellings() {
    assertEquals("solar-8b", ConfigNode.spelling(SourceType.SOLAR_8B));
    assertEquals("numubar", ConfigNode.spelling(org.cevns.physics.Flavor.NUMUBAR));
    assertEquals("helm, klein-nystrand, symmetrized-fermi, unity", ConfigNode.spellings(FormFactorModel.class));
  }

  @Test
  void doubleRangeDescriptions() {
    assertEquals("> 0", DoubleRange.POSITIVE.describe());
    assertEquals(">= 0", DoubleRange.NON_NEGATIVE.describe());
    assertEquals("in [0.5, 20]", DoubleRange.closed(0.5, 20).describe());
    assertTrue(DoubleRange.POSITIVE_OR_INFINITE.contains(Double.POSITIVE_INFINITY));
    assertTrue(!DoubleRange.POSITIVE.contains(Double.POSITIVE_INFINITY));
    assertEquals("roi: must be > 0 (or .inf), got .nan",
        message(() -> DoubleRange.POSITIVE_OR_INFINITE.check("roi", Double.NaN)));
  }
}
