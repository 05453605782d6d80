package org.cevns.detsim.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

/**
 * {@link ErfEfficiency#probability} returns plateau · ½ · 2.0 above z = {@value ErfEfficiency#PLATEAU_Z} without
 * evaluating erfc: the same double as the formula plateau · ½ · erfc(−(x − x50)/(√2 σ)) that it evaluated
 * everywhere before (the oracle here), bit for bit.
 */
class ErfEfficiencyTest {
  /** The formula as written before the shortcut. */
  private static double formula(double x, double x50, double width, double plateau) {
    return plateau * 0.5 * Erfc.value(-(x - x50) / (Math.sqrt(2.0) * width));
  }

  private static void assertSame(double x, double x50, double width, double plateau) {
    ErfEfficiency e = ErfEfficiency.of(EfficiencyVariable.ENERGY_KEVEE, x50, width, plateau);
    assertEquals(Double.doubleToLongBits(formula(x, x50, width, plateau)),
        Double.doubleToLongBits(e.probability(x, Double.NaN)), e + " at " + x);
  }

  @Test
  void plateauShortcutIsTheSameDouble() {
    // the shipped trigger curves (reference.yaml: x50 0.5, width 0.1 keVee; pandax4t-b8.yaml) and random ones
    for (double x = 0; x < 50; x += 1e-4) {
      assertSame(x, 0.5, 0.1, 1.0);
    }
    SplittableRandom rng = new SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      double x50 = rng.nextDouble(-5, 50);
      double width = Math.pow(10, rng.nextDouble(-3, 1));
      double plateau = rng.nextBoolean() ? 1.0 : rng.nextDouble(1e-6, 1.0);
      double z = rng.nextDouble(9.0, 11.0);
      double x = x50 + z * Math.sqrt(2.0) * width;
      assertSame(x, x50, width, plateau);
      assertSame(Math.nextUp(x), x50, width, plateau);
      assertSame(x50 + rng.nextDouble(0, 1e6) * width, x50, width, plateau);
    }
    // erfc(-z) at z just above the cut and far above it, and the values of erfc's own cut-offs
    double[] zs = {Math.nextUp(ErfEfficiency.PLATEAU_Z), 10.5, 26.5, 27.3, 28, 30, 1e3, 1e300, Double.MAX_VALUE};
    for (double z : zs) {
      assertEquals(2.0, Erfc.value(-z), "erfc(" + -z + ")");
      assertSame(1.0 + z * Math.sqrt(2.0) * 0.25, 1.0, 0.25, 0.7);
    }
    assertSame(Double.POSITIVE_INFINITY, 0.5, 0.1, 0.9);
    assertSame(Double.NaN, 0.5, 0.1, 0.9);
  }
}
