package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reweighting API: the cross section of one event at any parameter point, consistent with the channels. */
class ModelCrossSectionsTest {
  private static final String CONFIG = String.join("\n",
      "name: test",
      "physics:",
      "  nsi: {u: {ee: 0.1}}",
      "  mediators: [{type: vector, mass_mev: 30, g: 1.0e-4}]",
      "sources:",
      "  - {name: line, type: monoenergetic, energy_mev: 30, flavor: nue, rate_per_s: 1.0e15, exposure: {live_days: 1}}",
      "detectors:",
      "  - {name: det, target: {formula: CsI}, mass_kg: 10, distance_m: 20}",
      "");

  @Test
  void evaluatesEventsAtAnyPoint(@TempDir Path dir) {
    ExperimentConfig cfg = ConfigLoader.parse(CONFIG, dir);
    ExperimentModel model = ExperimentModel.build(cfg);
    ModelCrossSections xs = ModelCrossSections.of(cfg.physics());
    NewPhysics nominal = cfg.physics().newPhysics();
    double e = 30;
    double t = 0.005;
    Channel cs = model.channels().stream()
        .filter(c -> c.process() == Process.CEVNS && c.isotope().label().equals("Cs133")).findFirst().orElseThrow();
    // the nominal point is the channel's cross section
    assertEquals(cs.xs().xsCm2PerMeV(e, t), xs.xsCm2PerMeV(nominal, Process.CEVNS, Flavor.NUE, 55, 133, e, t), 0.0);
    // moving one parameter by its scan name changes the cross section; moving it back restores it
    NewPhysics moved = nominal.with("nsi.u.ee", 0.3).with("mediator[0].mass_mev", 100);
    double w = xs.xsCm2PerMeV(moved, Process.CEVNS, Flavor.NUE, 55, 133, e, t)
        / xs.xsCm2PerMeV(nominal, Process.CEVNS, Flavor.NUE, 55, 133, e, t);
    assertTrue(Math.abs(w - 1) > 0.05, "weight " + w);
    assertEquals(cs.xs().xsCm2PerMeV(e, t), xs.xsCm2PerMeV(moved.with("nsi.u.ee", 0.1).with("mediator[0].mass_mev", 30),
        Process.CEVNS, Flavor.NUE, 55, 133, e, t), 0.0);
    // the Standard Model point gives the generator's Standard-Model cross section object
    assertSame(xs.crossSection(NewPhysics.NONE, Process.EVES, cs.isotope(), Flavor.NUE).orElseThrow(),
        xs.crossSection(NewPhysics.NONE, Process.EVES, cs.isotope(), Flavor.NUE).orElseThrow());
    assertEquals(0.0, xs.xsCm2PerMeV(nominal, Process.UPSCATTER, Flavor.NUE, 55, 133, e, t), 0.0, "no sterile: closed");
  }
}
