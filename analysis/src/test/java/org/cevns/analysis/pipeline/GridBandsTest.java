package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The confidence set of a 1D grid as a union of bands; every crossing below is worked by hand. */
class GridBandsTest {

  @Test
  void aProfileWithTwoMinimaGivesTwoBands() {
    // two minima (x = 0 and x = 4), the middle at delta = 6 (as the NSI epsilon^u_ee profile of CsI)
    double[] x = {-1, 0, 1, 2, 3, 4, 5};
    double[] d = {3, 0, 3, 6, 3, 0.5, 4.5};
    List<GridBands.Band> b = GridBands.of(x, d, 1.0);
    assertEquals(2, b.size());
    // 3 -> 0 between -1 and 0: f = 2 at -1, -1 at 0: crossing at 0 - 1 * (-1) / (-1 - 2) = -1/3
    assertEquals(-1.0 / 3, b.get(0).lower(), 1e-15);
    assertEquals(1.0 / 3, b.get(0).upper(), 1e-15);
    // second: f = 2 at 3, -0.5 at 4, 3.5 at 5: 4 - 0.5 / 2.5 = 3.8 and 4 + 0.5 / 4 = 4.125
    assertEquals(3.8, b.get(1).lower(), 1e-15);
    assertEquals(4.125, b.get(1).upper(), 1e-15);
    assertTrue(!b.get(0).lowerOpen() && !b.get(1).upperOpen());
    // at delta <= 6.5 the whole grid: one band, open at both ends
    List<GridBands.Band> all = GridBands.of(x, d, 6.5);
    assertEquals(List.of(new GridBands.Band(-1, 5, true, true)), all);
  }

  @Test
  void perPointCriticalValuesAndFailedPointsEndABand() {
    double[] x = {0, 1, 2, 3};
    // toy-calibrated critical values differ per point; point 2 failed (NaN)
    double[] d = {0, 1, Double.NaN, 0};
    double[] c = {1, 2, 1, 0.5};
    List<GridBands.Band> b = GridBands.of(x, d, c);
    // f = -1, -1, NaN, -0.5: the NaN ends the first band at x = 1 and starts the second at x = 3
    assertEquals(List.of(new GridBands.Band(0, 1, true, false), new GridBands.Band(3, 3, false, true)), b);
  }

  @Test
  void noPointInsideGivesNoBandAndBadInputIsRefused() {
    assertEquals(List.of(), GridBands.of(new double[] {0, 1}, new double[] {2, 3}, 1.0));
    assertThrows(IllegalArgumentException.class, () -> GridBands.of(new double[] {0}, new double[] {0}, 1.0));
    assertThrows(IllegalArgumentException.class, () -> GridBands.of(new double[] {0, 1}, new double[] {0}, 1.0));
  }
}
