package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.Test;

/** Extra channels (detsim backgrounds) share the per-block multinomial of {@link TruthGenerator}. */
class TruthGeneratorExtraChannelsTest {
  static final String CONFIG = """
      name: extra
      sources:
        - {name: core, type: reactor, thermal_power_mw: 3600, exposure: {live_days_on: 10}}
      detectors:
        - {name: ge, target: {formula: Ge}, mass_kg: 1, distance_m: 20}
      """;
  static final GeneratorSettings COARSE = new GeneratorSettings(false, 64, 32);

  static ExperimentModel model() {
    return ExperimentModel.build(ConfigLoader.parse(CONFIG, Path.of(".")));
  }

  @Test
  void withoutExtraChannelsTheOutputIsUnchanged() {
    ExperimentModel m = model();
    TruthGenerator plain = TruthGenerator.of(m, COARSE, 5L, 1000, 1);
    TruthGenerator none = TruthGenerator.of(m, COARSE, 5L, 1000, 1, new double[0]);
    EventBlock a = new EventBlock();
    EventBlock b = new EventBlock();
    plain.fill(0, a);
    none.fill(0, b, null);
    assertArrayEquals(Arrays.copyOf(a.recoilKeV, 1000), Arrays.copyOf(b.recoilKeV, 1000));
    assertArrayEquals(Arrays.copyOf(a.timeNs, 1000), Arrays.copyOf(b.timeNs, 1000));
  }

  /**
   * With extra channels of expectations x1, x2 beside the signal S, the rows of each are multinomial with
   * probabilities (S, x1, x2)/(S + x1 + x2): χ² test at p &gt; 1e-4 (false failure rate 1e-4 for a random seed;
   * fixed seed). Extra rows come after the signal rows, get event ids and weight 1.
   */
  @Test
  void extraRowsFollowTheMultinomialSplit() {
    ExperimentModel m = model();
    double s = m.totalExpectedEvents();
    double[] extra = {0.5 * s, 0.25 * s};
    int n = 40000;
    TruthGenerator g = TruthGenerator.of(m, COARSE, 9L, n, 1, extra);
    assertEquals(2, g.extraChannelCount());
    assertEquals(1.75 * s, g.totalExpected(), 1e-9 * s);
    EventBlock b = new EventBlock();
    long[] counts = new long[3];
    int[] lastRow = {-1};
    g.fill(0, b, (j, rng, row, count) -> {
      assertTrue(row > lastRow[0]);
      lastRow[0] = row + count - 1;
      counts[1 + j] += count;
      for (int i = row; i < row + count; i++) {
        b.detector[i] = 0;
        b.recoilKeV[i] = -1 - j;
      }
    });
    counts[0] = n - counts[1] - counts[2];
    assertEquals(n - 1, lastRow[0]);
    for (int i = 0; i < n; i++) {
      assertEquals(i, b.eventId[i]);
      assertEquals(1.0, b.weight[i]);
      assertEquals(i >= counts[0], b.recoilKeV[i] < 0, "row " + i);
    }
    double p = ChiSquareTest.withDefaults().test(new double[] {1, 0.5, 0.25}, counts).getPValue();
    assertTrue(p > 1e-4, Arrays.toString(counts) + " p " + p);
    assertThrows(IllegalStateException.class, () -> g.fill(0, new EventBlock()));
  }

  @Test
  void totalIncludesExtraChannelsAndNegativeOnesAreRejected() {
    ExperimentModel m = ExperimentModel.build(ConfigLoader.parse(CONFIG.replace("live_days_on: 10",
        "live_days_on: 10, live_days_off: 5"), Path.of(".")));
    TruthGenerator g = TruthGenerator.of(m, COARSE, 1L, 10, 1, new double[] {3.0});
    assertEquals(m.totalExpectedEvents() + 3.0, g.totalExpected(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> TruthGenerator.of(m, COARSE, 1L, 10, 1, new double[] {-1}));
  }
}
