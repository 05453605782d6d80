package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TabulatedSpectrumTest {
  /** Knots rising 0 → 2 on [1, 2], falling to 1 at 3, flat to 4; unnormalised, raw area 3.5. */
  private static final double[] E = {1, 2, 3, 4};
  private static final double[] V = {0, 2, 1, 1};

  @Test
  void normalisesAndInterpolatesLinearly() {
    TabulatedSpectrum s = TabulatedSpectrum.of(E, V);
    // raw area: 0.5·(0+2) + 0.5·(2+1) + 0.5·(1+1) = 1 + 1.5 + 1 = 3.5
    assertEquals(3.5, s.rawIntegral(), 1e-15);
    assertEquals(2 / 3.5, s.densityPerMeV(2), 1e-15);
    assertEquals(1.5 / 3.5, s.densityPerMeV(2.5), 1e-15);
    assertEquals(0.0, s.densityPerMeV(0.999));
    assertEquals(0.0, s.densityPerMeV(4.001));
    assertEquals(1 / 3.5, s.densityPerMeV(4.0), 1e-15);
    assertEquals(1.0, SpectrumTestMath.norm(s), 1e-12);
    assertArrayEquals(new double[] {2, 3}, s.breakpointsMeV());
    assertEquals(1.0, s.minEnergyMeV());
    assertEquals(4.0, s.maxEnergyMeV());
  }

  @Test
  void cdfQuantileAndMeanAreExact() {
    TabulatedSpectrum s = TabulatedSpectrum.of(E, V);
    assertEquals(0.0, s.cdf(1.0));
    assertEquals(1.0 / 3.5, s.cdf(2.0), 1e-15);
    // inside the first segment density = 2(E−1)/3.5, cdf = (E−1)²/3.5
    assertEquals(0.25 / 3.5, s.cdf(1.5), 1e-15);
    assertEquals(1.0, s.cdf(4.0));
    for (double p = 0; p <= 1.0; p += 0.01) {
      assertEquals(p, s.cdf(s.quantileMeV(p)), 1e-12);
    }
    assertEquals(1.5, s.quantileMeV(0.25 / 3.5), 1e-12);
    assertEquals(SpectrumTestMath.mean(s), s.meanEnergyMeV(), 1e-10);
  }

  @Test
  void quantileSkipsZeroProbabilitySegments() {
    TabulatedSpectrum s = TabulatedSpectrum.of(new double[] {0, 1, 2, 3}, new double[] {1, 0, 0, 1});
    assertEquals(1.0, s.quantileMeV(0.5), 1e-12);
    // last segment: density rises 0 → 1 on [2, 3], cdf = 0.5 + (E − 2)²/2
    assertEquals(2.0 + Math.sqrt(0.5), s.quantileMeV(0.75), 1e-12);
  }

  @Test
  void rejectsBadInput() {
    assertMessage("energiesMeV[2] = 2.0 must be greater than energiesMeV[1] = 3.0: energies must be strictly "
        + "increasing", new double[] {1, 3, 2}, new double[] {1, 1, 1});
    assertMessage("energiesMeV[1] = 1.0 must be greater than energiesMeV[0] = 1.0: energies must be strictly "
        + "increasing", new double[] {1, 1}, new double[] {1, 1});
    assertMessage("values[1] must be finite and >= 0, got -0.5", new double[] {1, 2}, new double[] {1, -0.5});
    assertMessage("values[0] must be finite and >= 0, got NaN", new double[] {1, 2}, new double[] {Double.NaN, 1});
    assertMessage("energiesMeV[1] must be finite and >= 0, got Infinity", new double[] {1, Double.POSITIVE_INFINITY},
        new double[] {1, 1});
    assertMessage("energiesMeV[0] must be finite and >= 0, got -1.0", new double[] {-1, 2}, new double[] {1, 1});
    assertMessage("a tabulated spectrum needs at least 2 knots, got 0", new double[0], new double[0]);
    assertMessage("a tabulated spectrum needs at least 2 knots, got 1", new double[] {1}, new double[] {1});
    assertMessage("energiesMeV and values must have the same length, got 2 and 3", new double[] {1, 2},
        new double[] {1, 1, 1});
    assertMessage("the integral of the tabulated values must be finite and > 0, got 0.0", new double[] {1, 2},
        new double[] {0, 0});
    assertThrows(IllegalArgumentException.class, () -> TabulatedSpectrum.of(null, V));
    assertThrows(IllegalArgumentException.class, () -> TabulatedSpectrum.of(E, V).quantileMeV(1.5));
  }

  @Test
  void copiesItsInput() {
    double[] e = E.clone();
    double[] v = V.clone();
    TabulatedSpectrum s = TabulatedSpectrum.of(e, v);
    e[1] = 100;
    v[1] = 100;
    assertEquals(2 / 3.5, s.densityPerMeV(2), 1e-15);
  }

  private static void assertMessage(String message, double[] e, double[] v) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> TabulatedSpectrum.of(e, v));
    assertEquals(message, x.getMessage());
  }

  /** The bisection {@link TabulatedSpectrum#segment} replaced: the largest i with E_i ≤ E, within [0, n − 2]. */
  private static int bisection(double[] knots, double energyMeV) {
    int k = java.util.Arrays.binarySearch(knots, energyMeV);
    int i = k >= 0 ? k : -k - 2;
    return Math.max(0, Math.min(i, knots.length - 2));
  }

  @Test
  void bucketLookupFindsTheSegmentOfABisection() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(12);
    double[][] tables = {
      {1, 2, 3, 4},
      {0, 1e-9, 2e-9, 0.5, 0.50000001, 16.5},
      // clustered: 200 knots within 1e-6 MeV, then a sparse tail (buckets of many knots and empty buckets)
      java.util.stream.DoubleStream.concat(
          java.util.stream.IntStream.range(0, 200).mapToDouble(j -> 0.1 + j * 5e-9),
          java.util.stream.IntStream.range(1, 30).mapToDouble(j -> 0.1 + j * 0.7)).toArray(),
      // irregular, ~800 knots as the 8B table
      java.util.stream.IntStream.range(0, 800).mapToDouble(j -> 0.02 * j + 1e-4 * Math.sin(j) * (j % 7)).toArray(),
    };
    for (double[] knots : tables) {
      double[] ones = new double[knots.length];
      java.util.Arrays.fill(ones, 1.0);
      TabulatedSpectrum s = TabulatedSpectrum.of(knots, ones);
      double lo = knots[0];
      double hi = knots[knots.length - 1];
      java.util.List<Double> probes = new java.util.ArrayList<>();
      for (double k : knots) {
        probes.add(k);
        probes.add(Math.nextUp(k));
        probes.add(Math.nextDown(k));
      }
      for (int j = 0; j < 20000; j++) {
        probes.add(lo + (hi - lo) * rng.nextDouble());
      }
      for (double e : probes) {
        if (e >= lo && e <= hi) {
          assertEquals(bisection(knots, e), s.segment(e), () -> "E = " + e);
        }
      }
      // in order (ascending runs, jumps back and forth, outside the support): the same doubles as densityPerMeV
      java.util.function.DoubleUnaryOperator inOrder = s.densityInOrder();
      java.util.List<Double> sorted = new java.util.ArrayList<>(probes);
      java.util.Collections.sort(sorted);
      sorted.add(lo - 1);
      sorted.add(hi + 1);
      sorted.add(Double.NaN);
      sorted.addAll(probes);
      for (double e : sorted) {
        assertEquals(Double.doubleToRawLongBits(s.densityPerMeV(e)), Double.doubleToRawLongBits(inOrder.applyAsDouble(e)),
            () -> "E = " + e);
      }
    }
  }
}
