package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeScannerTest {
  @Test
  void quantilesOfAKnownDistributionWithinTheBinWidth() {
    RangeScanner r = new RangeScanner(List.of("a", "b"));
    // energies uniform on a fine grid over [1, 3] keVee, PE = 10 x energy; detector b gets nothing
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double e = 1 + 2.0 * (i + 0.5) / n;
      r.add(0, e, (int) Math.round(10 * e), 1.0);
    }
    var h = r.hints();
    assertEquals(1, h.size(), "no hint for a detector without signal");
    // exact quantiles 1.01 and 2.99; the scanner's bins are 1.16 % wide (200 per decade)
    assertEquals(1.01, h.get("a").lowKeVee(), 0.0116 * 1.01);
    assertEquals(2.99, h.get("a").highKeVee(), 0.0116 * 2.99);
    assertTrue(h.get("a").highKeVee() >= 2.99, "the upper edge of the quantile's bin");
    assertEquals(29.9, h.get("a").highPe(), 0.0116 * 29.9 + 0.5);
  }
}
