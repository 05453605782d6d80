package org.cevns.generator.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.cevns.events.run.RandomStreams;

class ChannelMixtureTest {
  private static final double[] EXPECTED = {120.5, 0.0, 3.25, 1e-3, 800.0, 41.0};

  @Test
  void frequenciesFollowExpectedCounts() {
    // χ² over the channels with non-zero expectation, 1e6 draws, p > 1e-3 (false-failure rate 1e-3, fixed
    // seed); the zero channel must never be drawn.
    ChannelMixture m = ChannelMixture.of(EXPECTED);
    assertEquals(964.751, m.totalExpected(), 1e-9);
    int[] counts = new int[EXPECTED.length];
    m.counts(RandomStreams.create(3, 0), 1_000_000, counts);
    assertEquals(0, counts[1]);
    assertEquals(1_000_000, Arrays.stream(counts).sum());
    double[] p = {EXPECTED[0], EXPECTED[2], EXPECTED[3], EXPECTED[4], EXPECTED[5]};
    long[] o = {counts[0], counts[2], counts[3], counts[4], counts[5]};
    double pValue = ChiSquareTest.withDefaults().test(p, o).getPValue();
    assertTrue(pValue > 1e-3, "chi2 p = " + pValue);
  }

  @Test
  void samplerIsReproducibleAndMatchesCounts() {
    ChannelMixture m = ChannelMixture.of(EXPECTED);
    DiscreteSampler a = m.sampler(RandomStreams.create(9, 4));
    int[] tally = new int[EXPECTED.length];
    for (int i = 0; i < 10_000; i++) {
      tally[a.sample()]++;
    }
    int[] counts = new int[EXPECTED.length];
    m.counts(RandomStreams.create(9, 4), 10_000, counts);
    assertEquals(Arrays.toString(tally), Arrays.toString(counts));
    assertEquals(800.0 / 964.751, m.probability(4), 1e-15);
    assertEquals(6, m.size());
  }

  @Test
  void rejectsInvalidCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelMixture.of(new double[] {1.0, -2.0}));
    assertEquals("expectedCounts[1] must be finite and >= 0, got -2.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ChannelMixture.of(new double[] {0.0, 0.0}));
    assertTrue(e.getMessage().startsWith("expectedCounts must have a positive sum"));
    assertThrows(IllegalArgumentException.class, () -> ChannelMixture.of(new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> ChannelMixture.of(new double[] {Double.POSITIVE_INFINITY}));
    ChannelMixture m = ChannelMixture.of(new double[] {1.0});
    assertThrows(IllegalArgumentException.class, () -> m.counts(RandomStreams.create(1, 0), 5, new int[2]));
  }
}
