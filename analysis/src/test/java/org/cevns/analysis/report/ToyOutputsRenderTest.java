package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cevns.analysis.stat.ToySummary;
import org.junit.jupiter.api.Test;

/**
 * The toy summary's text gives the statistical errors of its mean and median and says when a band rests on too few
 * toys. Regression: 40 toys printed "mu_hat: mean 0.9562" and "median expected significance: 11.038 sigma, … +-2
 * sigma band [8.960, 13.039]" as if exact (errors 0.023 and 0.19; the ±2σ band was the extreme toys).
 */
class ToyOutputsRenderTest {
  /** n toys: μ̂ alternating 0.9 and 1.1 (mean 1, σ = 0.1·√(n/(n−1))), Z = 0, 0.1, … (n − 1)/10, all covered. */
  private static ToySummary summary(int n) {
    double[] mu = new double[n];
    double[] one = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = i % 2 == 0 ? 0.9 : 1.1;
      one[i] = 1;
      z[i] = i / 10.0;
    }
    return ToySummary.of(1.0, mu, one, one, z);
  }

  @Test
  void fortyToysGiveErrorsAndFlagTheTwoSigmaBand() {
    ToySummary s = summary(40);
    String text = ToyOutputs.render(s, "x");
    double sd = 0.1 * Math.sqrt(40.0 / 39);
    double[] q = s.zQuantiles();
    String expected = String.format(java.util.Locale.ROOT, """
        x: 40 toy experiments (40 converged), mu_true = 1.000
          coverage of the 68.27 %% interval: 1.0000 +- 0.0000
          mu_hat: mean 1.0000 +- %.4f, standard deviation %.4f
          median expected significance: %.3f +- %.3f sigma, +-1 sigma band [%.3f, %.3f], +-2 sigma band [%.3f, \
        %.3f] (0.9 toys beyond each end; 220 toys for 5)
          toys with Z >= 3: 25.0 %%, Z >= 5: 0.0 %%
        """, sd / Math.sqrt(40), sd, q[2], Math.sqrt(Math.PI / 2) * (q[3] - q[1]) / 2 / Math.sqrt(40), q[1], q[3],
        q[0], q[4]);
    assertEquals(expected, text);
  }

  @Test
  void bandsOfEnoughToysHaveNoCaveat() {
    String text = ToyOutputs.render(summary(220), "x");
    assertEquals(-1, text.indexOf("toys beyond"), text);
    assertEquals(" (4.8 toys beyond each end; 32 toys for 5)", ToyOutputs.bandCaveat(30, ToySummary.QUANTILES[1]));
    assertEquals("", ToyOutputs.bandCaveat(32, ToySummary.QUANTILES[1]));
  }
}
