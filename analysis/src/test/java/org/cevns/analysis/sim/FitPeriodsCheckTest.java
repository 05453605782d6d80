package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * A source whose period the analysis mode does not fit is refused before any simulation ({@link FitPeriodsCheck}).
 * Before, a line or spectrum-file source beside a reactor (period run in an on-off fit) or a reactor beside a
 * pulsed source (period on in a beam fit) was simulated and counted but left out of the fit without a word.
 */
class FitPeriodsCheckTest {
  static final String REACTOR = """
      name: t
      sources:
        - {name: core, type: reactor, thermal_power_mw: 2000, exposure: {live_days_on: 200, live_days_off: 60}}
      EXTRA
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 3
          distance_m: 25
          response:
            quenching: {model: lindhard, k: 0.162}
            energy: {model: ionisation, pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 40}
            threshold_kevee: 0.2
      ANALYSIS
      """;

  static final String LINE = "  - {name: line, type: monoenergetic, energy_mev: 20, flavor: numu,"
      + " flux_per_cm2_s: 1.0e7, exposure: {live_days: 100}}";

  private static void check(String extra, String analysis) {
    ExperimentConfig c = ConfigLoader.parse(REACTOR.replace("EXTRA", extra).replace("ANALYSIS", analysis), Path.of("."));
    ExperimentModel m = ExperimentModel.build(c);
    FitPeriodsCheck.check(AnalysisConfig.of(c), m);
  }

  @Test
  void aSourceTheOnOffFitLeavesOutIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> check(LINE, ""));
    assertEquals("analysis.mode: mode on-off (auto) fits the periods on and off, but source 'line' (monoenergetic)"
        + " makes period 'run', whose events the fit would leave out; allowed: mode single (every period fitted), or"
        + " only reactor sources, got 'on-off'", e.getMessage());
    e = assertThrows(ConfigException.class, () -> check(LINE, "analysis: {mode: on-off}"));
    assertEquals("analysis.mode: mode on-off fits the periods on and off, but source 'line' (monoenergetic) makes"
        + " period 'run', whose events the fit would leave out; allowed: mode single (every period fitted), or only"
        + " reactor sources, got 'on-off'", e.getMessage());
  }

  @Test
  void aReactorBesideAPulsedSourceInTheBeamFitIsRefused() {
    String sns = "  - {name: sns, type: pion-dar, facility: sns, exposure: {pot: 1.0e23}}\n"
        + "windows: {coincidence_length_ns: 6000, anticoincidence: before}";
    ConfigException e = assertThrows(ConfigException.class, () -> check(sns, ""));
    assertEquals("analysis.mode: mode beam (auto) fits the period beam, but source 'core' (reactor) makes period"
        + " 'on', whose events the fit would leave out; allowed: mode single (every period fitted), or only pion-dar"
        + " sources, got 'beam'", e.getMessage());
  }

  @Test
  void everyPeriodFittedPasses() {
    assertDoesNotThrow(() -> check("", ""));
    assertDoesNotThrow(() -> check(LINE, "analysis: {mode: single}"));
  }
}
