package org.cevns.detsim.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cevns.detsim.quench.QuenchingByNucleus;
import org.cevns.schema.ConfigLoader;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.Test;

/**
 * NaI[Tl] in the shipped neon and coherent-nai configurations uses the measured Na and I quenching factors of
 * Joo et al., Astropart. Phys. 108 (2019) 50 (configs/data/quenching), not Lindhard: QF 0.10 at 9 keVnr and
 * 0.23 at 152 keVnr for Na, 0.04 at 19 and 0.06 at 75 keVnr for I, E_ee linear in between, constant QF
 * outside.
 */
class NaiQuenchingTest {

  @Test
  void shippedNaiConfigsUseTheMeasuredTables() {
    for (String name : new String[] {"neon.yaml", "coherent-nai.yaml"}) {
      ExperimentModel m = ExperimentModel.build(ConfigLoader.load(ShippedDetsimConfigsTest.configsDir().resolve(name)));
      QuenchingByNucleus q = DetsimConfig.of(m).response(0).quenching();
      assertEquals(0.9, q.visibleKeVee(11, 9), 1e-12, name);
      assertEquals(0.23 * 152, q.visibleKeVee(11, 152), 1e-9, name);
      // between the points: E_ee linear in E_nr
      assertEquals(0.9 + (50 - 9) * (0.23 * 152 - 0.9) / (152 - 9), q.visibleKeVee(11, 50), 1e-9, name);
      // below the first point: constant QF 0.10 (Na), 0.04 (I)
      assertEquals(0.10 * 3, q.visibleKeVee(11, 3), 1e-12, name);
      assertEquals(0.04 * 10, q.visibleKeVee(53, 10), 1e-12, name);
      assertEquals(0.06 * 75, q.visibleKeVee(53, 75), 1e-9, name);
    }
  }
}
