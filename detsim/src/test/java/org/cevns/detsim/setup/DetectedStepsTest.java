package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detected counts of an ideal energy response, whose detection probability steps (a hard threshold, an efficiency
 * table with near-vertical edges), against exact integrals (walkedge, twenty-eighth session). References: an
 * independent integration in Python/scipy (quad) of the documented formulas — Helm form factors, PDG couplings and
 * the axial term, SNS pion-DAR spectra at 0.08 ν/flavour/proton, AME2020 masses and CIAAW abundances; for EvES the
 * free-electron dσ/dT with the X-ray Data Booklet shells (stepping) and the magnetic-moment term above the 10 eV
 * floor — which equal `cevns rates`' keVnr window counts ({@code threshold_kevnr}) to 1e-12. Before, Simpson's rule on
 * the fixed ln T nodes put the step anywhere inside a panel: the CEvNS counts were −0.74 % (Ar, 20 keVnr), +0.077 %
 * (Ge, 5 keVnr) and +3.8 % (Pb, 9 keVnr, just below the 29.8 MeV line's 9.16 keVnr endpoint) off, the EvES ones
 * +2.5e-4 and +3.0e-3. Deterministic integrals: tolerance 1e-6 relative (now within 6e-7).
 */
class DetectedStepsTest {
  @TempDir Path dir;

  private double detected(String yaml, String detector) throws Exception {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(yaml, dir));
    DetsimConfig detsim = DetsimConfig.of(model);
    int d = 0;
    while (!model.detectors().get(d).name().equals(detector)) {
      d++;
    }
    int index = d;
    return ExpectedDetected.of(model, detsim, BackgroundChannels.of(model, detsim)).stream()
        .filter(e -> e.process() != null && e.detectorIndex() == index).mapToDouble(ExpectedDetected.Entry::expected)
        .sum();
  }

  private static String ideal(String name, String formula, double thresholdKeV) {
    return String.join("\n", "  - name: " + name, "    target: {formula: " + formula + "}", "    mass_kg: 1",
        "    distance_m: 20", "    response: {quenching: {model: none}, energy: {model: ideal}, threshold_kevee: "
            + thresholdKeV + "}", "");
  }

  @Test
  void cevnsAboveAHardThresholdOfAnIdealResponseIsTheWindowIntegral() throws Exception {
    String yaml = String.join("\n", "name: ideal-dar", "physics: {processes: [cevns]}", "sources:",
        "  - {name: sns, type: pion-dar, facility: sns, exposure: {pot: 1.0e23}}", "detectors:", "")
        + ideal("ar", "Ar", 20) + ideal("ge", "Ge", 5) + ideal("pb", "Pb", 9);
    assertEquals(5.907459771197, detected(yaml, "ar"), 1e-6 * 5.9075);
    assertEquals(16.24646330066, detected(yaml, "ge"), 1e-6 * 16.246);
    assertEquals(4.412759182555, detected(yaml, "pb"), 1e-6 * 4.4128);
  }

  @Test
  void evesThroughAnIdealResponseWithStepsIsTheExactIntegral() throws Exception {
    Files.writeString(dir.resolve("odd.csv"), "kevee,efficiency\n0,0\n0.5,0\n0.5001,1\n2,1\n2.0001,0.3\n100,0.3\n");
    String yaml = String.join("\n", "name: eves-low", "physics: {processes: [eves], magnetic_moment_mub: {nue: 1.0e-10}}",
        "sources:", "  - {name: line, type: monoenergetic, energy_mev: 0.05, flavor: nue, flux_per_cm2_s: 1.0e12,"
            + " exposure: {live_days: 100}}", "detectors:",
        "  - {name: xe, target: {formula: Xe}, mass_kg: 1, response: {quenching: {model: none}, energy: {model: ideal},"
            + " threshold_kevee: 0.0674}}",
        "  - {name: xeeff, target: {formula: Xe}, mass_kg: 1, response: {quenching: {model: none}, energy: {model:"
            + " ideal}, efficiency: {model: tabulated, variable: kevee, file: odd.csv}}}", "");
    assertEquals(15.52078251433, detected(yaml, "xe"), 1e-6 * 15.52);
    assertEquals(6.878742968124, detected(yaml, "xeeff"), 1e-6 * 6.879);
  }
}
