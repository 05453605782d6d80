package org.cevns.analysis.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Major and minor tick marks pointing into the frame on all four sides, drawn over the data (JFreeChart draws
 * its own axis ticks before the data, where fills would hide inward ticks; the axes keep only their labels).
 */
final class InsideTicks extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;
  private final double majorLength;
  private final double minorLength;

  InsideTicks(double majorLength, double minorLength) {
    this.majorLength = majorLength;
    this.minorLength = minorLength;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
      int rendererIndex, PlotRenderingInfo info) {
    g2.setPaint(HepTheme.BLACK);
    g2.setStroke(HepTheme.solid(1.3));
    ticks(g2, domainAxis, dataArea, RectangleEdge.BOTTOM);
    ticks(g2, rangeAxis, dataArea, RectangleEdge.LEFT);
  }

  private void ticks(Graphics2D g2, ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
    boolean horizontal = edge == RectangleEdge.BOTTOM;
    for (Object o : axis.refreshTicks(g2, new AxisState(), area, edge)) {
      ValueTick t = (ValueTick) o;
      double v = t.getValue();
      if (!axis.getRange().contains(v)) {
        continue;
      }
      double len = t.getTickType() == TickType.MINOR ? minorLength : majorLength;
      double p = axis.valueToJava2D(v, area, edge);
      if (horizontal) {
        g2.draw(new Line2D.Double(p, area.getMaxY(), p, area.getMaxY() - len));
        g2.draw(new Line2D.Double(p, area.getMinY(), p, area.getMinY() + len));
      } else {
        g2.draw(new Line2D.Double(area.getMinX(), p, area.getMinX() + len, p));
        g2.draw(new Line2D.Double(area.getMaxX(), p, area.getMaxX() - len, p));
      }
    }
  }
}
