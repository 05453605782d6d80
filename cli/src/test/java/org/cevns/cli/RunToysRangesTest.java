package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.cevns.analysis.report.ToyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and {@code toys} choose the default range of a new-physics parameter of {@code analysis.parameters} as
 * {@code fit} and {@code sensitivity} do, from the expected sensitivity (SensitivityRanges), logged with its reason.
 * Regression: they kept the fixed group scale (μ_ν: nominal ± max(3|nominal|, 1e-9 μ_B)), so on
 * coherent-csi-newphysics (μ_ν^μ = 1e-9) the 90 % CL interval of {@code run} ended at the range's lower end, −2e-9
 * ({@code lower_at_bound}), where {@code fit} gives ±2.45e-9. Deterministic (fixed seeds).
 */
class RunToysRangesTest {
  static final Path NEW_PHYSICS = GenerateCommandTest.CONFIGS.resolve("coherent-csi-newphysics.yaml");
  static final Path XENON = GenerateCommandTest.CONFIGS.resolve("xenon-solar-er.yaml");
  @TempDir Path tmp;

  @Test
  void runFitsTheMagneticMomentInTheRangeOfFit() throws Exception {
    Path out = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("run", NEW_PHYSICS.toString(), "-o", out.toString(), "--seed", "7",
        "--threads", "2", "--toys", "0", "--coverage-toys", "0", // the default 224 816 template events
        "--set", "analysis.parameters=[magnetic_moment_mub.numu]",
        "--set", "analysis.sensitivity.exposure_factors=[1]");
    assertEquals(0, r.exitCode(), r.err());
    // the reach of the expected counts: -3.73e-9/+1.73e-9 around 1e-9, so [-1.39e-8, 7.90e-9] (with the 2021 release's
    // backgrounds since 2026-12-07; -3.10e-9/+1.10e-9 and [-1.14e-8, 5.39e-9] with the older, ~4x smaller steady one)
    assertTrue(r.err().contains("default range of magnetic_moment_mub.numu: [-1.39e-08, 7.90e-09] (4 x the expected"),
        r.err());
    JsonNode p = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("fit").get("parameters")
        .get(1);
    assertEquals("magnetic_moment_mub.numu", p.get("name").asText());
    JsonNode i90 = p.get("interval_90");
    assertFalse(i90.has("lower_at_bound") || i90.has("upper_at_bound"), i90.toString());
    // μ_ν enters squared: the interval is symmetric, |μ_ν| < ~2.4e-9 (beyond the old range's -2e-9)
    assertTrue(i90.get("lower").asDouble() < -2.1e-9 && i90.get("upper").asDouble() > 2.1e-9, i90.toString());
    assertEquals(-i90.get("lower").asDouble(), i90.get("upper").asDouble(), 1e-3 * i90.get("upper").asDouble());
  }

  @Test
  void toysChooseTheRangeOnceForEveryToy() throws Exception {
    Path out = tmp.resolve("toys");
    CliRunner.Result r = CliRunner.run("toys", XENON.toString(), "--toys", "4", "--seed", "3", "--threads", "2",
        "-o", out.toString(), "--set", "analysis.parameters=[magnetic_moment_mub.all]");
    assertEquals(0, r.exitCode(), r.err());
    String line = "default range of magnetic_moment_mub.all: [-2.56e-11, 2.56e-11] (4 x the expected 95 % CL reach";
    assertTrue(r.err().contains(line), r.err());
    assertEquals(r.err().indexOf(line), r.err().lastIndexOf(line), "chosen once per study: " + r.err());
    // the truth, 0, and every toy's 68 % interval lie inside the range (the old one was +-1e-9)
    ToyTable.Columns t = ToyTable.read(out.toString());
    double[] truth = t.get("magnetic_moment_mub.all_true");
    double[] lo = t.get("magnetic_moment_mub.all_lower_68");
    double[] hi = t.get("magnetic_moment_mub.all_upper_68");
    for (int i = 0; i < t.rows(); i++) {
      assertEquals(0, truth[i]);
      assertTrue(lo[i] > -2.56e-11 && hi[i] < 2.56e-11, lo[i] + " " + hi[i]);
    }
  }
}
