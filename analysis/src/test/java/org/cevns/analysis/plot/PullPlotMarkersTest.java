package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.BasicStroke;
import java.awt.Shape;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

/**
 * The pull and impact plots colour nuisances with the 7-colour cycle; the 8th looked like the 1st (coherent-csi's
 * pulls: sns.flux and csi.quenching_0 both blue dots). Now the marker (pulls) or the bar width (impacts) changes
 * when the colours repeat.
 */
class PullPlotMarkersTest {
  private static PullPlotBuilder nine() {
    PullPlotBuilder b = PullPlotBuilder.create().title("t");
    for (int k = 0; k < 9; k++) {
      b.add("n" + k, 0.1 * k, 0.5);
    }
    return b;
  }

  private static String shape(XYItemRenderer r) {
    Shape s = r.getSeriesShape(0);
    return s.getClass().getName() + s.getBounds2D();
  }

  @Test
  void theEighthNuisanceDiffersFromTheFirst() {
    XYPlot pulls = nine().build().getXYPlot();
    assertEquals(pulls.getRenderer(0).getSeriesPaint(0), pulls.getRenderer(7).getSeriesPaint(0)); // the cycle
    assertNotEquals(shape(pulls.getRenderer(0)), shape(pulls.getRenderer(7)));
    assertEquals(shape(pulls.getRenderer(0)), shape(pulls.getRenderer(6)));
    XYPlot impacts = nine().impacts("mu").build().getXYPlot();
    float w0 = ((BasicStroke) impacts.getRenderer(0).getSeriesStroke(0)).getLineWidth();
    float w7 = ((BasicStroke) impacts.getRenderer(7).getSeriesStroke(0)).getLineWidth();
    assertEquals(8f, w0);
    assertEquals(4f, w7);
  }
}
