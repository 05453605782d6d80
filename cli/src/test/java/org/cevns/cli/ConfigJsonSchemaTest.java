package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.SchemaRecorder;
import org.cevns.schema.YamlReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code configs/cevns-config.schema.json}: generated from the loaders (a {@link SchemaRecorder} active while the
 * shipped configurations, {@code configs/reference.yaml} among them, and the parser branches they do not use
 * ({@code src/test/resources/config-schema/}) are loaded through every stage as
 * {@link ConfigSupport#load} does), kept up to date, covering every key the parsers declare, and accepting every
 * shipped configuration.
 */
class ConfigJsonSchemaTest {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();
  static final Path SOURCES = Path.of("..").toAbsolutePath().normalize();
  /** Configurations of parser branches no shipped configuration uses. */
  static final Path BRANCHES = Path.of("src/test/resources/config-schema").toAbsolutePath().normalize();
  static final Path SCHEMA_FILE = CONFIGS.resolve("cevns-config.schema.json");
  /** The command that rewrites the committed schema (from the repository root). */
  static final String REGENERATE = "mvn -B -o -q -pl cli -am test -Dtest=ConfigJsonSchemaTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcevns.regenerate-schema=true";

  static List<Path> shippedConfigs() throws IOException {
    try (Stream<Path> s = Files.list(CONFIGS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The shipped configurations and the extra branches, in a fixed order. */
  static List<Path> recordedConfigs() throws IOException {
    List<Path> all = new java.util.ArrayList<>(shippedConfigs());
    try (Stream<Path> s = Files.list(BRANCHES)) {
      all.addAll(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
    }
    return all;
  }

  /** The schema as generated from the loaders, as the text of the committed file. */
  static String generate() throws IOException {
    List<Path> inputs = recordedConfigs();
    SchemaRecorder recorder = new SchemaRecorder();
    for (Path p : inputs) {
      recorder.record(() -> ConfigSupport.load(p, new ConfigOverrides()));
    }
    ObjectNode schema = recorder.jsonSchema("cevns experiment configuration",
        "Generated from the cevns configuration loaders (schema, detsim, analysis) by ConfigJsonSchemaTest; do not"
            + " edit. Keys, units, defaults: configs/reference.yaml. Regenerate: " + REGENERATE);
    ObjectNode properties = (ObjectNode) schema.get("properties");
    // resolved before the loaders see the tree (ConfigIncludes), so not recorded: a file name or a list of them
    ObjectNode include = properties.putObject(ConfigLoader.INCLUDE_KEY);
    include.putArray("type").add("string").add("array");
    include.putObject("items").put("type", "string");
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
  }

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (Boolean.getBoolean("cevns.regenerate-schema")) {
      Files.writeString(SCHEMA_FILE, generate(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theCommittedSchemaIsUpToDate() throws IOException {
    String generated = generate();
    String committed = Files.exists(SCHEMA_FILE) ? Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8) : "";
    if (!generated.equals(committed)) {
      fail("configs/cevns-config.schema.json is stale (the configuration loaders changed); regenerate it with: "
          + REGENERATE);
    }
  }

  static JsonSchema schema() throws IOException {
    JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    return f.getSchema(new ObjectMapper().readTree(SCHEMA_FILE.toFile()));
  }

  static Set<ValidationMessage> validate(String yaml) throws IOException {
    return schema().validate(YamlReader.read(yaml, "test"));
  }

  @ParameterizedTest
  @MethodSource("recordedConfigs")
  void everyShippedConfigurationValidates(Path config) throws IOException {
    JsonNode tree = YamlReader.read(Files.readString(config), config.toString());
    Set<ValidationMessage> errors = schema().validate(tree);
    assertTrue(errors.isEmpty(), config + ": " + errors);
  }

  /** The schema has teeth: what the loader refuses, the schema refuses too (for these typical mistakes). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mass_kg: 14.6|mass_kgg: 14.6|mass_kgg",
      "mass_kg: 14.6|mass_kg: -3|mass_kg",
      "mass_kg: 14.6|mass_kg: '14.6'|mass_kg",
      "type: pion-dar|type: pion-darr|type",
      "facility: sns|facility: snss|facility",
      "model: logistic|model: logistik|model",
      "counts_per_gwh: 2.60 |counts_per_gwh: [2.60] |counts_per_gwh"})
  void typicalMistakesAreFlagged(String from, String to, String where) throws IOException {
    String text = Files.readString(CONFIGS.resolve("coherent-csi.yaml"));
    assertTrue(text.contains(from), from);
    String bad = text.replaceFirst(java.util.regex.Pattern.quote(from), to);
    Set<ValidationMessage> errors = validate(bad);
    assertFalse(errors.isEmpty(), "accepted: " + to);
    assertTrue(errors.toString().contains(where), errors.toString());
  }

  /**
   * The validity bounds of the new-physics keys ({@code NewPhysicsBounds}) are the schema's minimum and maximum,
   * from the same constants (recorded by the loaders' checks); masses have none. Regression: the schema said
   * {@code number} only, so an editor accepted {@code charge_radius_cm2: {all: -1}} that the loader refuses.
   */
  @ParameterizedTest
  @CsvSource({"nsi.u.ee", "nsi.e.mutau", "magnetic_moment_mub.emu", "magnetic_moment_mub.all", "millicharge_e.nue",
      "charge_radius_cm2.all", "mediators.[].g", "mediators.[].g_e", "sterile.dipole_mub.numu", "ngi.tensor.n",
      "ngi.scalar.mutau.e", "ngi.vector.numu.p", "mediators.[].mass_mev", "sterile.mass_mev"})
  void newPhysicsKeysCarryTheirValidityBounds(String key) throws IOException {
    JsonNode node = new ObjectMapper().readTree(SCHEMA_FILE.toFile()).get("properties").get("physics");
    for (String part : key.split("\\.")) {
      node = part.equals("[]") ? node.get("items") : node.get("properties").get(part);
    }
    double bound = org.cevns.physics.xs.bsm.NewPhysicsBounds.bound(key.replace("mediators.[]", "mediator[0]"));
    if (Double.isInfinite(bound)) {
      assertFalse(node.has("maximum") || node.has("minimum"), key + ": " + node);
      return;
    }
    assertEquals(bound, node.get("maximum").asDouble(), 0, key + ": " + node);
    assertEquals(-bound, node.get("minimum").asDouble(), 0, key + ": " + node);
  }

  /** A value beyond its bound is refused by the schema as by the loader. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "charge_radius_cm2: {numu: -3.0e-32}|charge_radius_cm2: {numu: -1}|charge_radius_cm2",
      "magnetic_moment_mub: {nue: 1.0e-9, numu: 1.0e-9}|magnetic_moment_mub: {nue: 2.0e-6}|magnetic_moment_mub",
      "type: vector, mass_mev: 30, g: 3.0e-5|type: vector, mass_mev: 30, g: 4|mediators",
      "dipole_mub: {numu: 1.0e-9}|dipole_mub: {numu: 0.01}|dipole_mub"})
  void newPhysicsBeyondItsBoundIsRefused(String from, String to, String where, @org.junit.jupiter.api.io.TempDir
      Path dir) throws IOException {
    String text = Files.readString(CONFIGS.resolve("coherent-csi-newphysics.yaml"));
    assertTrue(text.contains(from), from);
    String bad = text.replaceFirst(java.util.regex.Pattern.quote(from), to);
    Set<ValidationMessage> errors = validate(bad);
    assertFalse(errors.isEmpty(), "accepted: " + to);
    assertTrue(errors.toString().contains(where), errors.toString());
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, bad);
    RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> ConfigSupport.load(file, new ConfigOverrides()));
    assertTrue(e.getMessage().contains("must be within"), e.getMessage());
  }

  /**
   * The schema is recorded from the branches the shipped configurations exercise: every key a parser declares
   * with {@code allowKeys("...")} or reads by a literal name, and every {@code @JsonProperty} key of a bound
   * record, must have been seen, else a branch no shipped
   * configuration uses is missing from the schema (give an example of it in configs/reference.yaml or in
   * src/test/resources/config-schema/).
   */
  @Test
  void everyKeyTheParsersDeclareIsInTheSchema() throws IOException {
    Set<String> inSchema = new java.util.HashSet<>();
    collectPropertyNames(new ObjectMapper().readTree(SCHEMA_FILE.toFile()), inSchema);
    java.util.regex.Pattern declared = java.util.regex.Pattern.compile("allowKeys\\(([^;]*?)\\);",
        java.util.regex.Pattern.DOTALL);
    java.util.regex.Pattern read = java.util.regex.Pattern.compile(
        "\\b[a-z]\\w*\\.(?:required|optional)(?:Double|Int|Long|Boolean|String|Enum|Map|List|Section)?\\(\"([a-z0-9_]+)\"");
    java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"([A-Za-z0-9_]+)\"");
    // keys of records bound by Jackson (schema.ConfigBinding)
    java.util.regex.Pattern bound = java.util.regex.Pattern.compile("@JsonProperty\\((?:value = )?\"([A-Za-z0-9_]+)\"");
    Set<String> missing = new java.util.TreeSet<>();
    for (String module : List.of("schema", "detsim", "analysis")) {
      try (Stream<Path> files = Files.walk(SOURCES.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String src = Files.readString(f);
          var m = declared.matcher(src);
          while (m.find()) {
            var k = literal.matcher(m.group(1));
            while (k.find()) {
              if (!inSchema.contains(k.group(1))) {
                missing.add(f.getFileName() + ": " + k.group(1));
              }
            }
          }
          m = read.matcher(src);
          while (m.find()) {
            if (!inSchema.contains(m.group(1))) {
              missing.add(f.getFileName() + ": " + m.group(1));
            }
          }
          m = bound.matcher(module.equals("schema") ? src : ""); // the bound records all live in schema
          while (m.find()) {
            if (!inSchema.contains(m.group(1))) {
              missing.add(f.getFileName() + ": " + m.group(1));
            }
          }
        }
      }
    }
    assertEquals(Set.of(), missing, "keys of parser branches no shipped configuration exercises");
  }

  private static void collectPropertyNames(JsonNode n, Set<String> out) {
    if (n.has("properties")) {
      n.get("properties").fieldNames().forEachRemaining(out::add);
    }
    n.forEach(child -> collectPropertyNames(child, out));
  }

  @Test
  void theSchemaRequiresTheTopLevelKeysTheLoaderRequires() throws IOException {
    JsonNode s = new ObjectMapper().readTree(SCHEMA_FILE.toFile());
    assertEquals("[\"name\",\"sources\",\"detectors\"]", s.get("required").toString());
    assertEquals(false, s.get("additionalProperties").booleanValue());
  }
}
