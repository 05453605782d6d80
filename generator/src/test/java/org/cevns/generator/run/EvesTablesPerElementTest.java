package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The isotopes of one element share their EvES sampling tables ({@link TruthGenerator#key}): natural xenon's nine
 * isotopes built nine identical sets (regression: 5.5 CPU-s of a 1000-event xenon-solar-er run, 1.9 after). Sharing
 * is exact because the EvES cross section of every isotope of an element is the same function: checked here at the
 * configured point and with a magnetic moment and a millicharge, whose new-physics cross sections are built per
 * isotope. The events are the same bytes as before (20,000 events of xenon-solar-er, coherent-csi and conus-plus,
 * seed 5, compared with {@code cmp} against the previous code, 2026-12-06).
 */
class EvesTablesPerElementTest {
  /** A ⁷Be line on natural xenon (nine isotopes): the model builds in well under a second. */
  private static final String CONFIG = String.join("\n", "name: be7-line", "physics: {processes: [eves]}", "sources:",
      "  - {name: be7, type: monoenergetic, energy_mev: 0.8618, flavor: nue, flux_per_cm2_s: 4.93e9,"
          + " exposure: {years: 1}}",
      "detectors:", "  - {name: xe, target: {formula: Xe}, mass_kg: 1000}", "");

  @ParameterizedTest
  @ValueSource(strings = {"", "physics.magnetic_moment_mub.nue=1e-11", "physics.millicharge_e.nue=1e-12"})
  void isotopesOfAnElementShareOneEvesSamplerPerSourceComponentAndFlavour(String override) {
    List<ConfigOverride> o = override.isEmpty() ? List.of() : List.of(ConfigOverride.parse(override));
    ExperimentModel model = ExperimentModel.build(ConfigLoader.parse(CONFIG, Path.of("."), o));
    Set<String> keys = new HashSet<>();
    Set<String> perIsotope = new HashSet<>();
    Set<Integer> massNumbers = new HashSet<>();
    Map<String, Channel> firstByKey = new HashMap<>();
    for (Channel c : model.channels()) {
      if (c.process() != Process.EVES || !(c.expectedEvents() > 0)) {
        continue;
      }
      String key = TruthGenerator.key(model, c);
      keys.add(key);
      perIsotope.add(key + "/" + c.isotope().label());
      massNumbers.add(c.isotope().a());
      Channel first = firstByKey.computeIfAbsent(key, k -> c);
      for (double energyMeV : new double[] {0.1, 0.42, 0.8618, 1.44, 10}) {
        for (double recoilMeV : new double[] {1e-5, 1e-3, 0.05}) {
          assertEquals(first.xs().xsCm2PerMeV(energyMeV, recoilMeV), c.xs().xsCm2PerMeV(energyMeV, recoilMeV), 0.0,
              c + " at E " + energyMeV + ", T " + recoilMeV);
        }
      }
    }
    assertTrue(massNumbers.size() >= 7, "natural xenon's isotopes: " + massNumbers);
    assertEquals(1, keys.size(), "one key for the line's flavour, not one per isotope: " + keys);
    assertEquals(perIsotope.size(), keys.size() * massNumbers.size(), "one key per component and flavour");
  }
}
