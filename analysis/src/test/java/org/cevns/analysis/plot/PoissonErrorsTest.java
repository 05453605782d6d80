package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoissonErrorsTest {
  private static final double TAIL = 0.5 * (1 - PoissonErrors.ONE_SIGMA_CL);

  /**
   * Closed forms of the Garwood interval: n = 0 gives upper = −ln(0.1587) = 1.8410 (and lower 0); n = 1 gives
   * lower = −ln(1 − 0.1587) = 0.1727 and upper solving e^{−λ}(1 + λ) = 0.1587, λ = 3.2995 (PDG, Statistics,
   * table of Poisson limits, 1.84 and 0.17/3.30).
   */
  @Test
  void closedForms() {
    assertEquals(0, PoissonErrors.lower(0), 0);
    assertEquals(-Math.log(TAIL), PoissonErrors.upper(0), 1e-9);
    assertEquals(1.8410, PoissonErrors.upper(0), 1e-4);
    assertEquals(-Math.log(1 - TAIL), PoissonErrors.lower(1), 1e-9);
    assertEquals(3.2995, PoissonErrors.upper(1), 1e-4);
  }

  /** The defining tail probabilities: P(N ≥ n | lower) = P(N ≤ n | upper) = (1 − 0.6827)/2. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 10, 50, 400})
  void tailsAreTheConfidenceLevel(int n) {
    assertEquals(TAIL, PoissonDistribution.of(PoissonErrors.lower(n)).survivalProbability(n - 1), 1e-9);
    assertEquals(TAIL, PoissonDistribution.of(PoissonErrors.upper(n)).cumulativeProbability(n), 1e-9);
  }

  @Test
  void rawCountsGetTheGarwoodIntervalAndAnEmptyBinABar() {
    double[][] e = PoissonErrors.of(new double[] {0, 1, 100}, null);
    assertEquals(0, e[0][0], 0);
    assertEquals(1.8410, e[1][0], 1e-4); // √0 would be 0
    assertEquals(1 - PoissonErrors.lower(1), e[0][1], 1e-12);
    assertEquals(PoissonErrors.upper(1) - 1, e[1][1], 1e-12);
    assertEquals(PoissonErrors.upper(100) - 100, e[1][2], 1e-12);
    assertEquals(10, e[0][2], 1.1); // within 11 % of √N at N = 100 (−9.5, +11.0)
    assertEquals(10, e[1][2], 1.1);
  }

  /** Counts scaled by κ = 2 (errors 2√n): the interval is 2 × Garwood(n); an empty bin takes the weight 2. */
  @Test
  void scaledCountsUseEffectiveEntries() {
    double[][] e = PoissonErrors.of(new double[] {0, 8, 18}, new double[] {0, 2 * 2, 2 * 3});
    assertEquals(2 * PoissonErrors.upper(0), e[1][0], 1e-9);
    assertEquals(8 - 2 * PoissonErrors.lower(4), e[0][1], 1e-9);
    assertEquals(2 * PoissonErrors.upper(9) - 18, e[1][2], 1e-9);
  }

  @Test
  void rejectsNegativeCounts() {
    assertThrows(IllegalArgumentException.class, () -> PoissonErrors.upper(-1));
  }
}
