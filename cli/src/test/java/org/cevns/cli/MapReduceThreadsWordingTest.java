package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The mapreduce start line counts threads in English (regression: "1 threads per task"). */
class MapReduceThreadsWordingTest {
  @Test
  void oneThreadIsSingular() {
    assertEquals("1 thread", MapReduceCommand.threads(1));
    assertEquals("4 threads", MapReduceCommand.threads(4));
  }
}
