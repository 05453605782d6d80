package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output directory that cannot be created is one line with exit 2 ("refused output path", README.md) before any
 * work: {@code shards} said "I/O error" with exit 1, {@code validate} exit 1 after its comparisons, {@code toys}
 * failed after its templates and toys, {@code mapreduce generate} was exit 1 "job FAILED" without a cause;
 * {@code analyze} and {@code sensitivity} failed after their pilot and template simulations and the fit or scan (16 s
 * and 14 s for coherent-csi on a read-only file system).
 * {@code /proc} refuses new entries even to root.
 */
class UnwritableOutputDirectoryTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  static final Path DIR = Path.of("/proc/cevns-test/out");

  @TempDir static Path tmp;

  /** A small toy experiment for analyze's input. */
  private static Path events() {
    Path f = tmp.resolve("events.parquet");
    if (!Files.exists(f)) {
      CliRunner.Result g = CliRunner.run("simulate", CONFIG, "--seed", "2", "-o", f.toString(), "--quiet");
      assertEquals(0, g.exitCode(), g.err());
    }
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"shards", "validate", "toys", "mapreduce", "analyze", "sensitivity"})
  void isAnInputErrorBeforeAnyWork(String command) {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
    CliRunner.Result r = switch (command) {
      case "shards" -> CliRunner.run("shards", CONFIG, "--shards", "2", "--events", "100", "--seed", "1", "-o",
          DIR.toString());
      case "validate" -> CliRunner.run("validate", "--fast", "--configs", Path.of(CONFIG).getParent().toString(),
          "-o", DIR.toString());
      case "mapreduce" -> CliRunner.run("mapreduce", "generate", CONFIG, "--shards", "2", "--events", "100", "--seed",
          "1", "-o", DIR.toString());
      case "analyze" -> CliRunner.run("analyze", CONFIG, "-i", events().toString(), "--seed", "1", "-o",
          DIR.toString());
      case "sensitivity" -> CliRunner.run("sensitivity", CONFIG, "--seed", "1", "-o", DIR.toString());
      default -> CliRunner.run("toys", CONFIG, "--toys", "1", "--seed", "1", "-o", DIR.toString());
    };
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: " + DIR + ": cannot write here: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  /**
   * The line names the directory that refused the output, not the hidden staging name the user never gave
   * (regression: "/proc/x.parquet: cannot write here: /proc/.x.parquet.162794ffaba64e6d.inprogress: no such file or
   * directory", and for {@code sensitivity} the staging directory's name alone).
   */
  @ParameterizedTest
  @ValueSource(strings = {"generate", "sensitivity"})
  void namesTheDirectoryNotTheStagingName(String command) {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
    String out = command.equals("generate") ? "/proc/x.parquet" : "/proc/s";
    CliRunner.Result r = command.equals("generate")
        ? CliRunner.run("generate", CONFIG, "--events", "10", "--seed", "1", "-o", out)
        : CliRunner.run("sensitivity", CONFIG, "--seed", "1", "-o", out);
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + out + ": cannot write here: cannot create a file or directory in /proc: no such file or"
        + " directory\n", r.err());
  }
}
