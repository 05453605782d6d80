package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ToySummary} on a hand-made table whose answers are known exactly. */
class ToySummaryTest {
  @Test
  void coverageMeanAndSignificanceQuantiles() {
    int n = 101;
    double[] toy = new double[n];
    double[] muTrue = new double[n];
    double[] muHat = new double[n];
    double[] covered = new double[n];
    double[] converged = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      toy[i] = i;
      muTrue[i] = 1;
      muHat[i] = i % 2 == 0 ? 0.5 : 1.5; // 51 even, 50 odd
      covered[i] = i < 60 ? 1 : 0;
      converged[i] = i == 100 ? 0 : 1; // the last toy failed: 100 converged, 60 covered
      z[i] = (n - 1 - i) / 10.0; // 0.0 ... 10.0, in reverse
    }
    ToyTable.Columns t = new ToyTable.Columns(List.of("toy", "mu_true", "mu_hat", "covered_68", "converged", "z"),
        List.of(toy, muTrue, muHat, covered, converged, z), n);
    ToySummary s = ToySummary.of(t);
    assertEquals(101, s.toys());
    assertEquals(100, s.converged());
    assertEquals(0.60, s.coverage68(), 1e-15);
    assertEquals(Math.sqrt(0.6 * 0.4 / 100), s.coverage68Error(), 1e-15);
    assertEquals(1.0, s.muHatMean(), 1e-15); // 50 x 0.5 + 50 x 1.5 over the converged toys 0..99
    assertEquals(5.0, s.medianZ(), 1e-12);
    // R-7 quantile of 0, 0.1, ..., 10: q = 10 p exactly
    double[] expected = new double[5];
    for (int i = 0; i < 5; i++) {
      expected[i] = 10 * ToySummary.QUANTILES[i];
    }
    assertArrayEquals(expected, s.zQuantiles(), 1e-12);
    assertEquals(71.0 / 101, s.fractionZ3(), 1e-15); // Z = 3.0 ... 10.0
    assertEquals(51.0 / 101, s.fractionZ5(), 1e-15);
  }
}
