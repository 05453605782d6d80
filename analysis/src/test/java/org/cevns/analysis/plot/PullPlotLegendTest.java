package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.axis.ValueAxis;
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
}
