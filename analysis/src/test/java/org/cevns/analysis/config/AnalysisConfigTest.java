package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisConfigTest {
  /** The SNS with a CsI detector: the head of the beam configurations of the analysis config tests. */
  static final String SNS_CSI = """
      name: t
      sources:
        - name: sns
          type: pion-dar
          facility: sns
          exposure: {pot: 1.0e22}
      detectors:
        - name: csi
          target: {formula: CsI}
          mass_kg: 14.6
          distance_m: 19.3
      """;
  static final String BEAM = SNS_CSI + """
          backgrounds:
            - {name: steady}
            - {name: brn}
      windows: {coincidence_length_ns: 6000, anticoincidence: before}
      """;
  static final String REACTOR = """
      name: r
      sources:
        - name: core
          type: reactor
          thermal_power_mw: 3600
          exposure: {live_days_on: 100, live_days_off: OFF}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 1
          distance_m: 20
      """;

  static ExperimentConfig load(String yaml) {
    return ConfigLoader.parse(yaml, Path.of("."));
  }

  static AnalysisConfig parse(String base, String analysis) {
    return AnalysisConfig.of(load(base + "analysis:\n" + analysis.indent(2)));
  }

  @Test
  void absentSectionGivesDefaultsAndAutoModeFollowsTheSources() {
    AnalysisConfig beam = AnalysisConfig.of(load(BEAM));
    assertEquals(AnalysisMode.AUTO, beam.modeAsWritten());
    assertEquals(AnalysisMode.BEAM, beam.mode());
    assertEquals(AnalysisConfig.DEFAULT_ENERGY_BINS, beam.energy().bins());
    assertEquals(FitSettings.defaults(), beam.fit());
    assertEquals(AnalysisMode.ON_OFF, AnalysisConfig.of(load(REACTOR.replace("OFF", "20"))).mode());
    assertEquals(AnalysisMode.SINGLE, AnalysisConfig.of(load(REACTOR.replace("OFF", "0"))).mode());
    // a pulsed source without windows: no C/AC split
    assertEquals(AnalysisMode.SINGLE, AnalysisConfig.of(load(BEAM.replace(
        "windows: {coincidence_length_ns: 6000, anticoincidence: before}", ""))).mode());
  }

  @Test
  void everyKeyIsParsed() {
    AnalysisConfig c = parse(BEAM, """
        mode: beam
        energy: {bins: 9, min_kevee: 0, max_kevee: 45}
        detectors:
          csi: {edges_kevee: [1, 2, 4, 8]}
        pe: {bins: 30, min_pe: 0, max_pe: 60}
        time: {bins: 12, min_ns: -6000, max_ns: 6000}
        fit:
          observable: energy-time
          time_bins: 4
          backgrounds: {steady: free, brn: 0.25}
          default_background_width: 0.5
          signal_width: 0.1
          mu_nonnegative: true
          template_factor: 50
          min_background_template_events: 100000
          template_normalisation: model
          toys: 100
        sensitivity: {exposure_factors: [0.5, 1, 2], coverage_toys: 200}
        """);
    assertEquals(AnalysisMode.BEAM, c.mode());
    assertEquals(AxisSpec.uniform(9, 0, 45), c.energy());
    assertArrayEquals(new double[] {1, 2, 4, 8}, c.energyOf("csi").edges().orElseThrow());
    assertEquals(AxisSpec.uniform(30, 0, 60), c.pe());
    assertEquals(AxisSpec.uniform(12, -6000, 6000), c.time());
    FitSettings f = c.fit();
    assertEquals(FitObservable.ENERGY_TIME, f.observable());
    assertEquals(4, f.timeBins());
    assertEquals(Constraint.free(), f.constraint("steady"));
    assertEquals(Constraint.of(0.25), f.constraint("brn"));
    assertEquals(Constraint.of(0.5), f.constraint("other"));
    assertEquals(0.1, f.signalWidth());
    assertTrue(f.muNonNegative());
    assertEquals(50, f.templateFactor());
    assertEquals(100_000, f.minBackgroundTemplateEvents());
    assertEquals(TemplateNormalisation.MODEL, f.templateNormalisation());
    assertEquals(100, f.toys());
    assertArrayEquals(new double[] {0.5, 1, 2}, c.sensitivity().exposureFactors());
    assertEquals(200, c.sensitivity().coverageToys());
  }

  @Test
  void openEndsStayOpenAndResolveAgainstDefaults() {
    AnalysisConfig c = parse(BEAM, "energy: {bins: 10, max_kevee: 20}\n");
    assertEquals(10, c.energy().bins());
    assertEquals(org.cevns.analysis.hist.BinEdges.uniform(10, 0, 20), c.energy().resolve(0, 7));
    assertEquals(org.cevns.analysis.hist.BinEdges.uniform(10, 1, 20), AxisSpec.defaults(10).resolve(1, 20));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "modes: beam|analysis.modes: unknown key, allowed: mode, energy, detectors, pe, time, fit, sensitivity, systematics, parameters, parameter_constraints",
      "mode: pulsed|analysis.mode: must be one of auto, on-off, beam, single, got 'pulsed'",
      "mode: on-off|analysis.mode: on-off needs a reactor source with live_days_off > 0 for every detector, got 'on-off'",
      "energy: {bins: 0}|analysis.energy.bins: must be an integer in [1, 100000], got 0",
      "energy: {min_kevee: 5, max_kevee: 5}|analysis.energy.max_kevee: must be > min_kevee (5.0), got 5",
      "energy: {bins: 3, edges_kevee: [1, 2]}|analysis.energy.bins: not allowed together with edges_kevee",
      "energy: {edges_kevee: [1, 3, 2]}|analysis.energy.edges_kevee[2]: must be > the previous edge (3.0), got 2",
      "energy: {min_kevee: 0.5, max_kevee: 1e12}|analysis.energy.max_kevee: must be within +-1000000000 (up to 1e9 in"
          + " magnitude), got 1000000000000",
      "fit: {signal_width: 500}|analysis.fit.signal_width: must be <= 100 (up to 100, i.e. 10000 %), got 500",
      "detectors: {nai: {bins: 3}}|analysis.detectors.nai: unknown detector 'nai', detectors are [csi]",
      "fit: {backgrounds: {muons: 0.1}}|analysis.fit.backgrounds.muons: unknown background component 'muons', components are steady, brn, eves",
      "fit: {backgrounds: {brn: -0.1}}|analysis.fit.backgrounds.brn: must be in [0, 100], got -0.1",
      "fit: {backgrounds: {brn: loose}}|analysis.fit.backgrounds.brn: must be a relative width >= 0 (0: fixed) or free, got 'loose'",
      // bound as BackgroundWidth (issue 14): an explicit null is refused like every other null, not read as absent
      "fit: {default_background_width: null}|analysis.fit.default_background_width: must be a relative width >= 0 (0: fixed) or free, got null",
      "fit: {backgrounds: {brn: {width: 1}}}|analysis.fit.backgrounds.brn: must be a relative width >= 0 (0: fixed) or free, got a map",
      "fit: {backgrounds: {brn: 101}}|analysis.fit.backgrounds.brn: must be in [0, 100], got 101",
      "fit: {template_factor: 0.5}|analysis.fit.template_factor: must be in [1, 1000000], got 0.5",
      "fit: {min_background_template_events: -1}|analysis.fit.min_background_template_events: must be an integer in [0, 100000000], got -1",
      "fit: {toys: -1}|analysis.fit.toys: must be an integer in [0, 10000000], got -1",
      "sensitivity: {exposure_factors: [2, 1]}|analysis.sensitivity.exposure_factors[1]: must be > the previous factor (2.0), got 1",
      "sensitivity: {exposure_factors: []}|analysis.sensitivity.exposure_factors: must be a non-empty list of increasing numbers > 0, got []",
      "{parameters: [sin2_theta_w], parameter_constraints: {rn_fm.Cs133: 0.1}}|analysis.parameter_constraints.rn_fm.Cs133: must be a parameter listed in analysis.parameters [sin2_theta_w], got 'rn_fm.Cs133'",
      "{parameters: [sin2_theta_w], parameter_constraints: {sin2_theta_w: 0}}|analysis.parameter_constraints.sin2_theta_w: must be finite and > 0, got 0.0",
  })
  void badSectionsNameTheKeyAndTheValue(String yaml, String message) {
    ConfigErrorAssertions.assertMessage(message, () -> parse(BEAM, yaml));
  }

  /** {@code parameter_constraints}: a listed physics parameter becomes a Gaussian-constrained nuisance. */
  @Test
  void parameterConstraintsReachTheSystematics() {
    AnalysisConfig c = parse(BEAM, "parameters: [sin2_theta_w, rn_fm.Cs133]\nparameter_constraints: {rn_fm.Cs133: 0.2}\n");
    assertEquals(java.util.Map.of("rn_fm.Cs133", 0.2), c.systematics().physicsSigmas());
    assertEquals(java.util.Map.of(), parse(BEAM, "parameters: [sin2_theta_w]\n").systematics().physicsSigmas());
  }

  @Test
  void energyTimeFitNeedsBeamMode() {
    ConfigErrorAssertions.assertMessage("analysis.fit.observable: energy-time needs the beam mode (a pulsed source"
        + " and windows); mode is on-off, so allowed: energy, got 'energy-time'",
        () -> parse(REACTOR.replace("OFF", "20"), "fit: {observable: energy-time}\n"));
  }
}
