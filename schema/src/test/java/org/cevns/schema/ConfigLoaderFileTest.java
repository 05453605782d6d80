package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files: unreadable files, encodings, relative spectrum files, stage sections. */
class ConfigLoaderFileTest {
  private static final String CONFIG = String.join("\n",
      "name: file-test",
      "sources:",
      "  - name: custom",
      "    type: spectrum-file",
      "    file: spectra/s.csv",
      "    flavor: nuebar",
      "    rate_per_s: 1.0e18",
      "    exposure: {live_days: 10}",
      "detectors:",
      "  - name: d",
      "    target: {formula: Ge}",
      "    mass_kg: 1",
      "    distance_m: 10",
      "    response: {model: lindhard, k: 0.162}",
      "    backgrounds: [{flat_per_kevnr_kg_day: 3}]",
      "windows: {prompt_ns: [0, 1000]}",
      "analysis: {fit: poisson}",
      "");

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void relativeFilesResolveAgainstTheConfigDirectory(@TempDir Path dir) throws IOException {
    Path csv = write(dir, "exp/spectra/s.csv", "energy_mev,dn_de\n1,0\n2,1\n3,0\n");
    Path file = write(dir, "exp/config.yaml", CONFIG);
    ExperimentConfig c = ConfigLoader.load(file);
    SpectrumFileConfig s = (SpectrumFileConfig) c.sources().get(0);
    assertEquals(csv.toAbsolutePath().normalize(), s.resolvedFile());
    assertEquals("spectra/s.csv", s.file());
    assertEquals(SpectrumFileConfig.DEFAULT_PARENT, s.parent());
    assertTrue(s.pointSource());
    assertEquals(CONFIG, c.yamlText());
    assertEquals(dir.resolve("exp").toAbsolutePath().normalize(), c.baseDir());
    // stage sections are kept verbatim with their key paths
    DetectorConfig d = c.detectors().get(0);
    assertEquals("detectors[0].response", d.response().orElseThrow().keyPath());
    assertEquals(0.162, d.response().orElseThrow().node().get("k").doubleValue());
    assertEquals("detectors[0].backgrounds", d.backgrounds().orElseThrow().keyPath());
    assertEquals("windows", c.windows().orElseThrow().keyPath());
    assertEquals("poisson", c.analysis().orElseThrow().node().get("fit").textValue());
    assertTrue(c.resolvedYaml().contains("response: {model: lindhard, k: 0.162}"), c.resolvedYaml());
    assertTrue(c.resolvedYaml().contains("parent: user"), c.resolvedYaml());
    // the same text elsewhere does not find the spectrum
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(CONFIG, dir));
    assertEquals("sources[0].file", e.keyPath());
  }

  @Test
  void unreadableFiles(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(missing + ": cannot read configuration: file not found",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage());
    assertEquals(dir + ": cannot read configuration: is a directory, expected a YAML file",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir)).getMessage());
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "# Oak Ridge\r\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    // walkportable: the line and the byte, and what to do (was "...: not UTF-8 text" alone)
    assertEquals(latin1 + ": cannot read configuration: not UTF-8 text (line 2: byte 0xE9, a Latin-1 or Windows-1252"
        + " \u00e9, \u00b5, \u00b0 or umlaut?); save the file as UTF-8",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(latin1)).getMessage());
  }

  @Test
  void syntaxErrorsNameTheFile(@TempDir Path dir) throws IOException {
    Path bad = write(dir, "bad.yaml", "name: x\nsources:\n  - name: a\n   type: b\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(bad));
    assertTrue(e.getMessage().startsWith(bad + ": invalid YAML at line 4, column "), e.getMessage());
  }

  @Test
  void byteOrderMarkIsAccepted(@TempDir Path dir) throws IOException {
    write(dir, "spectra/s.csv", "energy_mev,dn_de\n1,1\n");
    Path file = write(dir, "bom.yaml", "\uFEFF" + CONFIG);
    assertEquals("file-test", ConfigLoader.load(file).name());
  }
}
