package org.cevns.detsim.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Efficiency#constantFrom}: where an efficiency says it is on its plateau, its value is the same double at
 * every larger observation (checked bit for bit on a dense grid up to 1e7), and it does not say so on the turn-on.
 */
class EfficiencyPlateauTest {
  /** The first grid point (geometric, 200 per decade from 1e-3) where constantFrom holds; NaN if none. */
  private static double checkPlateau(Efficiency e, boolean pe) {
    double from = Double.NaN;
    double value = Double.NaN;
    for (double x = 1e-3; x < 1e7; x *= Math.pow(10, 1.0 / 200)) {
      double keVee = pe ? x / 13.35 : x;
      double photoelectrons = pe ? x : Double.NaN;
      if (Double.isNaN(from) && e.constantFrom(keVee, photoelectrons)) {
        from = x;
        value = e.probability(keVee, photoelectrons);
      }
      if (!Double.isNaN(from)) {
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(e.probability(keVee, photoelectrons)),
            e + " at " + x + " (plateau from " + from + ")");
        assertTrue(e.constantFrom(keVee, photoelectrons), e + " at " + x);
      }
    }
    return from;
  }

  @Test
  void logisticIsConstantOnlyWhereTheExponentialNoLongerCounts() {
    LogisticEfficiency csi = LogisticEfficiency.coherentCsI2021();
    double from = checkPlateau(csi, true);
    // b (x - c) > 40 with b = 0.285979, c = 10.8646: x > 150.7 PE
    assertEquals(150.7, from, 1.0);
    assertFalse(csi.constantFrom(100 / 13.35, 100));
  }

  @Test
  void erfThresholdAndTableReachTheirPlateaus() {
    ErfEfficiency erf = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, 1.0, 0.2, 0.9);
    assertEquals(1.0 + 10 * Math.sqrt(2) * 0.2, checkPlateau(erf, false), 0.02);
    assertFalse(erf.constantFrom(1.5, Double.NaN));
    assertEquals(0.18, checkPlateau(HardThreshold.keVee(0.18), false), 0.003);
    TabulatedEfficiency table = TabulatedEfficiency.of(EfficiencyVariable.PHOTOELECTRONS, new double[] {1, 5, 20},
        new double[] {0.1, 0.6, 0.95});
    assertEquals(20, checkPlateau(table, true), 0.3);
    assertFalse(table.constantFrom(19.9 / 13.35, 19.9));
  }

  @Test
  void productIsConstantWhenEveryFactorIs() {
    ProductEfficiency p = ProductEfficiency.of(List.of(LogisticEfficiency.coherentCsI2021(), DeadTime.ofFraction(0.1),
        HardThreshold.of(EfficiencyVariable.PHOTOELECTRONS, 3)));
    assertEquals(150.7, checkPlateau(p, true), 1.0);
    assertTrue(DeadTime.ofFraction(0.1).constantFrom(0, 0));
    Efficiency unknown = (keVee, pe) -> 1.0;
    assertFalse(unknown.constantFrom(1e9, 1e9));
    assertFalse(ProductEfficiency.of(List.of(DeadTime.ofFraction(0.1), unknown)).constantFrom(1e9, 1e9));
  }

  /** Regression: of(List.of(...)) threw NullPointerException (List.of's contains(null) throws). */
  @Test
  void productOfAnImmutableListIsAccepted() {
    assertEquals(0.9 * 0.5, ProductEfficiency.of(List.of(DeadTime.ofFraction(0.1),
        HardThreshold.keVee(1.0))).probability(2.0, Double.NaN) * 0.5, 1e-15);
  }
}
