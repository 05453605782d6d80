package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/** Solar ⁸B EvES with and without the MSW–LMA flavour split (source {@code oscillations} key). */
class SolarOscillationModelTest {
  /**
   * EvES on xenon: the oscillated flux gives about 2.3 times fewer events than all-ν_e (issue #10). Bounds
   * 2.0–2.6; the ratio follows from P_ee ≈ 0.33 and σ(ν_μ e)/σ(ν_e e) ≈ 0.16 at ⁸B energies.
   */
  @Test
  void evesRateDropsByAboutTwoPointThree() {
    String cfg = """
        name: b8
        physics: {processes: [eves]}
        sources:
          - {name: sun, type: solar-8b, oscillations: %s, exposure: {live_days: 100}}
        detectors:
          - {name: xe, target: {formula: Xe}, mass_kg: 1000}
        """;
    double off = ExperimentModel.build(ConfigLoader.parse(cfg.formatted("false"), Path.of("."))).totalExpectedEvents();
    double on = ExperimentModel.build(ConfigLoader.parse(cfg.formatted("true"), Path.of("."))).totalExpectedEvents();
    double ratio = off / on;
    assertTrue(ratio > 2.0 && ratio < 2.6, "EvES all-nu_e / oscillated " + ratio);
  }
}
