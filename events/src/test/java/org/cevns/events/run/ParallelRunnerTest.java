package org.cevns.events.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParallelRunnerTest {
  /** Block content depends only on its index; the consumer must see indices in order and the same data. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void consumerSeesBlocksInOrderWithSameContent(int threads) throws Exception {
    List<Long> seen = new ArrayList<>();
    List<Long> firstValues = new ArrayList<>();
    AtomicInteger created = new AtomicInteger();
    ParallelRunner.run(
        5,
        200,
        threads,
        () -> {
          created.incrementAndGet();
          return new long[4];
        },
        (k, b) -> {
          for (int i = 0; i < b.length; i++) {
            b[i] = k * 31 + i;
          }
          if (k % 7 == 0) {
            Thread.sleep(1); // perturb the completion order
          }
        },
        (k, b) -> {
          seen.add(k);
          firstValues.add(b[0]);
          assertArrayEquals(new long[] {k * 31, k * 31 + 1, k * 31 + 2, k * 31 + 3}, b);
        },
        null);
    assertEquals(200, seen.size());
    for (int i = 0; i < 200; i++) {
      assertEquals(5 + i, seen.get(i));
      assertEquals((5 + i) * 31L, firstValues.get(i));
    }
    // memory is bounded by the pool, not by the number of blocks
    assertTrue(created.get() >= 1 && created.get() <= 2 * threads + 1, "blocks made: " + created.get());
  }

  /** Blocks are made when first needed: a one-block run makes one block, never the whole pool. */
  @Test
  void blocksAreMadeOnlyWhenNeeded() throws Exception {
    AtomicInteger created = new AtomicInteger();
    List<Long> seen = new ArrayList<>();
    ParallelRunner.run(0, 1, 4, () -> {
      created.incrementAndGet();
      return new long[1];
    }, (k, b) -> b[0] = k, (k, b) -> seen.add(b[0]), null);
    assertEquals(List.of(0L), seen);
    assertEquals(1, created.get());
    // one worker: it may fill the next block while the consumer holds one, and the pool holds 3
    created.set(0);
    ParallelRunner.run(0, 50, 1, () -> {
      created.incrementAndGet();
      return new long[1];
    }, (k, b) -> b[0] = k, (k, b) -> assertEquals(k, b[0]), null);
    assertTrue(created.get() >= 1 && created.get() <= 3, "blocks made: " + created.get());
  }

  @Test
  void zeroBlocksIsFine() throws Exception {
    List<Long> seen = new ArrayList<>();
    ParallelRunner.run(0, 0, 2, () -> new long[1], (k, b) -> {}, (k, b) -> seen.add(k), null);
    assertEquals(List.of(), seen);
  }

  @Test
  void workerFailureIsRethrown() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ParallelRunner.run(
                    0,
                    100,
                    2,
                    () -> new long[1],
                    (k, b) -> {
                      if (k == 37) {
                        throw new IllegalStateException("boom at 37");
                      }
                    },
                    (k, b) -> {},
                    null));
    assertEquals("boom at 37", e.getMessage());
  }

  @Test
  void consumerFailureStopsWorkers() {
    assertThrows(
        java.io.IOException.class,
        () ->
            ParallelRunner.run(
                0,
                1000,
                2,
                () -> new long[1],
                (k, b) -> {},
                (k, b) -> {
                  if (k == 3) {
                    throw new java.io.IOException("disk full");
                  }
                },
                null));
  }
}
