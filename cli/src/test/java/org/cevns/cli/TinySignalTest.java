package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design whose signal is too small for a template (COHERENT CsI at 10 mg: 2.6e-4 detected CEvNS events beside 37
 * background events, ~0.03 signal events in the template simulation) is refused in one line naming the cause, the
 * expected signal, the detector's mass key with its value and the template factor; exit 2, nothing written. Before,
 * {@code sensitivity} said "no signal template has expected events inside the fit range: widen the energy binning
 * (analysis.energy) or check the detector response", neither of which was the cause.
 *
 * <p>The seed is fixed: coherent-csi.yaml has none, so without {@code --seed} the template simulation drew from a
 * fresh seed, and in ~2.6 % of runs (1 − e^−0.0265) it drew a signal event and the command went on (exit 0; seen
 * once in the thirty-first session's verify). Seed 1 draws none.
 */
class TinySignalTest {
  @TempDir Path tmp;

  @Test
  void aSignalTooSmallForATemplateNamesTheMassAndTheExpectation() throws Exception {
    Path out = tmp.resolve("o");
    CliRunner.Result r = CliRunner.run("sensitivity", EmptyFitRangeTest.CSI.toString(), "--quiet",
        "--seed", "1", "--set", "detectors[0].mass_kg=1e-5", "-o", out.toString());
    assertEquals(2, r.exitCode(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("cevns: the expected signal is too small for a signal template: 0.000265 detected CEvNS"
        + " events beside 36.6 background events"), err);
    assertTrue(err.contains("raise detectors[0].mass_kg (1.0e-5) or the exposure (sources[i].exposure), or"
        + " analysis.fit.template_factor (100)"), err);
    assertTrue(Files.notExists(out), "output written");
  }
}
