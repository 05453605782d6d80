package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include:}: deep merge with overrides, nesting, relative files, cycles, depth, missing files. */
class ConfigIncludeTest {
  private static final String BASE = String.join("\n",
      "name: base",
      "seed: 1",
      "physics: {sin2_theta_w: 0.2386, form_factor: helm, processes: [cevns, eves]}",
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
      "");
  private static final String CSV = "energy_mev,dn_de\n1,0\n2,1\n3,0\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theIncludingFileOverridesMapsKeyByKeyAndReplacesLists() throws IOException {
    write("common/spectra/s.csv", CSV);
    write("common/base.yaml", BASE);
    Path exp = write("exp/exp.yaml", String.join("\n",
        "include: ../common/base.yaml",
        "name: derived",
        "physics: {sin2_theta_w: 0.24}",
        "detectors:",
        "  - name: big",
        "    target: {formula: Ge}",
        "    mass_kg: 5",
        "    distance_m: 12",
        ""));
    ExperimentConfig c = ConfigLoader.load(exp);
    assertEquals("derived", c.name());
    assertEquals(1, c.seed().getAsLong(), "kept from the included file");
    assertEquals(0.24, c.physics().sin2ThetaW(), "overridden key");
    assertEquals(List.of(org.cevns.physics.Process.CEVNS, org.cevns.physics.Process.EVES),
        List.copyOf(c.physics().processes()), "sibling keys of the included map are kept");
    assertEquals(1, c.detectors().size(), "lists are replaced, not concatenated");
    assertEquals("big", c.detectors().get(0).name());
    // the spectrum file named in the included file resolves next to that file
    SpectrumFileConfig s = (SpectrumFileConfig) c.sources().get(0);
    assertEquals(dir.resolve("common/spectra/s.csv").toAbsolutePath().normalize(), s.resolvedFile());
    assertEquals("../common/spectra/s.csv", s.file());
    assertFalse(c.resolvedYaml().contains("include"), c.resolvedYaml());
  }

  @Test
  void nestedIncludesAndListsOfIncludesMergeInOrder() throws IOException {
    write("a/spectra/s.csv", CSV);
    write("a/base.yaml", BASE);
    write("b/mid.yaml", "include: ../a/base.yaml\nseed: 2\nname: mid\n");
    write("b/other.yaml", "seed: 3\n");
    Path exp = write("exp.yaml", "include: [b/mid.yaml, b/other.yaml]\nname: top\n");
    ExperimentConfig c = ConfigLoader.load(exp);
    assertEquals("top", c.name());
    assertEquals(3, c.seed().getAsLong(), "a later include overrides an earlier one");
    assertEquals(dir.resolve("a/spectra/s.csv").toAbsolutePath().normalize(),
        ((SpectrumFileConfig) c.sources().get(0)).resolvedFile());
    // --set applies after the includes
    ExperimentConfig set = ConfigLoader.load(exp, ConfigOverride.parseAll(List.of("seed=9")));
    assertEquals(9, set.seed().getAsLong());
  }

  @Test
  void aCycleIsAnErrorNamingTheChain() throws IOException {
    write("a.yaml", "include: b.yaml\nname: a\n");
    write("b.yaml", "include: sub/c.yaml\n");
    write("sub/c.yaml", "include: ../a.yaml\n");
    Path a = dir.resolve("a.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(a));
    String shown = a.toString();
    String d = dir.toString();
    assertEquals(d + "/sub/c.yaml: include: cycle " + shown + " -> " + d + "/b.yaml -> " + d
        + "/sub/c.yaml -> " + d + "/a.yaml", e.getMessage());
    write("self.yaml", "include: self.yaml\nname: s\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("self.yaml")));
    assertEquals("include: cycle " + d + "/self.yaml -> " + d + "/self.yaml", e.getMessage());
  }

  @Test
  void tooDeepNestingIsAnError() throws IOException {
    for (int i = 0; i <= ConfigIncludes.MAX_DEPTH + 1; i++) {
      write("f" + i + ".yaml", "include: f" + (i + 1) + ".yaml\n");
    }
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("f0.yaml")));
    assertTrue(e.getMessage().startsWith(dir + "/f8.yaml: include: more than 8 nested includes: " + dir
        + "/f0.yaml -> " + dir + "/f1.yaml -> "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" -> " + dir + "/f9.yaml"), e.getMessage());
  }

  @Test
  void aMissingOrBadIncludeIsAnErrorNamingTheFile() throws IOException {
    Path exp = write("exp.yaml", "include: missing.yaml\nname: x\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertEquals(dir + "/missing.yaml: cannot read configuration included by " + exp + ": file not found",
        e.getMessage());
    write("list.yaml", "- 1\n");
    Files.writeString(exp, "include: [list.yaml]\nname: x\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertEquals(dir + "/list.yaml: configuration included by " + exp
        + " must be a map of configuration keys, got a list", e.getMessage());
    Files.writeString(exp, "include: 3\nname: x\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertEquals("include: must be a file name or a non-empty list of file names, got 3", e.getMessage());
    Files.writeString(exp, "include: []\nname: x\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertEquals("include: must be a file name or a non-empty list of file names, got []", e.getMessage());
    write("bad.yaml", "a: [1\n");
    Files.writeString(exp, "include: bad.yaml\nname: x\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertTrue(e.getMessage().startsWith(dir + "/bad.yaml: invalid YAML at line "), e.getMessage());
  }

  @Test
  void includedValuesAreValidatedLikeTheFile() throws IOException {
    write("common/spectra/s.csv", CSV);
    write("common/base.yaml", BASE.replace("mass_kg: 1", "mass_kg: -3"));
    Path exp = write("exp.yaml", "include: common/base.yaml\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(exp));
    assertEquals("detectors[0].mass_kg: must be > 0, got -3", e.getMessage());
  }

  @Test
  void textConfigurationsIncludeRelativeToTheirBaseDirectory() throws IOException {
    write("spectra/s.csv", CSV);
    write("base.yaml", BASE);
    ExperimentConfig c = ConfigLoader.parse("include: base.yaml\nname: text\n", dir);
    assertEquals("text", c.name());
  }
}
