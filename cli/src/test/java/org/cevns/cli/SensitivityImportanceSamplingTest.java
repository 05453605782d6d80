package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns sensitivity} with a magnetic moment in {@code analysis.parameters} simulates that parameter's
 * templates at the far end of its range and reweights them, as {@code scan} does (CevnsFamily#simulationPoint): the
 * Standard-Model simulation of CONUS+ has almost no EvES events in the sub-keV window where the magnetic term lives,
 * so the precision came out at the range (±5e-10 μ_B or at the bound, "problem") where the scan of
 * docs/new-physics.md gives 1.08e-10 at Δχ² = 1. μ's precision still comes from the configured point's templates.
 */
class SensitivityImportanceSamplingTest {
  static final Path CONUS = GenerateCommandTest.CONFIGS.resolve("conus-plus.yaml");
  @TempDir Path tmp;

  @Test
  void theMagneticMomentPrecisionComesFromTemplatesAtTheFarEnd() throws Exception {
    Path out = tmp.resolve("s");
    CliRunner.Result r = CliRunner.run("sensitivity", CONUS.toString(), "-o", out.toString(), "--seed", "3",
        "--max-template-events", "300000", "--set", "analysis.parameters=[magnetic_moment_mub.nue]",
        "--set", "analysis.sensitivity.exposure_factors=[1]");
    assertEquals(0, r.exitCode(), r.err());
    // the far end of the range from the expected sensitivity (SensitivityRanges; before rangesens the fixed 1e-9)
    assertTrue(r.err().contains("default range of magnetic_moment_mub.nue: ["), r.err());
    assertTrue(r.err().contains("template simulation at {magnetic_moment_mub.nue="), r.err());
    JsonNode s = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
    JsonNode mu = s.get("expected_precision").get(0);
    JsonNode m = s.get("expected_precision").get(1);
    assertEquals("mu", mu.get("name").asText());
    assertEquals("magnetic_moment_mub.nue", m.get("name").asText());
    assertFalse(m.has("problem"), m.toString());
    // the scan at full statistics: 1.08e-10; 300 k template events: 1.16e-10
    assertTrue(m.get("plus").asDouble() > 0.8e-10 && m.get("plus").asDouble() < 1.5e-10, m.toString());
    // μ from the Standard-Model templates (at the far end the EvES background would be 300 times larger)
    assertTrue(mu.get("plus").asDouble() > 0.2 && mu.get("plus").asDouble() < 0.33, mu.toString());
    JsonNode v = s.get("precision_vs_exposure").get(0);
    assertEquals(m.get("plus").asDouble(), v.get("plus").asDouble(), 1e-3 * m.get("plus").asDouble());
  }
}
