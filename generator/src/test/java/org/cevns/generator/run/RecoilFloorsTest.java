package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.FluxAveragedXs;
import org.cevns.physics.Process;
import org.cevns.schema.GeneratorSettings;
import org.junit.jupiter.api.Test;

/**
 * Sampling above recoil floors ({@link RecoilFloors}, the analysis templates): every CEvNS recoil at or above the
 * floor, the expectation that of the window above it (exactly, the sampler's ⟨σ⟩), the recoils above the floor of a
 * full-range run in that proportion, weighted events summing to it; without floors the same events as before.
 */
class RecoilFloorsTest {
  private static final double FLOOR_MEV = 0.3e-3; // 0.3 keVnr on Ge: ~1/8 of the reactor recoils above it
  private static final RecoilFloors CEVNS_ABOVE = c -> c.process() == Process.CEVNS ? FLOOR_MEV : 0.0;

  @Test
  void recoilsStartAtTheFloorAndTheExpectationIsThatAboveIt() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    double above = 0;
    double all = 0;
    for (Channel c : m.channels()) {
      all += c.expectedEvents();
      above += c.process() != Process.CEVNS ? c.expectedEvents() : c.targets() * c.fluencePerCm2()
          * FluxAveragedXs.inWindowCm2(c.component().spectrum(), c.xs(), FLOOR_MEV, Double.POSITIVE_INFINITY);
    }
    assertEquals(above, CEVNS_ABOVE.totalExpectedEvents(m), 1e-12 * above);
    int n = 50000;
    TruthGenerator floored = TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 3L, n, 1, new double[0],
        CEVNS_ABOVE);
    assertEquals(above, floored.totalExpected(), 1e-12 * above);
    EventBlock b = new EventBlock();
    floored.fill(0, b);
    int cevns = 0;
    for (int i = 0; i < b.size(); i++) {
      if (b.process[i] == Process.CEVNS.ordinal()) {
        cevns++;
        assertTrue(b.recoilKeV[i] >= FLOOR_MEV * 1e3 * (1 - 1e-12), "row " + i + ": " + b.recoilKeV[i]);
      }
    }
    assertTrue(cevns > n / 2, "CEvNS rows " + cevns);
    // the full-range run has a fraction above/all of its events above the floor (or not CEvNS): binomial, 4.5 sigma (false
    // failure 7e-6 for a random seed; fixed seed)
    TruthGenerator full = TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 3L, n, 1);
    full.fill(0, b);
    long count = 0;
    for (int i = 0; i < n; i++) {
      count += b.process[i] != Process.CEVNS.ordinal() || b.recoilKeV[i] >= FLOOR_MEV * 1e3 ? 1 : 0;
    }
    double p = above / all;
    assertTrue(p < 0.3, "fraction above the floor " + p);
    assertEquals(p * n, count, 4.5 * Math.sqrt(n * p * (1 - p)), "recoils above the floor");
    // weighted: weights of mean 1 x expected / N, summing to the expectation above the floor (3 % at 50000)
    TruthGenerator weighted = TruthGenerator.of(m, new GeneratorSettings(true, 64, 32), 3L, n, 1, new double[0],
        CEVNS_ABOVE);
    weighted.fill(0, b);
    assertEquals(above, Arrays.stream(Arrays.copyOf(b.weight, n)).sum(), 0.03 * above);
  }

  @Test
  void withoutFloorsTheOutputIsUnchanged() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    EventBlock a = new EventBlock();
    EventBlock b = new EventBlock();
    TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 5L, 1000, 1).fill(0, a);
    TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 5L, 1000, 1, new double[0], RecoilFloors.NONE)
        .fill(0, b);
    assertArrayEquals(Arrays.copyOf(a.recoilKeV, 1000), Arrays.copyOf(b.recoilKeV, 1000));
    assertArrayEquals(Arrays.copyOf(a.enuMeV, 1000), Arrays.copyOf(b.enuMeV, 1000));
  }
}
