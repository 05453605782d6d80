package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cevns.analysis.pipeline.GridBands;
import org.junit.jupiter.api.Test;

/** The terminal form of a confidence set of several bands (printed by {@code cevns scan} below its table). */
class BandUnionTest {
  @Test
  void bandsPrintAsAUnionWithOpenEndsMarked() {
    assertEquals("[-0.062, 0.085] \u222a [0.32, 0.47...]", ScanOutputs.union(List.of(
        new GridBands.Band(-0.062, 0.085, false, false), new GridBands.Band(0.32, 0.47, false, true))));
    assertEquals("(none on the grid)", ScanOutputs.union(List.of()));
  }
}
