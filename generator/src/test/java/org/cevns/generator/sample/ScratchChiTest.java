package org.cevns.generator.sample;

import static org.cevns.generator.sample.SamplerFixtures.KEV;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ScratchChiTest {
  @Test
  void run() {
    EvesLikeXs xs = new EvesLikeXs();
    double lo = 0.5e-3 * KEV;
    double hi = 30 * KEV;
    RecoilSampler s = RecoilSampler.of(TestSpectra.stepped(), xs, 512, 256, lo, hi);
    double[] steps = SamplerFixtures.evesSteps();
    double[] log = new double[25];
    for (int i = 0; i < log.length; i++) {
      log[i] = lo * Math.pow(hi / lo, (i + 1.0) / (log.length + 1));
    }
    double[] inside = Arrays.copyOf(log, log.length + steps.length);
    System.arraycopy(steps, 0, inside, log.length, steps.length);
    double[] edges = ExactIntegrals.edges(lo, hi, inside);
    DoubleUnaryOperator cdf = new ExactIntegrals(TestSpectra.stepped(), xs, lo, hi, steps)
        .recoilCdf(Double.NaN, Double.NaN, 3000);
    double[] expected = new double[edges.length - 1];
    for (int b = 0; b < expected.length; b++) {
      expected[b] = cdf.applyAsDouble(edges[b + 1]) - cdf.applyAsDouble(edges[b]);
    }
    int n = 4_000_000;
    for (long seed = 1; seed <= 4; seed++) {
      SamplerFixtures.Pairs p = SamplerFixtures.draw(s, seed, n);
      long[] observed = new long[edges.length - 1];
      for (double t : p.recoilMeV()) {
        int b = Arrays.binarySearch(edges, t);
        observed[Math.min(expected.length - 1, b >= 0 ? b : -b - 2)]++;
      }
      int first = 0;
      while (expected[first] == 0.0) first++;
      double pValue = ChiSquareTest.withDefaults()
          .test(Arrays.copyOfRange(expected, first, expected.length),
              Arrays.copyOfRange(observed, first, observed.length)).getPValue();
      System.out.println("seed " + seed + " p=" + pValue);
      if (seed == 1) {
        for (int b = first; b < expected.length; b++) {
          double ex = expected[b] * n;
          System.out.printf("  [%.4g, %.4g] keV obs %d exp %.1f pull %.2f%n", edges[b] / KEV, edges[b + 1] / KEV, observed[b], ex, (observed[b] - ex) / Math.sqrt(ex));
        }
      }
    }
  }
}
