package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --set KEY.PATH=VALUE} on every command that reads a configuration. */
class ConfigOverridesCliTest {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"run", "rates", "generate", "simulate", "detsim", "analyze", "sensitivity", "fit", "scan",
      "toys", "shards", "mapreduce generate", "mapreduce simulate", "mapreduce toys"})
  void everyCommandWithAConfigDocumentsSet(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    CliRunner.Result h;
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      h = CliRunner.run(args.toArray(new String[0]));
    } finally {
      System.setErr(stderr);
    }
    assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), "picocli warnings of " + command);
    assertEquals(0, h.exitCode(), h.err());
    assertTrue(h.out().contains("--set=KEY.PATH=VALUE"), command + ": " + h.out());
    assertTrue(h.out().replaceAll("\\s+", " ").contains("detectors[0].mass_kg=20"), h.out());
  }

  /** An override gives the same recorded configuration and config hash as the edited file. */
  @Test
  void overrideEqualsEditingTheFile() throws IOException {
    Path edited = tmp.resolve("edited.yaml");
    String text = Files.readString(CONFIGS.resolve("coherent-csi.yaml"));
    assertTrue(text.contains("mass_kg: 14.6"));
    Files.writeString(edited, text.replaceFirst("mass_kg: 14\\.6", "mass_kg: 20"));
    Files.createSymbolicLink(tmp.resolve("spectra"), CONFIGS.resolve("spectra"));
    Files.createSymbolicLink(tmp.resolve("data"), CONFIGS.resolve("data"));
    Path a = tmp.resolve("set.parquet");
    Path b = tmp.resolve("edited.parquet");
    Path c = tmp.resolve("plain.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "--set",
        "detectors[0].mass_kg=20", "-o", a.toString(), "--events", "5", "--seed", "1", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(0, CliRunner.run("generate", edited.toString(), "-o", b.toString(), "--events", "5", "--seed", "1",
        "--quiet").exitCode());
    assertEquals(0, CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "-o", c.toString(),
        "--events", "5", "--seed", "1", "--quiet").exitCode());
    Map<String, String> set = ParquetMetadataReader.read(a.toString());
    Map<String, String> file = ParquetMetadataReader.read(b.toString());
    Map<String, String> plain = ParquetMetadataReader.read(c.toString());
    assertEquals(file.get(TruthMetadata.CONFIG), set.get(TruthMetadata.CONFIG));
    assertTrue(set.get(TruthMetadata.CONFIG).contains("mass_kg: 20"), set.get(TruthMetadata.CONFIG));
    assertEquals(file.get("cevns.config_sha256"), set.get("cevns.config_sha256"));
    assertNotEquals(plain.get("cevns.config_sha256"), set.get("cevns.config_sha256"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "detectors[5].mass_kg=20|--set detectors[5].mass_kg=20: index 5 is out of range, detectors has 1 item",
      "detectors[0].mass_kg=-3|detectors[0].mass_kg: must be > 0, got -3",
      "detectors[0].mass_kgg=3|detectors[0].mass_kgg: unknown key, allowed: name, target, mass_kg, distance_m,"
          + " distances_m, threshold_kevnr, roi_max_kevnr, exposure, response, backgrounds, geometry",
      "detectors..mass_kg=3|--set detectors..mass_kg=3: malformed key path (empty key), expected e.g."
          + " detectors[0].mass_kg=20",
      "mass_kg|--set mass_kg: must be KEY.PATH=VALUE (e.g. detectors[0].mass_kg=20)",
      "name.x=1|--set name.x=1: name is the value 'coherent-csi', not a map",
      "physics.processes=[cevns, bogus]|physics.processes[1]: must be one of cevns, eves, upscatter, got 'bogus'"})
  void badOverridesExitTwoWithOneLine(String set, String message) {
    Path out = tmp.resolve("out.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "--set", set,
        "-o", out.toString(), "--events", "5");
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode(), r.err());
    assertEquals("cevns: " + message + "\n", r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void shardScriptsRepeatTheOverrides() throws IOException {
    Path dir = tmp.resolve("batch");
    CliRunner.Result r = CliRunner.run("shards", CONFIGS.resolve("coherent-csi.yaml").toString(), "--shards", "2",
        "-o", dir.toString(), "--seed", "3", "--set", "detectors[0].mass_kg=20", "--set", "seed=4");
    assertEquals(0, r.exitCode(), r.err());
    String script = Files.readString(dir.resolve("shard.sh"));
    assertTrue(script.contains("--set 'detectors[0].mass_kg=20' --set seed=4"), script);
  }
}
