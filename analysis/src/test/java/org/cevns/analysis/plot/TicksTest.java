package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicksTest {
  private static final String M = Ticks.MINUS;

  @Test
  void unitRangeGivesStepsOfPointTwoWithConsistentDecimals() {
    TickSet t = Ticks.linear(0, 1, 6);
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.major(), 0);
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.labels());
    // minor every 0.05: 21 positions in [0, 1] minus the 6 majors
    assertEquals(15, t.minor().length);
    assertEquals(0.05, t.minor()[0], 1e-15);
  }

  @Test
  void labelsAreExactDecimalsNeverBinaryArtifacts() {
    TickSet t = Ticks.linear(0, 0.3, 4);
    assertEquals(List.of("0", "0.1", "0.2", "0.3"), t.labels());
    assertEquals(0.3, t.major()[3], 0.0); // the double nearest 0.3, not 0.30000000000000004
    assertEquals("0.3", Ticks.formatLinear(0.1 + 0.2, 0.1));
    assertEquals("1.4", Ticks.formatLinear(1.4000000000000001, 0.2));
    TickSet small = Ticks.linear(0.7, 1.1, 5);
    assertEquals(List.of("0.7", "0.8", "0.9", "1.0", "1.1"), small.labels());
  }

  @Test
  void negativeValuesUseTypographicMinusAndZeroIsPlain() {
    TickSet t = Ticks.linear(-1, 1, 5);
    assertEquals(List.of(M + "1.0", M + "0.5", "0", "0.5", "1.0"), t.labels());
  }

  @Test
  void largeAndTinyMagnitudesGetCommonExponent() {
    assertEquals(List.of("0", "0.5\u00d710^{6}", "1.0\u00d710^{6}", "1.5\u00d710^{6}", "2.0\u00d710^{6}"),
        Ticks.linear(0, 2e6, 5).labels());
    assertEquals(List.of("0", "1\u00d710^{" + M + "4}", "2\u00d710^{" + M + "4}", "3\u00d710^{" + M + "4}",
        "4\u00d710^{" + M + "4}"), Ticks.linear(0, 4e-4, 5).labels());
    assertEquals(List.of("0", "20000", "40000", "60000", "80000"), Ticks.linear(0, 9e4, 5).labels());
  }

  @Test
  void stepIsTheSmallestOneTwoFiveStepWithinTheTickBudget() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int trial = 0; trial < 2000; trial++) {
      double lo = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-6, 7));
      double span = Math.pow(10, rng.nextDouble(-5, 7));
      int max = rng.nextInt(2, 13);
      TickSet t = Ticks.linear(lo, lo + span, max);
      double step = Ticks.niceStep(lo, lo + span, max);
      int e = (int) Math.floor(Math.log10(step) + 1e-9);
      double mant = step / Math.pow(10, e);
      assertTrue(Math.abs(mant - 1) < 1e-9 || Math.abs(mant - 2) < 1e-9 || Math.abs(mant - 5) < 1e-9,
          "mantissa " + mant);
      double[] v = t.major();
      assertTrue(v.length <= max && v.length >= 1, "count " + v.length + " max " + max);
      for (int i = 1; i < v.length; i++) {
        // tolerance: relative 1e-9 plus the rounding of values far from zero (cancellation)
        assertEquals(step, v[i] - v[i - 1], step * 1e-9 + 4 * Math.ulp(Math.abs(v[i]) + Math.abs(lo)));
      }
      assertTrue(v[0] >= lo - span * 1e-9 && v[v.length - 1] <= lo + span + span * 1e-9);
      // the next smaller 1-2-5 step would give too many ticks (minimality)
      double smaller = mant == 1 ? 0.5 * step : mant == 2 ? 0.5 * step : 0.4 * step;
      long n = (long) Math.floor((lo + span) / smaller + 1e-9) - (long) Math.ceil(lo / smaller - 1e-9) + 1;
      assertTrue(n > max, "smaller step " + smaller + " gives " + n + " <= " + max);
      assertEquals(v.length, t.labels().size());
    }
  }

  @Test
  void logDecadesWithMinorTicks() {
    TickSet t = Ticks.log(1, 1e4, 10);
    assertArrayEquals(new double[] {1, 10, 100, 1000, 10000}, t.major(), 0);
    assertEquals(List.of("1", "10", "100", "1000", "10000"), t.labels());
    assertEquals(4 * 8, t.minor().length); // 2..9 in each of 4 decades
    assertEquals(List.of("0.001", "0.01", "0.1", "1"), Ticks.log(1e-3, 1, 10).labels());
  }

  @Test
  void manyDecadesAreThinnedAndUsePowersOfTen() {
    TickSet t = Ticks.log(1e-6, 1e6, 6);
    assertEquals(List.of("10^{" + M + "6}", "10^{" + M + "3}", "10^{0}", "10^{3}", "10^{6}"), t.labels());
    assertEquals(8, t.minor().length); // the unlabelled decades
  }

  @Test
  void narrowLogRangeFallsBackToOneTwoFive() {
    TickSet t = Ticks.log(2, 8, 10);
    assertEquals(List.of("2", "5"), t.labels());
    assertArrayEquals(new double[] {3, 4, 6, 7, 8}, t.minor(), 1e-12);
    TickSet inside = Ticks.log(1.2, 1.8, 10); // no 1-2-5 value inside: linear ticks
    assertTrue(inside.major().length >= 2);
  }

  @Test
  void niceRangesExtendOutwards() {
    assertArrayEquals(new double[] {0, 100}, Ticks.niceLinearRange(0.3, 97, 6), 1e-12);
    assertArrayEquals(new double[] {-0.4, 1.2}, Ticks.niceLinearRange(-0.31, 1.13, 8), 1e-12);
    assertArrayEquals(new double[] {1, 1000}, Ticks.niceLogRange(3, 800), 0);
  }

  @Test
  void invalidRangesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Ticks.linear(1, 1, 5));
    assertThrows(IllegalArgumentException.class, () -> Ticks.linear(0, Double.NaN, 5));
    assertThrows(IllegalArgumentException.class, () -> Ticks.linear(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Ticks.log(0, 10, 5));
  }
}
