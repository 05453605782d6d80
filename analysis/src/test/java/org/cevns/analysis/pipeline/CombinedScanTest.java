package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cevns combine}'s arithmetic: two Gaussian profiles combine to the inverse-variance mean and width, with the
 * parameter goodness of fit (Δ²/(σ1² + σ2²)); differing grids are interpolated; mismatches are refused.
 */
class CombinedScanTest {
  private static double[] grid(double lo, double hi, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
    }
    return x;
  }

  private static CombinedScan.Input parabola(String label, double[] x, double centre, double sigma) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Math.pow((x[i] - centre) / sigma, 2);
    }
    return new CombinedScan.Input(label, List.of("sin2_theta_w"), List.of(x), d);
  }

  @Test
  void twoGaussianProfilesGiveTheWeightedMean() {
    double[] x = grid(0.1, 0.5, 401);
    CombinedScan c = CombinedScan.of(List.of(parabola("csi", x, 0.20, 0.027), parabola("lar", x, 0.30, 0.056)));
    double w1 = 1 / (0.027 * 0.027);
    double w2 = 1 / (0.056 * 0.056);
    double mean = (0.20 * w1 + 0.30 * w2) / (w1 + w2);
    double sigma = 1 / Math.sqrt(w1 + w2);
    assertEquals(mean, c.bestValues()[0], 1e-9); // a parabola's vertex is exact
    var band = GridBands.of(c.grids().get(0), c.deltaChi2(), 1.0);
    assertEquals(1, band.size());
    // linear interpolation across a crossing of a parabola: error < (step/2)^2 / sigma^2 in x, here < 1e-4
    assertEquals(mean - sigma, band.get(0).lower(), 1e-4);
    assertEquals(mean + sigma, band.get(0).upper(), 1e-4);
    double chi2 = Math.pow(0.10, 2) / (0.027 * 0.027 + 0.056 * 0.056);
    assertEquals(chi2, c.compatibilityChi2(), 2e-3); // the grid's lowest point, 0.001 from the vertex
    assertEquals(1, c.compatibilityDof());
    assertFalse(c.interpolated());
    assertEquals(2, c.curves().size());
  }

  @Test
  void differentGridsAreInterpolatedOnTheCommonRange() {
    CombinedScan c = CombinedScan.of(List.of(parabola("a", grid(0.1, 0.5, 41), 0.25, 0.03),
        parabola("b", grid(0.15, 0.6, 10), 0.25, 0.05)));
    assertTrue(c.interpolated());
    double[] x = c.grids().get(0);
    assertEquals(0.15, x[0], 1e-12);
    assertEquals(0.5, x[x.length - 1], 1e-12);
    assertEquals(0.25, c.bestValues()[0], 2e-3);
  }

  @Test
  void interpolationIsLinearBetweenGridPoints() {
    assertArrayEquals(new double[] {0, 0.5, 2, 3}, CombinedScan.interpolate(new double[] {0, 1, 2, 3},
        new double[] {0, 1, 2, 3}, new double[] {0, 0.5, 2, 3}), 1e-15);
  }

  @Test
  void mismatchesAreRefused() {
    double[] x = grid(0.1, 0.5, 5);
    var a = parabola("a", x, 0.2, 0.1);
    var other = new CombinedScan.Input("b", List.of("rn_fm.CsI"), List.of(x), new double[5]);
    assertEquals("b: scans [rn_fm.CsI], but a scans [sin2_theta_w]; combine scans of the same parameters (in the same"
        + " order)", assertThrows(IllegalArgumentException.class, () -> CombinedScan.of(List.of(a, other)))
        .getMessage());
    var apart = parabola("c", grid(0.6, 0.9, 5), 0.7, 0.1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CombinedScan.of(List.of(a, apart))).getMessage()
        .startsWith("combine: the grids of sin2_theta_w have no common range"));
    assertThrows(IllegalArgumentException.class, () -> CombinedScan.of(List.of(a)));
    double[] y = grid(0, 1, 3);
    var two1 = new CombinedScan.Input("p", List.of("u", "d"), List.of(x, y), new double[15]);
    var two2 = new CombinedScan.Input("q", List.of("u", "d"), List.of(x, grid(0, 1, 4)), new double[20]);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CombinedScan.of(List.of(two1, two2))).getMessage()
        .startsWith("q: its 2D grid differs from p's"));
  }

  @Test
  void twoDimensionsProfileEachAxis() {
    double[] x = grid(-1, 1, 21);
    double[] y = grid(-1, 1, 21);
    double[] a = new double[x.length * y.length];
    double[] b = new double[a.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        a[i * y.length + j] = Math.pow((x[i] - 0.2) / 0.3, 2) + Math.pow((y[j] + 0.1) / 0.4, 2);
        b[i * y.length + j] = Math.pow((x[i] - 0.2) / 0.3, 2) + Math.pow((y[j] + 0.1) / 0.4, 2);
      }
    }
    CombinedScan c = CombinedScan.of(List.of(new CombinedScan.Input("a", List.of("u", "d"), List.of(x, y), a),
        new CombinedScan.Input("b", List.of("u", "d"), List.of(x, y), b)));
    assertEquals(0.2, c.bestValues()[0], 1e-9);
    assertEquals(-0.1, c.bestValues()[1], 1e-9);
    assertEquals(2, c.compatibilityDof());
    assertEquals(0, c.compatibilityChi2(), 1e-12);
    var u = GridBands.of(x, c.profile(0), 1.0).get(0); // sum: sigma/sqrt(2)
    assertEquals(0.2 - 0.3 / Math.sqrt(2), u.lower(), 5e-3);
    assertEquals(0.2 + 0.3 / Math.sqrt(2), u.upper(), 5e-3);
  }
}
