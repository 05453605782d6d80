package org.cevns.physics.xs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** The rules written out in {@link GaussLegendre} are the doubles commons-math3's Legendre rule factory computes. */
class GaussLegendreRuleTest {
  @Test
  void sixteenPointsAreTheFactorysDoubles() {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(GaussLegendre.POINTS, -1, 1);
    assertEquals(GaussLegendre.POINTS, rule.getNumberOfPoints());
    for (int i = 0; i < GaussLegendre.POINTS; i++) {
      assertEquals(Double.doubleToRawLongBits(rule.getPoint(i)), Double.doubleToRawLongBits(GaussLegendre.node(i)),
          "node " + i);
      assertEquals(Double.doubleToRawLongBits(rule.getWeight(i)),
          Double.doubleToRawLongBits(GaussLegendre.weight(i)), "weight " + i);
    }
  }

  @Test
  void tenPointsAreTheFactorysDoubles() {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(10);
    double[] nodes = GaussLegendre.nodes10();
    double[] weights = GaussLegendre.weights10();
    assertEquals(rule.getNumberOfPoints(), nodes.length);
    assertEquals(rule.getNumberOfPoints(), weights.length);
    for (int i = 0; i < nodes.length; i++) {
      assertEquals(Double.doubleToRawLongBits(rule.getPoint(i)), Double.doubleToRawLongBits(nodes[i]), "node " + i);
      assertEquals(Double.doubleToRawLongBits(rule.getWeight(i)), Double.doubleToRawLongBits(weights[i]),
          "weight " + i);
    }
  }
}
