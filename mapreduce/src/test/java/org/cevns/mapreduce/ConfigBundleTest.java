package org.cevns.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBundleTest {
  @TempDir Path tmp;

  private static final String CSV = "energy_mev,dn_de\n1.0,0.0\n5.0,1.0\n10.0,0.0\n";

  private static String config(String file) {
    return """
        # a comment with ${not.a.hadoop.variable} and non-ASCII text: ν̄_e
        name: bundle-test
        seed: 3
        sources:
          - name: custom
            type: spectrum-file
            file: %s
            flavor: numu
            flux_per_cm2_s: 1.0e7
            exposure: {live_days: 10}
        detectors:
          - name: det
            target: {formula: Ar}
            mass_kg: 10
            roi_max_kevnr: .inf
        """.formatted(file);
  }

  /** Relative (inside and outside the config's directory) and absolute file names all travel with the bundle. */
  @Test
  void dataFilesTravelWithTheConfigurationAndLoadTheSameModel() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("client/configs"));
    Files.createDirectories(dir.resolve("spectra"));
    Files.writeString(dir.resolve("spectra/tri.csv"), CSV);
    Files.writeString(tmp.resolve("client/outside.csv"), CSV);
    for (String file : List.of("spectra/tri.csv", "../outside.csv", dir.resolve("spectra/tri.csv").toString())) {
      Path cfgFile = dir.resolve("exp.yaml");
      Files.writeString(cfgFile, config(file));
      ExperimentConfig original = ConfigLoader.load(cfgFile);

      ConfigBundle bundle = ConfigBundle.read(cfgFile);
      assertEquals(1, bundle.files().size(), file);
      Configuration conf = new Configuration(false);
      bundle.store(conf);
      ConfigBundle shipped = ConfigBundle.load(conf);
      assertEquals(bundle.yaml(), shipped.yaml());
      assertEquals("exp.yaml", shipped.fileName());
      assertArrayEquals(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          shipped.files().values().iterator().next());

      Path task = Files.createDirectories(tmp.resolve("task-" + Math.abs(file.hashCode())));
      ExperimentConfig remote = ConfigLoader.load(shipped.materialize(task));
      assertTrue(remote.sources().get(0).toString().contains(task.toString()), "the task reads its own copy");
      assertEquals(ExperimentModel.build(original).totalExpectedEvents(),
          ExperimentModel.build(remote).totalExpectedEvents(), 0.0, file);
      assertEquals(original.detectors(), remote.detectors());
      assertEquals(original.seed(), remote.seed());
    }
  }

  /** Without data files the text travels unchanged (comments and all), and Hadoop never expands ${...}. */
  @Test
  void textWithoutFilesIsShippedVerbatim() throws Exception {
    Path cfgFile = tmp.resolve("plain.yaml");
    String text = config("unused").replace("""
            type: spectrum-file
            file: unused
        """, """
            type: monoenergetic
            energy_mev: 20
        """);
    Files.writeString(cfgFile, text);
    ConfigLoader.load(cfgFile);
    Configuration conf = new Configuration(false);
    ConfigBundle.read(cfgFile).store(conf);
    ConfigBundle shipped = ConfigBundle.load(conf);
    assertEquals(text, shipped.yaml());
    assertEquals(Map.of(), shipped.files());
  }

  /**
   * The tasks get the configuration the client validated: includes resolved (an included file's data file
   * travels too) and --set overrides applied.
   */
  @Test
  void includesAndOverridesAreResolvedBeforeShipping() throws Exception {
    Path common = Files.createDirectories(tmp.resolve("common/spectra"));
    Files.writeString(common.resolve("tri.csv"), CSV);
    String base = config("spectra/tri.csv");
    Files.writeString(tmp.resolve("common/base.yaml"), base);
    Path dir = Files.createDirectories(tmp.resolve("exp"));
    Path cfgFile = dir.resolve("exp.yaml");
    Files.writeString(cfgFile, "include: ../common/base.yaml\nname: derived\n");
    var overrides = org.cevns.schema.ConfigOverride.parseAll(List.of("detectors[0].mass_kg=20"));
    ExperimentConfig original = ConfigLoader.load(cfgFile, overrides);
    assertEquals("derived", original.name());
    assertEquals(20, original.detectors().get(0).massKg());
    Configuration conf = new Configuration(false);
    ConfigBundle.read(cfgFile, overrides).store(conf);
    ConfigBundle shipped = ConfigBundle.load(conf);
    assertEquals(1, shipped.files().size());
    ExperimentConfig remote = ConfigLoader.load(shipped.materialize(Files.createDirectories(tmp.resolve("task"))));
    assertEquals(original.detectors(), remote.detectors());
    assertEquals(original.name(), remote.name());
    assertEquals(ExperimentModel.build(original).totalExpectedEvents(),
        ExperimentModel.build(remote).totalExpectedEvents(), 0.0);
  }

  @Test
  void unreadableDataFileIsAConfigError() throws Exception {
    Path cfgFile = tmp.resolve("exp.yaml");
    Files.writeString(cfgFile, config("missing.csv"));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigBundle.read(cfgFile));
    assertTrue(e.getMessage().startsWith("sources[0].file: must be a readable file"), e.getMessage());
  }

  /**
   * The ±1σ template files of {@code analysis.fit.template_files[].variants[]} ({@code up:}/{@code down:}, not
   * {@code file:} keys) travel too: before, they kept their relative names and every task of {@code mapreduce toys}
   * on {@code configs/coherent-lar.yaml} failed to find them ("job FAILED").
   */
  @Test
  void templateVariantFilesTravelWithTheConfiguration() throws Exception {
    Path shippedConfig = Path.of("../configs/coherent-lar.yaml").toAbsolutePath().normalize();
    ConfigBundle bundle = ConfigBundle.read(shippedConfig);
    Path task = bundle.materialize(Files.createDirectories(tmp.resolve("task")));
    com.fasterxml.jackson.databind.JsonNode variants = org.cevns.schema.YamlReader.read(Files.readString(task),
        task.toString()).at("/analysis/fit/template_files/0/variants");
    int checked = 0;
    for (com.fasterxml.jackson.databind.JsonNode v : variants) {
      for (String side : List.of("up", "down")) {
        if (v.has(side)) {
          String name = v.get(side).asText();
          assertTrue(name.startsWith(ConfigBundle.BUNDLE_DIR + "/"), side + ": " + name);
          assertTrue(Files.isRegularFile(task.getParent().resolve(name)), name);
          checked++;
        }
      }
    }
    assertEquals(3, checked);
    assertTrue(ConfigBundle.isTemplateVariantFile("analysis.fit.template_files[2].variants[0]", "down"));
    assertTrue(!ConfigBundle.isTemplateVariantFile("analysis.systematics.detectors.lar.response_variants[0]", "up"));
  }
}
