package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cevns rates}: the columns of the per-channel table stay aligned when a process name is longer than the
 * header's "process" ("upscatter" of the sterile-neutrino dipole portal shifted its rows by two characters).
 */
class RatesTableAlignmentTest {
  @Test
  void upscatterRowsAreAligned() {
    CliRunner.Result r = CliRunner.run("rates",
        GenerateCommandTest.CONFIGS.resolve("coherent-csi-newphysics.yaml").toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    String header = lines.stream().filter(l -> l.trim().startsWith("process ") && l.contains("flavor")).findFirst()
        .orElseThrow();
    int flavor = header.indexOf("flavor");
    int expected = header.indexOf("expected") + "expected".length();
    int rows = 0;
    for (String l : lines) {
      if (l.startsWith("  upscatter ") && l.contains(" numu")) {
        assertEquals(flavor, l.indexOf("numu"), l);
        assertTrue(l.length() > expected && l.charAt(expected - 1) != ' ', "expected column ends aligned: " + l);
        rows++;
      }
    }
    assertTrue(rows > 0, r.out());
    List<String> summary = lines.stream().filter(l -> l.contains(" expected ") && l.contains("(all recoils")).toList();
    int at = summary.get(0).indexOf(" expected ");
    for (String l : summary) {
      assertEquals(at, l.indexOf(" expected "), l);
    }
  }
}
