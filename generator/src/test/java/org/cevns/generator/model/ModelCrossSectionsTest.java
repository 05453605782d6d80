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

  /**
   * The isotopes of one element get one EvES cross section object, at the configured point and at any other (it is
   * the atom's electrons'), so that the caches keyed by the cross section compute it once per element (regression:
   * {@code rates configs/xenon-solar-er.yaml --set physics.magnetic_moment_mub.nue=1e-11} took 14 CPU-s, 2.6 now,
   * the same output). CEvNS stays per isotope.
   */
  @Test
  void theIsotopesOfAnElementShareTheirEvesCrossSection(@TempDir Path dir) {
    ExperimentConfig cfg = ConfigLoader.parse(String.join("\n", "name: xe", "physics:",
        "  magnetic_moment_mub: {nue: 1.0e-11}", "sources:",
        "  - {name: line, type: monoenergetic, energy_mev: 0.8618, flavor: nue, rate_per_s: 1.0e15,"
            + " exposure: {live_days: 1}}",
        "detectors:", "  - {name: det, target: {formula: Xe}, mass_kg: 10, distance_m: 20}", ""), dir);
    ModelCrossSections xs = ModelCrossSections.of(cfg.physics());
    var xe129 = org.cevns.physics.nucleus.IsotopeTable.isotope(54, 129);
    var xe136 = org.cevns.physics.nucleus.IsotopeTable.isotope(54, 136);
    for (NewPhysics point : new NewPhysics[] {cfg.physics().newPhysics(),
        cfg.physics().newPhysics().with("magnetic_moment_mub.nue", 3e-11), NewPhysics.NONE}) {
      assertSame(xs.crossSection(point, Process.EVES, xe129, Flavor.NUE).orElseThrow(),
          xs.crossSection(point, Process.EVES, xe136, Flavor.NUE).orElseThrow(), point.toString());
    }
    assertTrue(xs.crossSection(NewPhysics.NONE, Process.CEVNS, xe129, Flavor.NUE).orElseThrow()
        != xs.crossSection(NewPhysics.NONE, Process.CEVNS, xe136, Flavor.NUE).orElseThrow());
    // every channel's EvES cross section is one of one object per flavour: the model's flux averages are shared
    ExperimentModel model = ExperimentModel.build(cfg);
    assertEquals(1, model.channels().stream().filter(c -> c.process() == Process.EVES).map(Channel::xs)
        .map(System::identityHashCode).distinct().count());
  }
}
