package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Regression: {@code bin/cevns generate configs/reference.yaml --threads 1} ran out of heap while its sampling
 * tables were built on a worker, and the error reached the user wrapped (IllegalStateException of a fork-join
 * task's OutOfMemoryError) as "internal error ... please report it" instead of the advice to give Java more heap.
 */
class FailureOutOfMemoryTest {
  @Test
  void wrappedOutOfMemoryGivesTheHeapAdvice() {
    Throwable wrapped = new IllegalStateException(new OutOfMemoryError(null).initCause(
        new OutOfMemoryError("Java heap space")));
    Failure f = Failure.of(wrapped);
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertTrue(f.message().startsWith("out of memory (Java heap space); give Java more heap"), f.message());
    assertTrue(f.message().contains("CEVNS_JAVA_OPTS=-Xmx"), f.message());
  }

  @Test
  void directOutOfMemoryStillGivesTheHeapAdvice() {
    Failure f = Failure.of(new OutOfMemoryError("Java heap space"));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertTrue(f.message().startsWith("out of memory (Java heap space)"), f.message());
  }

  @Test
  void otherErrorsStayInternalErrors() {
    Failure f = Failure.of(new IllegalStateException("broken invariant"));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertTrue(f.message().startsWith("internal error: "), f.message());
  }
}
