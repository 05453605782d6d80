package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code analysis.systematics.detectors.D.response_variants}: whole ±1σ responses, parsing and one-line errors. */
class ResponseVariantsConfigTest {
  static final String CSI = AnalysisConfigTest.SNS_CSI + """
          response:
            quenching: {model: constant, quenching_factor: 0.08}
            energy: {model: light-yield, light_yield_pe_per_kevee: 13.35, smearing: poisson}
            efficiency: {model: logistic, variable: pe, a: 1.32045, b: 0.285979, c: 10.8646, d: -0.333322}
        - name: bare
          target: {formula: Ge}
          mass_kg: 1
          distance_m: 20
      windows: {coincidence_length_ns: 6000, anticoincidence: before}
      analysis:
        systematics:
          detectors:
      """;

  private static ExperimentConfig load(String detectors) {
    return ConfigLoader.parse(CSI + detectors.indent(6), Path.of("."));
  }

  private static double efficiency(DetectorResponse r, double pe) {
    return r.stages().get(0).efficiency().probability(pe / 13.35, pe);
  }

  @Test
  void eachSideIsTheDetectorsResponseWithTheVariantMergedOver() {
    ExperimentConfig c = load("""
        csi:
          response_variants:
            - {name: csi.eff, source: release, up: {efficiency: {c: 9.84596}}, down: {efficiency: {c: 11.8832, a: 1.297}}}
        """);
    AnalysisConfig a = AnalysisConfig.of(c);
    List<Systematic> v = a.systematics().entries();
    assertEquals(1, v.size());
    assertEquals(Systematic.Kind.RESPONSE_VARIANT, v.get(0).kind());
    assertEquals("csi.eff", v.get(0).parameter());
    // a variant of the efficiency curve alone counts in the threshold/efficiency impact group
    assertEquals("threshold_efficiency", org.cevns.analysis.pipeline.ImpactGroups.of(v.get(0)));
    assertEquals(true, v.get(0).isRefold());
    DetectorResponse up = ResponseVariants.response(c, "csi", "csi.eff", true);
    DetectorResponse down = ResponseVariants.response(c, "csi", "csi.eff", false);
    // logistic a/(1 + exp(-b (x - c))) + d at x = 12 PE, with the merged coefficients
    assertEquals(1.32045 / (1 + Math.exp(-0.285979 * (12 - 9.84596))) - 0.333322, efficiency(up, 12), 1e-12);
    assertEquals(1.297 / (1 + Math.exp(-0.285979 * (12 - 11.8832))) - 0.333322, efficiency(down, 12), 1e-12);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "csi: {response_variants: [{name: e, up: {efficiency: {b: -1}}, down: {}}]}|analysis.systematics.detectors.csi.response_variants[0].up.efficiency.b: must be > 0, got -1",
      "csi: {response_variants: [{name: e, up: {}}]}|analysis.systematics.detectors.csi.response_variants[0].down: required key is missing",
      "csi: {response_variants: [{name: e, up: {}, down: 3}]}|analysis.systematics.detectors.csi.response_variants[0].down: must be a map of response keys (merged over detectors[].response), got 3",
      "csi: {response_variants: [{name: e, up: {colour: red}, down: {}}]}|analysis.systematics.detectors.csi.response_variants[0].up.colour: unknown key, allowed: quenching, energy, threshold_kevee, threshold_pe, efficiency, trigger_efficiency, dead_time, time_efficiency",
      "csi: {response_variants: [{name: 'a b', up: {}, down: {}}]}|analysis.systematics.detectors.csi.response_variants[0].name: must be a name of letters, digits, '_', '.', '-', got 'a b'",
      "bare: {response_variants: [{name: e, up: {}, down: {}}]}|analysis.systematics.detectors.bare.response_variants[0].up: the detector has no response section to vary",
  })
  void badVariantsAreOneLineErrors(String detectors, String message) {
    ConfigErrorAssertions.assertMessage(message, () -> AnalysisConfig.of(load(detectors)));
  }
}
