package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output rules of README.md ("Exit codes and output safety") for {@code cevns convert}: an output that is the
 * input is refused with or without {@code --overwrite}, an output that cannot be created is an input error (exit 2),
 * nothing is left under a temporary or the final name, and the published file has the permissions of any new file.
 */
class ConvertOutputSafetyTest {
  @TempDir static Path tmp;
  static Path truth;

  @BeforeAll
  static void generate() {
    truth = tmp.resolve("truth.parquet");
    CliRunner.Result g = CliRunner.run("generate", HepMC3ConvertTest.CONFIG.toString(), "--events", "200", "--seed",
        "3", "-o", truth.toString(), "--quiet");
    assertEquals(0, g.exitCode(), g.err());
  }

  @Test
  void theInputIsNeverOverwritten() throws IOException {
    byte[] before = Files.readAllBytes(truth);
    CliRunner.Result c = CliRunner.run("convert", truth.toString(), "--to", "hepmc3", "-o", truth.toString(),
        "--overwrite");
    assertEquals(2, c.exitCode(), c.err());
    assertEquals("cevns: " + truth + ": is also an input (" + truth + "); choose another output\n", c.err());
    assertArrayEquals(before, Files.readAllBytes(truth));
  }

  @Test
  void anOutputThatCannotBeCreatedIsAnInputError() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    Path out = file.resolve("x.hepmc3");
    CliRunner.Result c = CliRunner.run("convert", truth.toString(), "--to", "hepmc3", "-o", out.toString());
    assertEquals(2, c.exitCode(), c.err());
    assertTrue(c.err().startsWith("cevns: " + out + ": cannot write here: "), c.err());
    assertEquals(1, c.err().lines().count(), c.err());
  }

  @Test
  void aDirectoryIsRefusedAlsoWithOverwrite() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dir/sub")).getParent();
    CliRunner.Result c = CliRunner.run("convert", truth.toString(), "--to", "hepmc3", "-o", dir.toString(),
        "--overwrite");
    assertEquals(2, c.exitCode(), c.err());
    assertEquals("cevns: " + dir + ": is a directory\n", c.err());
    assertTrue(Files.isDirectory(dir.resolve("sub")));
  }

  @Test
  void missingParentsAreCreatedAndTheFileHasTheUsualPermissions() throws IOException {
    Path out = tmp.resolve("new/dir/out.hepmc3");
    CliRunner.Result c = CliRunner.run("convert", truth.toString(), "--to", "hepmc3", "-o", out.toString(),
        "--quiet");
    assertEquals(0, c.exitCode(), c.err());
    assertTrue(Files.readString(out).startsWith("HepMC::Version 3."));
    Path reference = Files.createFile(tmp.resolve("new/dir/reference"));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")), "temporary file left");
    }
  }
}
