package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Process;
import org.junit.jupiter.api.Test;

/**
 * {@link RecoilFloors#remembering}: the floors' window expectations computed once (they were computed afresh by every
 * caller: deriving the template floors, sizing the templates, the generator's mixture and its sampling tables, an
 * adaptive quadrature over E of one over T each time; xenonnt-b8's sensitivity cost 9.0 CPU-s with the floors against
 * 6.7 without, docs/performance-history.md "rowwriter"), with the same doubles and so the same events.
 */
class RememberingRecoilFloorsTest {
  private static final double FLOOR_MEV = 0.3e-3;
  private static final RecoilFloors CEVNS_ABOVE = c -> c.process() == Process.CEVNS ? FLOOR_MEV : 0.0;

  @Test
  void theSameDoublesAsComputedAfresh() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    RecoilFloors remembered = RecoilFloors.remembering(CEVNS_ABOVE);
    assertSame(remembered, RecoilFloors.remembering(remembered));
    for (int pass = 0; pass < 2; pass++) { // the second pass reads what the first remembered
      for (Channel c : m.channels()) {
        assertEquals(CEVNS_ABOVE.raises(c), remembered.raises(c));
        assertEquals(CEVNS_ABOVE.expectedEvents(c), remembered.expectedEvents(c), 0.0, c.toString());
        if (c.process() == Process.CEVNS) {
          assertEquals(CEVNS_ABOVE.windowXsCm2(c), remembered.windowXsCm2(c), 0.0, c.toString());
        }
      }
    }
    assertEquals(CEVNS_ABOVE.totalExpectedEvents(m), remembered.totalExpectedEvents(m), 0.0);
  }

  /** The sampling tables built with the remembered ⟨σ⟩ of the window draw the same events as those computing it. */
  @Test
  void theSameEvents() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    EventBlock a = new EventBlock();
    EventBlock b = new EventBlock();
    int n = 5000;
    TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 3L, n, 1, new double[0], CEVNS_ABOVE).fill(0, a);
    TruthGenerator.of(m, TruthGeneratorExtraChannelsTest.COARSE, 3L, n, 2, new double[0],
        RecoilFloors.remembering(CEVNS_ABOVE)).fill(0, b);
    assertArrayEquals(Arrays.copyOf(a.recoilKeV, n), Arrays.copyOf(b.recoilKeV, n));
    assertArrayEquals(Arrays.copyOf(a.enuMeV, n), Arrays.copyOf(b.enuMeV, n));
    assertArrayEquals(Arrays.copyOf(a.weight, n), Arrays.copyOf(b.weight, n));
  }
}
