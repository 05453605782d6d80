package org.cevns.detsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.cevns.detsim.efficiency.WindowTimeEfficiency;
import org.cevns.physics.source.PulseShape;
import org.cevns.physics.source.PulseTimeProfile;
import org.junit.jupiter.api.Test;

/**
 * {@link AllCores}: every task runs once, the first failure in the tasks' order is thrown after all have ended (as
 * the parallel stream it replaced threw it); {@link WindowFractions.Key}'s written-out equality is the record's.
 */
class AllCoresTest {
  @Test
  void everyTaskRunsOnceAndTheFirstFailureInOrderIsThrown() {
    int n = 57;
    AtomicIntegerArray runs = new AtomicIntegerArray(n);
    List<Runnable> tasks = new ArrayList<>();
    IllegalStateException third = new IllegalStateException("3");
    for (int i = 0; i < n; i++) {
      int k = i;
      tasks.add(() -> {
        runs.incrementAndGet(k);
        double x = 0;
        for (int j = 0; j < (k % 7) * 20_000; j++) {
          x += Math.sqrt(j); // uneven costs
        }
        if (k == 3 || k == 40) {
          throw k == 3 ? third : new IllegalArgumentException(Double.toString(x));
        }
      });
    }
    assertSame(third, assertThrows(IllegalStateException.class, () -> AllCores.run(tasks)));
    for (int i = 0; i < n; i++) {
      assertEquals(1, runs.get(i), "task " + i);
    }
    AllCores.run(List.of());
    AllCores.run(List.of(() -> runs.incrementAndGet(0)));
    assertEquals(2, runs.get(0));
  }

  @Test
  void profileKeysCompareAsTheRecordDid() {
    var p = PulseTimeProfile.of(PulseShape.GAUSSIAN, 380, new double[] {2197});
    var e = WindowTimeEfficiency.of(520, 0.0494);
    var k = new WindowFractions.Key(p, 0.0, e, true);
    assertEquals(k, new WindowFractions.Key(p, 0.0, e, true));
    assertEquals(k.hashCode(), new WindowFractions.Key(p, 0.0, e, true).hashCode());
    assertEquals(new WindowFractions.Key(p, Double.NaN, null, false), new WindowFractions.Key(p, Double.NaN, null, false));
    assertNotEquals(k, new WindowFractions.Key(p, -0.0, e, true)); // Double.compare, as a record's equals
    assertNotEquals(k, new WindowFractions.Key(p, 0.0, null, true));
    assertNotEquals(k, new WindowFractions.Key(p, 0.0, e, false));
    assertNotEquals(k, new WindowFractions.Key(PulseTimeProfile.of(PulseShape.GAUSSIAN, 380, new double[] {2197}),
        0.0, e, true)); // profiles without equals of their own compare by identity
  }
}
