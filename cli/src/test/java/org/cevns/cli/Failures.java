package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The failure contract of every command: exit 1 or 2, one line on stderr, no stack trace, no output left. */
final class Failures {
  private Failures() {}

  /**
   * Asserts the failure contract.
   *
   * @param code the expected exit code, or 0 for "1 or 2"
   * @param output the final output path (file or directory), null if none
   */
  static void assertClean(int code, int exitCode, String err, Path output) {
    String context = "exit " + exitCode + ", stderr: " + err;
    if (code == 0) {
      assertTrue(exitCode == 1 || exitCode == 2, context);
    } else {
      assertEquals(code, exitCode, context);
    }
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), "exactly one line on stderr: " + context);
    assertTrue(lines.get(0).startsWith("cevns: "), context);
    assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("Caused by"),
        "no stack trace: " + context);
    if (output != null) {
      assertFalse(Files.exists(output), "nothing under the final name " + output + ": " + context);
      assertEquals(List.of(), temporaries(output.toAbsolutePath().getParent()), "temporary files left: " + context);
    }
  }

  static void assertClean(int code, CliRunner.Result r, Path output) {
    assertClean(code, r.exitCode(), r.err(), output);
  }

  /** Hidden temporary files and directories ({@code .*.inprogress}, {@code .*.old}) in {@code dir}. */
  static List<Path> temporaries(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")
          && (p.getFileName().toString().endsWith(".inprogress") || p.getFileName().toString().endsWith(".old")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
