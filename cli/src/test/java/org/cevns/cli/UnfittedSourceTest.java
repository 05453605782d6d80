package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neutrino line beside a reactor with OFF time: mode auto is on-off, which fits the periods on and off only, so
 * the line's events (period run) would be simulated, counted and used for the pilot's energy ranges but left out
 * of the fit. Before, every analysis command ran and exited 0 with the line's signal silently unfitted (a
 * spectrum-file source of 540 nearly background-free events beside a 3 kg Ge reactor experiment lowered the
 * median expected significance from 9.4 to 6.5 sigma through the wider ranges); now each refuses it before any
 * simulation in one line at analysis.mode, exit 2, nothing written ({@code org.cevns.analysis.sim.FitPeriodsCheck}).
 */
class UnfittedSourceTest {
  static final String CONFIG = """
      name: reactor-and-line
      seed: 1
      sources:
        - {name: core, type: reactor, thermal_power_mw: 2000, exposure: {live_days_on: 20, live_days_off: 6}}
        - {name: line, type: monoenergetic, energy_mev: 20, flavor: numu, flux_per_cm2_s: 1.0e7,
           exposure: {live_days: 10}}
      detectors:
        - name: ge
          target: {formula: Ge}
          mass_kg: 1
          distance_m: 25
          response:
            quenching: {model: lindhard, k: 0.162}
            energy: {model: ionisation, pair_energy_ev: 2.96, fano: 0.11, noise_sigma_evee: 40}
            threshold_kevee: 0.2
          backgrounds:
            - {name: steady, type: steady, source: core, spectrum: {shape: flat, max_kev: 5}, counts_per_kg_per_day: 1}
      """;
  @TempDir Path tmp;

  @Test
  void aSourceTheFitLeavesOutIsRefusedBeforeAnySimulation() throws Exception {
    Path config = Files.writeString(tmp.resolve("c.yaml"), CONFIG);
    Path out = tmp.resolve("o");
    for (List<String> args : List.of(
        List.of("sensitivity", config.toString(), "-o", out.toString()),
        List.of("run", config.toString(), "-o", out.toString()),
        List.of("scan", config.toString(), "-o", out.toString(), "--poi", "mu=0:2:3"),
        List.of("toys", config.toString(), "--toys", "2", "-o", out.toString()))) {
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertEquals("cevns: analysis.mode: mode on-off (auto) fits the periods on and off, but source 'line'"
          + " (monoenergetic) makes period 'run', whose events the fit would leave out; allowed: mode single (every"
          + " period fitted), or only reactor sources, got 'on-off'", r.err().strip(), args.toString());
      assertTrue(Files.notExists(out) || isEmpty(out), args + ": output written");
    }
    // mode single fits every period
    CliRunner.Result ok = CliRunner.run("sensitivity", config.toString(), "-o", out.toString(), "--set",
        "analysis.mode=single");
    assertEquals(0, ok.exitCode(), ok.err());
  }

  private static boolean isEmpty(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
