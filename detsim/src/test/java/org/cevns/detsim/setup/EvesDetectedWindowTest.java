package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Detected EvES in a keV window far below T_max: a 0.8618 MeV ν_e line (4.93e9 cm⁻²s⁻¹, not oscillated, 1 yr) on
 * 1 t of xenon, ideal response, threshold 1 keV and an efficiency of 1 up to 10 keV, then 0 (within 1e-6 keV, or
 * linearly over 10–10.5 keV). Reference: an exact integration in Python/scipy of 't Hooft's free-electron dσ/dT with
 * the X-ray Data Booklet shells of Xe (stepping approximation), split at every binding energy and window edge
 * (docs/physics.md, walkeves section): 3.21798 and 3.31387 events. Before EvES channels had their own 2000 ln T
 * intervals `cevns rates` gave 3.135 (−2.6 %) and 3.343 (+0.9 %); now 3.21765 (−1.0e-4) and 3.31380 (−2e-5). The
 * tolerances leave room for where the nodes fall against the window's edges (a step edge costs O(h)).
 */
class EvesDetectedWindowTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "window edge at {0}")
  @CsvSource({"10.000001, 3.21798, 2e-3", "10.5, 3.31387, 5e-4"})
  void detectedEvesInAKevWindowIsTheExactIntegral(String zeroAtKeV, double exact, double tolerance)
      throws Exception {
    Files.writeString(dir.resolve("window.csv"), "kevee,efficiency\n0,1\n10,1\n" + zeroAtKeV + ",0\n2000,0\n");
    String yaml = String.join("\n", "name: be7", "physics: {processes: [eves]}", "sources:",
        "  - {name: be7, type: monoenergetic, energy_mev: 0.8618, flavor: nue, flux_per_cm2_s: 4.93e9,"
            + " exposure: {years: 1}}",
        "detectors:", "  - name: xe", "    target: {formula: Xe}", "    mass_kg: 1000", "    response:",
        "      quenching: {model: none}", "      energy: {model: ideal}", "      threshold_kevee: 1.0",
        "      efficiency: {model: tabulated, variable: kevee, file: window.csv}", "");
    ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(yaml, dir));
    DetsimConfig detsim = DetsimConfig.of(model);
    double detected = ExpectedDetected.of(model, detsim, BackgroundChannels.of(model, detsim)).stream()
        .filter(e -> e.process() != null).mapToDouble(ExpectedDetected.Entry::expected).sum();
    assertEquals(exact, detected, tolerance * exact);
  }
}
