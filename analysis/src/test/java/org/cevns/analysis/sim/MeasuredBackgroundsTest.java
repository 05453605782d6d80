package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code analysis.systematics.detectors.D.measured_backgrounds}: a background whose spectrum was measured with the
 * detector (COHERENT CsI's steady-state background, taken from the crystal's own anticoincidence data) keeps its
 * nominal template under the detector's response systematics; without the key the ±1σ efficiency curves re-fold it
 * too, so that the background's own data constrain the efficiency (configs/coherent-csi.yaml's anticoincidence
 * events: to 0.15 of its prior, docs/physics.md).
 */
public class MeasuredBackgroundsTest {
  public static final String CONFIG = """
      name: mb
      sources:
        - name: sns
          type: pion-dar
          facility: sns
          exposure: {pot: 3.0e23}
      detectors:
        - name: csi
          target: {formula: CsI}
          mass_kg: 14.6
          distance_m: 19.3
          response:
            quenching: {model: polynomial, coefficients_mev: [0.0554628, 4.30681, -111.707, 840.384], max_kevnr: 60}
            energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: poisson}
            efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}
          backgrounds:
            - {name: brn, type: beam-neutrons, spectrum: {shape: exponential, slope_kev: 15}, counts_per_gwh: 40}
            - {name: steady, type: steady, spectrum: {shape: flat, min_kev: 0, max_kev: 6}, counts_per_kg_per_day: 40}
      windows: {coincidence_length_ns: 6000, anticoincidence: before}
      analysis:
        energy: {bins: 8, min_kevee: 0.5, max_kevee: 4.5}
        systematics:
          template_statistics: false
          detectors:
            csi:
              %s
              response_variants:
                - {name: csi.eff, up: {efficiency: {c: 9.84596}}, down: {efficiency: {c: 11.8832}}}
              quenching: {size: 0.1}
      """;

  static SimulationSetup setup(String measured) {
    ExperimentConfig c = ConfigLoader.parse(CONFIG.formatted(measured), Path.of("."));
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  static AnalysisJob.Prepared prepare(String measured) throws Exception {
    SimulationSetup s = setup(measured);
    return AnalysisJob.prepare(s, AnalysisConfig.of(s.model().config()),
        new AnalysisJob.Options(1, 7, Optional.empty(), 20000, x -> { }));
  }

  private static double[] bins(SpectrumSet s, SpectrumKey k) {
    return s.get(k).map(KeySpectra::energy).map(h -> h.contents()).orElseThrow();
  }

  @Test
  void aMeasuredBackgroundKeepsItsNominalTemplateUnderEveryResponseSystematic() throws Exception {
    AnalysisJob.Prepared moved = prepare("");
    AnalysisJob.Prepared kept = prepare("measured_backgrounds: [steady]");
    SpectrumSet nominal = kept.templates().expected();
    int steadyKeys = 0;
    for (SpectrumKey k : nominal.keys()) {
      for (String p : new String[] {"csi.eff", "csi.quenching"}) {
        for (var side : java.util.List.of(kept.systematics().up(), kept.systematics().down())) {
          SpectrumSet varied = side.get(p);
          if (k.component().equals("steady")) {
            assertEquals(java.util.Arrays.toString(bins(nominal, k)), java.util.Arrays.toString(bins(varied, k)),
                p + " " + k);
          } else {
            // every other component is re-folded as before (same bins as without the key)
            SpectrumSet before = (side == kept.systematics().up() ? moved.systematics().up()
                : moved.systematics().down()).get(p);
            assertEquals(java.util.Arrays.toString(bins(before, k)), java.util.Arrays.toString(bins(varied, k)),
                p + " " + k);
          }
        }
      }
      if (k.component().equals("steady")) {
        steadyKeys++;
        // without the key the efficiency variant moves the steady template: the test has power
        assertNotEquals(java.util.Arrays.toString(bins(nominal, k)),
            java.util.Arrays.toString(bins(moved.systematics().up().get("csi.eff"), k)), k.toString());
      }
    }
    assertTrue(steadyKeys >= 2, "steady keys in C and AC: " + steadyKeys);
  }
}
