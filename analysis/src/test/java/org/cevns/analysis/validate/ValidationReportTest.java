package org.cevns.analysis.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportTest {
  /** The shipped-configuration run section is part of every report, and docs/validation.md holds it as generated. */
  @Test
  void reportEndsWithTheShippedRunsSection() throws Exception {
    String section = ValidationReport.shippedRuns();
    assertTrue(section.startsWith("## End-to-end runs of the shipped configurations\n"), section);
    assertTrue(ValidationReport.markdown(List.of(), List.of(), true).endsWith(".\n\n" + section));
    String doc = Files.readString(Path.of("../docs/validation.md"));
    assertTrue(doc.endsWith(".\n\n" + section), "docs/validation.md must end with the resource " + section);
  }

  /**
   * validation.md gets the permissions of any new file (it was owner-only, 0600, from {@code Files.createTempFile}:
   * docs/validation.md regenerated in a shared clone became unreadable to the others), and no temporary is left.
   */
  @Test
  void reportHasTheUsualPermissions(@TempDir Path dir) throws Exception {
    Path md = ValidationReport.write(dir, "# x\n");
    Path reference = Files.createFile(dir.resolve("reference"));
    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(md)));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
  }
}
