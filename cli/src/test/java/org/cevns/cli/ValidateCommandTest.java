package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns validate}: the report and its plot, and the input checks. */
class ValidateCommandTest {
  @TempDir Path tmp;

  @Test
  void fastReportWritesMarkdownAndPlot() throws Exception {
    Path out = tmp.resolve("docs");
    CliRunner.Result r = CliRunner.run("validate", "--fast", "-o", out.toString(), "--configs",
        GenerateCommandTest.CONFIGS.toString());
    assertEquals(0, r.exitCode(), r.err());
    String md = Files.readString(out.resolve("validation.md"));
    assertTrue(md.contains("| coherent-csi | SNS flux-averaged CEvNS cross section"), md);
    assertTrue(md.contains("**pass**"), md);
    assertTrue(md.contains("| prompt |") && md.contains("| delayed |"), md);
    assertTrue(md.contains("## CEvNS cross sections against MARLEY 1.2.1 (F = 1)") && md.contains("| Ar40 | 1.799 |"),
        md);
    assertTrue(Files.size(out.resolve("validation-timing.png")) > 1000);
    assertTrue(r.err().contains("comparisons (0 in tension)"), r.err());
  }

  @Test
  void missingConfigsDirectoryExitsTwoAndWritesNothing() {
    Path out = tmp.resolve("docs");
    CliRunner.Result r = CliRunner.run("validate", "-o", out.toString(), "--configs", tmp.resolve("nope").toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().startsWith("cevns: --configs: must be a directory"), r.err());
    assertFalse(Files.exists(out));
  }
}
