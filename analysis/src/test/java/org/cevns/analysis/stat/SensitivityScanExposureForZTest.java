package org.cevns.analysis.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SensitivityScan#exposureFactorFor}: the exposure a design needs for Z = 3 or 5, interpolated between the
 * scanned rows (walkdesign, twenty-fifth session: before it, a designer read the table and interpolated by hand).
 */
class SensitivityScanExposureForZTest {

  private static List<SensitivityScan.Row> rows(double[] factors, java.util.function.DoubleUnaryOperator z) {
    List<SensitivityScan.Row> rows = new ArrayList<>();
    for (double f : factors) {
      rows.add(new SensitivityScan.Row(f, z.applyAsDouble(f), 0.1));
    }
    return rows;
  }

  @Test
  void squareRootScalingIsInterpolatedExactly() {
    // background dominated: Z = 10 sqrt(f); Z = 3 at f = 0.09, Z = 5 at f = 0.25 (between the scanned 0.05 ... 10)
    List<SensitivityScan.Row> r = rows(new double[] {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10}, f -> 10 * Math.sqrt(f));
    assertEquals(0.09, SensitivityScan.exposureFactorFor(r, 3).getAsDouble(), 1e-12);
    assertEquals(0.25, SensitivityScan.exposureFactorFor(r, 5).getAsDouble(), 1e-12);
    // a row exactly at z
    assertEquals(1.0, SensitivityScan.exposureFactorFor(r, 10).getAsDouble(), 1e-12);
  }

  @Test
  void outsideTheScannedFactorsIsEmptyNotExtrapolated() {
    List<SensitivityScan.Row> r = rows(new double[] {0.1, 1, 10}, f -> 2 * Math.sqrt(f));
    // Z = 0.63 ... 6.3: Z = 0.5 is reached before the first factor, Z = 7 never
    assertTrue(SensitivityScan.exposureFactorFor(r, 0.5).isEmpty());
    assertTrue(SensitivityScan.exposureFactorFor(r, 7).isEmpty());
    assertTrue(SensitivityScan.exposureFactorFor(List.of(), 3).isEmpty());
  }

  @Test
  void firstCrossingOfASaturatingCurveAndAZeroRow() {
    // Z stops growing (systematics): 0, 2, 4, 4.5; Z = 3 between factors 1 and 10 (ln-ln), Z = 1 right after the zero
    List<SensitivityScan.Row> r = List.of(new SensitivityScan.Row(0.1, 0, 1), new SensitivityScan.Row(1, 2, 1),
        new SensitivityScan.Row(10, 4, 1), new SensitivityScan.Row(100, 4.5, 1));
    double expected = Math.exp(Math.log(10) * Math.log(1.5) / Math.log(2));
    assertEquals(expected, SensitivityScan.exposureFactorFor(r, 3).getAsDouble(), 1e-12);
    assertEquals(1.0, SensitivityScan.exposureFactorFor(r, 1).getAsDouble(), 0);
    assertThrows(IllegalArgumentException.class, () -> SensitivityScan.exposureFactorFor(r, 0));
    assertThrows(IllegalArgumentException.class, () -> SensitivityScan.exposureFactorFor(r, Double.NaN));
  }
}
