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
 * {@code fit} and {@code scan} wrote into DIR directly (a failure left part of the output; --overwrite left an
 * earlier run's files beside the new ones); they are staged like the others now.
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
    String refused = "cevns: " + dir + ": --overwrite only replaces an earlier output of cevns run, analyze,"
        + " sensitivity, fit or scan, but the directory holds 'thesis.tex'; choose another DIR\n";
    for (List<String> args : List.of(List.of("run", CONFIG), List.of("sensitivity", CONFIG),
        List.of("analyze", CONFIG, "-i", tmp.resolve("events.parquet").toString()),
        List.of("fit", CONFIG, "--poi", "mu", "-i", tmp.resolve("events.parquet").toString()),
        List.of("scan", CONFIG, "--poi", "mu=0:2:3"))) {
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

  @Test
  void scanReplacesItsEarlierOutputWhole() throws Exception {
    Path dir = tmp.resolve("scan");
    Files.createDirectories(dir.resolve("plots"));
    Path stale = dir.resolve("plots").resolve("profile_sin2_theta_w.png");
    Files.writeString(stale, "an earlier scan's plot");
    CliRunner.Result r = CliRunner.run("scan", CONFIG, "--poi", "mu=0:2:3", "-o", dir.toString(), "--overwrite",
        "--quiet", "--max-template-events", "20000", "--seed", "1", "--set", "analysis.parameters=[]", "--set",
        "analysis.systematics={}");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("summary.json")));
    assertTrue(Files.notExists(stale), "the earlier output is replaced as a whole");
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".inprogress")));
    }
  }

  @Test
  void anOutputThatContainsAnInputIsRefused() throws Exception {
    Path events = Files.writeString(tmp.resolve("events.parquet"), "not read");
    CliRunner.Result r = CliRunner.run("fit", CONFIG, "--poi", "mu", "-i", events.toString(), "-o", tmp.toString(), "--overwrite",
        "--quiet");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("contains the input"), r.err());
    assertEquals("not read", Files.readString(events));
  }
}
