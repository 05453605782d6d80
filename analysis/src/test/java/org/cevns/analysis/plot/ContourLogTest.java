package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;

/** Contours and profiles on log-spaced grids: the crossings are interpolated in log, and the axes are logarithmic. */
class ContourLogTest {
  @Test
  void aFieldLinearInLogXCrossesWhereItsLevelIsInLog() {
    // x = 1, 10, 100 (log grid), y = 0, 1; z = log10(x): the level 0.5 is crossed at x = sqrt(10) on both rows
    double[] x = {1, 10, 100};
    double[] y = {0, 1};
    double[] z = {0, 0, 1, 1, 2, 2};
    ContourPlotBuilder log = ContourPlotBuilder.create().labels("m", "g").grid(x, y, z).log(true, false);
    List<double[][]> lines = log.contour(0.5);
    assertEquals(1, lines.size());
    for (double v : lines.get(0)[0]) {
      assertEquals(Math.sqrt(10), v, 1e-12);
    }
    // on a linear axis the same crossing is linear in x: 1 + 0.5 * 9
    assertEquals(5.5, ContourPlotBuilder.create().labels("m", "g").grid(x, y, z).contour(0.5).get(0)[0][0], 1e-12);
    assertTrue(log.build().getXYPlot().getDomainAxis() instanceof LogAxis);
    assertTrue(!(log.build().getXYPlot().getRangeAxis() instanceof LogAxis));
  }

  @Test
  void aLogAxisNeedsPositiveValues() {
    ContourPlotBuilder b = ContourPlotBuilder.create().labels("m", "g").grid(new double[] {0, 1}, new double[] {0, 1},
        new double[] {0, 1, 2, 3}).log(true, false);
    assertThrows(IllegalArgumentException.class, b::build);
    double[] d = {2, 0, 2};
    assertTrue(AnalysisPlots.profile().xLabel("m").curve(new double[] {1, 10, 100}, d).logX(true).build()
        .getXYPlot().getDomainAxis() instanceof LogAxis);
    assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.profile().xLabel("m")
        .curve(new double[] {0, 10, 100}, d).logX(true).build());
  }
}
