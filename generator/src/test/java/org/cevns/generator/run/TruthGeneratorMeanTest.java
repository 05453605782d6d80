package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.junit.jupiter.api.Test;

/** {@code --mean}: every channel makes its expected count, not a multinomial share of the rounded total. */
class TruthGeneratorMeanTest {

  @Test
  void largestRemainderRoundingKeepsEveryChannelWithinOneAndTheTotal() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    double[] extra = {2.4, 0.3, 7.5};
    long[] counts = TruthGenerator.meanCounts(m, extra);
    List<Channel> live = m.channels().stream().filter(c -> c.expectedEvents() > 0).toList();
    assertEquals(live.size() + extra.length, counts.length);
    double total = m.totalExpectedEvents() + 2.4 + 0.3 + 7.5;
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      double e = i < live.size() ? live.get(i).expectedEvents() : extra[i - live.size()];
      assertTrue(Math.abs(counts[i] - e) < 1, "channel " + i + ": " + counts[i] + " vs " + e);
      sum += counts[i];
    }
    assertEquals(Math.round(total), sum);
    // the same input gives the same counts
    assertArrayEquals(counts, TruthGenerator.meanCounts(m, extra));
  }

  /** The rows of each channel in the filled blocks are exactly its mean count, whatever the block boundaries. */
  @Test
  void filledBlocksHoldTheMeanCountOfEveryChannel() {
    ExperimentModel m = TruthGeneratorExtraChannelsTest.model();
    double[] extra = {0.25 * m.totalExpectedEvents(), 3.6};
    TruthGenerator g = TruthGenerator.ofMean(m, TruthGeneratorExtraChannelsTest.COARSE, 3L, 1, extra);
    long[] expected = TruthGenerator.meanCounts(m, extra);
    Map<String, Long> want = new HashMap<>();
    for (int c = 0; c < g.channels().size(); c++) {
      if (expected[c] > 0) {
        want.merge(key(g.channels().get(c)), expected[c], Long::sum);
      }
    }
    long[] extraSeen = new long[extra.length];
    Map<String, Long> seen = new HashMap<>();
    EventBlock b = new EventBlock();
    for (long k = 0; k < g.blockCount(); k++) {
      long before = extraSeen[0] + extraSeen[1];
      g.fill(k, b, (j, rng, row, count) -> extraSeen[j] += count);
      long signalRows = b.size() - (extraSeen[0] + extraSeen[1] - before);
      for (int i = 0; i < signalRows; i++) {
        for (Channel c : g.channels()) {
          if (c.detectorIndex() == b.detector[i] && c.process().ordinal() == b.process[i]
              && c.parentIndex() == b.parent[i] && c.isotope().a() == b.targetA[i]) {
            seen.merge(key(c), 1L, Long::sum);
            break;
          }
        }
      }
    }
    assertEquals(want, seen);
    assertEquals(expected[expected.length - 2], extraSeen[0]);
    assertEquals(expected[expected.length - 1], extraSeen[1]);
    long total = 0;
    for (long x : expected) {
      total += x;
    }
    assertEquals(total, g.totalEvents());
    assertTrue(g.blockCount() >= 1);
  }

  private static String key(Channel c) {
    return c.detectorIndex() + "/" + c.process() + "/" + c.parentIndex() + "/" + c.isotope().a();
  }
}
