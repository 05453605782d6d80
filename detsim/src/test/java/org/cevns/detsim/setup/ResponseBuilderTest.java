package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cevns.detsim.efficiency.TabulatedEfficiency;
import org.cevns.detsim.quench.LindhardQuenching;
import org.cevns.detsim.quench.TabulatedQuenching;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.schema.ConfigLoader;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.nucleus.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the response section builds: defaults, per-element models, table files, the main element. */
class ResponseBuilderTest {
  @TempDir Path dir;

  private DetectorResponse parse(String formula, String response) {
    String yaml = "name: t\nsources:\n  - {name: core, type: reactor, thermal_power_mw: 3600, exposure: {live_days_on:"
        + " 1}}\ndetectors:\n  - {name: d, target: {formula: " + formula + "}, mass_kg: 1, distance_m: 20,\n"
        + "     response: " + response + "}\n";
    return DetsimConfig.of(ExperimentModel.build(ConfigLoader.parse(yaml, dir))).response(0);
  }

  @Test
  void lindhardDefaultKIsPerElementWithTheTargetsMeanMass() {
    DetectorResponse r = parse("CsI", "{quenching: {model: lindhard}, energy: {model: ideal}}");
    LindhardQuenching cs = assertInstanceOf(LindhardQuenching.class, r.quenching().forZ(55));
    LindhardQuenching i = assertInstanceOf(LindhardQuenching.class, r.quenching().forZ(53));
    // Cs and I are mono-isotopic: A = the atomic mass of Cs-133 and I-127
    assertEquals(0.133 * Math.pow(55, 2.0 / 3.0) / Math.sqrt(cs.massNumber()), cs.k(), 1e-15);
    assertEquals(132.905, cs.massNumber(), 1e-3);
    assertEquals(126.904, i.massNumber(), 1e-3);
    assertEquals(55, r.backgroundZ()); // CsI: tie, first in formula order
  }

  @Test
  void lindhardWithTheAdiabaticCorrection() {
    DetectorResponse r = parse("Ge", "{quenching: {model: lindhard, k: 0.1789, adiabatic_xi_kevnr: 0.16},"
        + " energy: {model: ideal}}");
    LindhardQuenching ge = assertInstanceOf(LindhardQuenching.class, r.quenching().forZ(32));
    assertEquals(0.1789, ge.k(), 0.0);
    assertEquals(0.16, ge.adiabaticXiKeVnr(), 0.0);
    assertEquals(0.0, assertInstanceOf(LindhardQuenching.class,
        parse("Ge", "{quenching: {model: lindhard}, energy: {model: ideal}}").quenching().forZ(32))
        .adiabaticXiKeVnr(), 0.0);
  }

  @Test
  void mainElementHasTheMostAtoms() {
    assertEquals(9, ResponseBuilder.mainElement(Target.ofFormula("C3F8")));
    assertEquals(8, ResponseBuilder.mainElement(Target.ofFormula("CaWO4")));
  }

  @Test
  void tablesAreReadRelativeToTheConfiguration() throws IOException {
    Files.writeString(dir.resolve("qf.csv"), "# Ge, illustrative\nrecoil_kevnr , quenching_factor\n0.5,0.15\n1,0.2\n"
        + "5,0.25\n");
    Files.writeString(dir.resolve("eff.csv"), "kevee,efficiency\n0.1,0\n0.3,0.9\n");
    DetectorResponse r = parse("Ge", "{quenching: {model: tabulated, file: qf.csv}, energy: {model: ideal},"
        + " efficiency: {model: tabulated, variable: kevee, file: eff.csv}}");
    TabulatedQuenching q = assertInstanceOf(TabulatedQuenching.class, r.quenching().forZ(32));
    assertEquals(0.2, q.visibleKeVee(1.0), 1e-15);
    assertEquals(0.5 * (0.2 + 1.25), q.visibleKeVee(3.0), 1e-12); // linear in E_ee between (1, 0.2) and (5, 1.25)
    TabulatedEfficiency e = assertInstanceOf(TabulatedEfficiency.class, r.stages().get(0).efficiency());
    assertEquals(0.45, e.probability(0.2, Double.NaN), 1e-12);
    assertEquals("efficiency", r.stages().get(0).role());
  }

  @Test
  void stagesKeepTheirOrderAndRoles() {
    DetectorResponse r = parse("NaI", "{quenching: {by_element: {Na: {model: constant, quenching_factor: 0.25},"
        + " I: {model: constant, quenching_factor: 0.05}}}, energy: {model: light-yield, light_yield_pe_per_kevee: 24,"
        + " smearing: poisson}, threshold_pe: 15, trigger_efficiency: {model: erf, variable: pe, x50: 10, width: 2},"
        + " efficiency: {model: logistic, variable: kevee, a: 1, b: 5, c: 1}, dead_time: {per_trigger_ns: 1.0e5,"
        + " trigger_rate_hz: 1}}");
    assertEquals(java.util.List.of("threshold", "efficiency", "trigger_efficiency", "dead_time"),
        r.stages().stream().map(s -> s.role()).toList());
    assertEquals(0.25 * 10, r.signalVisibleKeVee(org.cevns.physics.Process.CEVNS, 11, 10), 1e-12);
    assertEquals(0.05 * 10, r.signalVisibleKeVee(org.cevns.physics.Process.CEVNS, 53, 10), 1e-12);
    // 1e5 ns x 1 Hz = 1e-4: dead fraction 1e-4 / (1 + 1e-4)
    assertEquals(1.0 / (1 + 1e-4), r.stages().get(3).efficiency().probability(0, 0), 1e-15);
  }
}
