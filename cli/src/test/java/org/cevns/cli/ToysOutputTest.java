package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns toys -o DIR}: an output that cannot hold the part file, or that holds an input, is refused in one line
 * with exit 2 before the templates and toys are made (README.md, "Exit codes and output safety").
 */
class ToysOutputTest {
  @TempDir Path tmp;

  @Test
  void aFileAsOutputDirectoryIsAnInputErrorBeforeAnyWork() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    CliRunner.Result r = CliRunner.run("toys", ToysCommandTest.CONFIG, "--toys", "1", "-o", file.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + file + ": cannot write here: " + file + " is not a directory\n", r.err());
    assertEquals("x", Files.readString(file));
    Path below = file.resolve("toys");
    r = CliRunner.run("toys", ToysCommandTest.CONFIG, "--toys", "1", "-o", below.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + below + ": cannot write here: " + file + " is not a directory\n", r.err());
  }

  @Test
  void theConfigurationAndTheTemplatesAreNeverOutputs() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cfg"));
    Path config = dir.resolve("coherent-csi.yaml");
    Files.copy(Path.of(ToysCommandTest.CONFIG), config);
    byte[] before = Files.readAllBytes(config);
    CliRunner.Result r = CliRunner.run("toys", config.toString(), "--toys", "1", "-o", config.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + config + ": is also an input (" + config + "); choose another output\n", r.err());
    assertArrayEquals(before, Files.readAllBytes(config));
    Path templates = Files.createDirectories(tmp.resolve("templates"));
    r = CliRunner.run("toys", ToysCommandTest.CONFIG, "--toys", "1", "--templates", templates.toString(), "-o",
        templates.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("cevns: " + templates + ": is also an input (" + templates + "); choose another output\n", r.err());
    assertFalse(Files.exists(templates.resolve(ToysCommand.partName(0))));
  }
}
