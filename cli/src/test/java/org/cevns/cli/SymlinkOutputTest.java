package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output path that is a symbolic link is written through, as a shell's {@code >}: the link stays and its
 * destination receives the output. Regression: a directory output ({@code scan}, {@code fit}, {@code analyze},
 * {@code run}, {@code sensitivity}) through a link to an empty or missing directory failed after the whole run with
 * "I/O error: cannot write out: .out.TOKEN.inprogress -> out: Not a directory" (exit 1); with {@code --overwrite}, a
 * link to an earlier output was replaced by a directory; {@code generate} and {@code convert} to a link to a missing
 * file failed after the run with "was written by another run while this one ran".
 */
class SymlinkOutputTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  private static void ok(CliRunner.Result r) {
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void aDirectoryOutputIsWrittenThroughItsLink() throws Exception {
    Path scratch = Files.createDirectory(tmp.resolve("scratch"));
    Path link = Files.createSymbolicLink(tmp.resolve("out"), scratch);
    ok(CliRunner.run("scan", CONFIG, "-o", link.toString(), "--poi", "mu=0:2:3", "--seed", "1", "--quiet"));
    assertTrue(Files.isSymbolicLink(link), "the link stays");
    assertTrue(Files.isRegularFile(scratch.resolve("scan.csv")), "the output is where the link points");
    ok(CliRunner.run("scan", CONFIG, "-o", link.toString(), "--poi", "mu=0:2:3", "--seed", "1", "--quiet",
        "--overwrite"));
    assertTrue(Files.isSymbolicLink(link) && Files.isRegularFile(scratch.resolve("scan.csv")), "replaced in place");
    Path dangling = Files.createSymbolicLink(tmp.resolve("later"), tmp.resolve("not-yet"));
    ok(CliRunner.run("scan", CONFIG, "-o", dangling.toString(), "--poi", "mu=0:2:3", "--seed", "1", "--quiet"));
    assertTrue(Files.isSymbolicLink(dangling) && Files.isRegularFile(tmp.resolve("not-yet/scan.csv")));
    assertEquals(java.util.List.of(), Failures.temporaries(tmp));
  }

  @Test
  void aFileOutputIsWrittenThroughItsLink() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("truth.parquet"), tmp.resolve("runs/run-1.parquet"));
    ok(CliRunner.run("generate", CONFIG, "-o", link.toString(), "--events", "100", "--seed", "1", "--quiet"));
    assertTrue(Files.isSymbolicLink(link) && Files.isRegularFile(tmp.resolve("runs/run-1.parquet")));
    byte[] first = Files.readAllBytes(link);
    ok(CliRunner.run("generate", CONFIG, "-o", link.toString(), "--events", "200", "--seed", "1", "--quiet",
        "--overwrite"));
    assertTrue(Files.isSymbolicLink(link), "the link stays");
    assertTrue(Files.size(link) > first.length, "its destination holds the new file");
    Path hepmc = Files.createSymbolicLink(tmp.resolve("x.hepmc3"), tmp.resolve("runs/x.hepmc3"));
    ok(CliRunner.run("convert", link.toString(), "--to", "hepmc3", "-o", hepmc.toString(), "--quiet"));
    assertTrue(Files.isSymbolicLink(hepmc) && Files.isRegularFile(tmp.resolve("runs/x.hepmc3")));
    assertEquals(java.util.List.of(), Failures.temporaries(tmp.resolve("runs")));
  }
}
