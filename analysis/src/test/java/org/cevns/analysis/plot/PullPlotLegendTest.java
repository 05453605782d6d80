package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The legend box of the pull and impact plots sits at the top of the plot; the y range leaves it room above every
 * point and error bar. Before, coherent-csi's pull plot of the 2021 release (8 nuisances; csi.efficiency at +1.8σ,
 * constraint 0.28) drew that point behind the legend: the range ended at 3 with the data up to 2.08.
 */
class PullPlotLegendTest {
  private static void assertDataUnderLegend(PullPlotBuilder b, double dataTop, int items) {
    ValueAxis y = b.build().getXYPlot().getRangeAxis();
    double fraction = (dataTop - y.getLowerBound()) / (y.getUpperBound() - y.getLowerBound());
    assertTrue(fraction <= 1 - PullPlotBuilder.legendFraction(items) + 1e-12,
        "data up to " + dataTop + " on [" + y.getLowerBound() + ", " + y.getUpperBound() + "]: " + fraction);
  }

  @Test
  void aLargePullIsNotBehindTheLegend() {
    PullPlotBuilder b = PullPlotBuilder.create().title("t");
    double[][] pulls = {{0.18, 0.98}, {1.8, 0.28}, {0.06, 1.0}, {0.36, 0.52}, {-0.04, 0.7}, {-0.16, 0.99},
        {0.10, 0.63}, {-0.02, 1.0}};
    for (int k = 0; k < pulls.length; k++) {
      b.add("n" + k, pulls[k][0], pulls[k][1]);
    }
    assertDataUnderLegend(b, 2.08, pulls.length);
  }

  @Test
  void aLargeImpactIsNotBehindTheLegend() {
    PullPlotBuilder b = PullPlotBuilder.create().title("t").impacts("mu");
    for (int k = 0; k < 8; k++) {
      b.add("n" + k, 0.05 / (k + 1), -0.04 / (k + 1));
    }
    assertDataUnderLegend(b, 0.05, 8);
  }

  /**
   * Regression: CONUS+'s 50 ranked nuisances (three detectors) filled a two-column legend as high as the plot, which
   * hid the points of ranks 1-33 (pulls) and the bars of ranks 17-50 (impacts). More than
   * {@value PullPlotBuilder#MAX_LEGEND_ITEMS} are named under the x axis, with no legend in the plot.
   */
  @Test
  void manyNuisancesAreNamedOnTheAxisNotInALegend() {
    for (boolean impacts : new boolean[] {false, true}) {
      PullPlotBuilder b = PullPlotBuilder.create().title("t");
      if (impacts) {
        b.impacts("mu");
      }
      for (int k = 0; k < 50; k++) {
        b.add("C" + (k % 3) + ".n" + k, 0.1, 0.9);
      }
      XYPlot plot = b.build().getXYPlot();
      assertTrue(plot.getAnnotations().stream().noneMatch(a -> a instanceof XYTitleAnnotation), "no legend");
      SymbolAxis x = assertInstanceOf(SymbolAxis.class, plot.getDomainAxis());
      assertEquals("C0.n0", x.valueToString(1));
      assertEquals("C1.n49", x.valueToString(50));
      assertEquals(0.5, x.getLowerBound());
      assertEquals(50.5, x.getUpperBound());
    }
    PullPlotBuilder few = PullPlotBuilder.create().title("t");
    for (int k = 0; k < PullPlotBuilder.MAX_LEGEND_ITEMS; k++) {
      few.add("n" + k, 0.1, 0.9);
    }
    XYPlot plot = few.build().getXYPlot();
    assertTrue(plot.getAnnotations().stream().anyMatch(a -> a instanceof XYTitleAnnotation), "a legend");
    assertFalse(plot.getDomainAxis() instanceof SymbolAxis);
  }
}
