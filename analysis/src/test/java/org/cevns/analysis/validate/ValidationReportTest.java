package org.cevns.analysis.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
