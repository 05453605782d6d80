package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The scan grid's points as the user wrote them (regression: 0.6:1.4:5 printed 0.7999999999999999). */
class ScanGridTest {

  @Test
  void decimalBoundsGiveDecimalPoints() {
    assertArrayEquals(new double[] {0.6, 0.8, 1.0, 1.2, 1.4}, new PoiScan.Grid("mu", 0.6, 1.4, 5).points());
    assertArrayEquals(new double[] {0.2, 0.21, 0.22, 0.23, 0.24, 0.25},
        new PoiScan.Grid("sin2_theta_w", 0.2, 0.25, 6).points());
    assertArrayEquals(new double[] {-1e-10, 0.0, 1e-10}, new PoiScan.Grid("millicharge_e.nue", -1e-10, 1e-10, 3)
        .points());
    assertEquals("[0.6, 0.8, 1.0, 1.2, 1.4]", Arrays.toString(new PoiScan.Grid("mu", 0.6, 1.4, 5).points()));
  }

  @Test
  void endPointsExactAndPointsIncreasing() {
    double[] x = new PoiScan.Grid("rn_fm.Cs133", 4.1, 6.3, 7).points();
    assertEquals(4.1, x[0]);
    assertEquals(6.3, x[6]);
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i] > x[i - 1], "increasing at " + i);
      // within one rounding of the exact decimal point
      assertEquals(4.1 + 2.2 * i / 6, x[i], 1e-15);
    }
  }

  @Test
  void invalidGridsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PoiScan.Grid("mu", 1, 1, 5));
    assertThrows(IllegalArgumentException.class, () -> new PoiScan.Grid("mu", 0, 1, 1));
  }

  @Test
  void logGridsAreEvenInLogWithDecadesExact() {
    assertArrayEquals(new double[] {1, 10, 100, 1000}, new PoiScan.Grid("mediator[0].mass_mev", 1, 1000, 4, true)
        .points());
    double[] x = new PoiScan.Grid("mediator[0].g", 1e-6, 1e-3, 7, true).points();
    assertEquals(1e-6, x[0]);
    assertEquals(1e-3, x[6]);
    for (int i = 1; i < x.length; i++) {
      // a constant ratio of sqrt(10), to the 12 significant digits the points are rounded to
      assertEquals(Math.sqrt(10), x[i] / x[i - 1], 1e-11);
    }
    assertEquals(1e-5, x[2]);
    assertThrows(IllegalArgumentException.class, () -> new PoiScan.Grid("mu", 0, 1, 5, true));
  }
}
