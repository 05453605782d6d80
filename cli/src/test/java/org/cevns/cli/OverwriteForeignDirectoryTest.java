package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overwrite} of {@code run}, {@code analyze} and {@code sensitivity -o} replaces the whole directory at the
 * end, so it takes only an earlier output: a directory holding anything else (here a user's file) is refused before
 * any work with one line and exit 2, and its files stay. Before, {@code sensitivity -o DIR --overwrite} deleted them.
 */
class OverwriteForeignDirectoryTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  private Path foreign() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("analysis"));
    Files.writeString(dir.resolve("thesis.tex"), "keep me");
    return dir;
  }

  @Test
  void aDirectoryWithOtherFilesIsNotReplaced() throws Exception {
    Path dir = foreign();
    String refused = "cevns: " + dir + ": --overwrite only replaces an earlier output of cevns run, analyze or"
        + " sensitivity, but the directory holds 'thesis.tex'; choose another DIR\n";
    for (List<String> args : List.of(List.of("run", CONFIG), List.of("sensitivity", CONFIG),
        List.of("analyze", CONFIG, "-i", tmp.resolve("events.parquet").toString()))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("-o", dir.toString(), "--overwrite", "--quiet"));
      CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertEquals(refused, r.err(), args.toString());
      assertEquals("keep me", Files.readString(dir.resolve("thesis.tex")));
    }
  }

  @Test
  void anEarlierOutputIsReplaced() throws Exception {
    Path dir = tmp.resolve("sens");
    for (int i = 0; i < 2; i++) {
      CliRunner.Result r = CliRunner.run("sensitivity", CONFIG, "-o", dir.toString(), "--overwrite", "--quiet",
          "--max-template-events", "20000", "--seed", "1", "--set", "analysis.parameters=[]", "--set",
          "analysis.sensitivity.exposure_factors=[0.5, 1]", "--set", "analysis.systematics={}");
      assertEquals(0, r.exitCode(), r.err());
    }
    assertTrue(Files.exists(dir.resolve("sensitivity.json")));
    assertTrue(StagedDirectory.OUTPUT_NAMES.containsAll(
        Files.list(dir).map(p -> p.getFileName().toString()).toList()));
  }
}
