package org.cevns.analysis.plot;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the HEP primitives onto one {@link XYPlot}, back to front in the order of the calls: step
 * histograms (outline and fill), points with asymmetric x/y error bars, polylines; and collects the
 * legend entries (a name of "" adds none). Each layer is one dataset (its series key is the legend
 * name, or "layer N") with its own renderer, so tests can read back what is drawn.
 */
final class Layers {
  private static final Shape BOX = new Rectangle2D.Double(-11, -6, 22, 12);
  private static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);
  private static final Shape LINE = new Line2D.Double(-14, 0, 14, 0);
  private static final Shape CROSS = cross();
  private final XYPlot plot;
  private final LegendItemCollection legend = new LegendItemCollection();
  private int next;

  Layers(XYPlot plot) {
    this.plot = plot;
  }

  LegendItemCollection legend() {
    return legend;
  }

  /**
   * The outline of a histogram as a polyline: (e0, y0), (e1, y0), (e1, y1), …; {@code closed} drops
   * to zero at both ends.
   */
  static XYSeries stepSeries(String key, double[] edges, double[] y, boolean closed) {
    XYSeries s = new XYSeries(key, false, true);
    if (closed) {
      s.add(edges[0], 0.0);
    }
    for (int i = 0; i < y.length; i++) {
      s.add(edges[i], y[i]);
      s.add(edges[i + 1], y[i]);
    }
    if (closed) {
      s.add(edges[edges.length - 1], 0.0);
    }
    return s;
  }

  /** A step outline. */
  Layers step(String name, double[] edges, double[] y, Color color, Stroke stroke, boolean closed) {
    add(new XYSeriesCollection(stepSeries(key(name), edges, y, closed)), lines(color, stroke));
    if (!name.isEmpty()) {
      legend.add(lineItem(name, color, stroke));
    }
    return this;
  }

  /** A filled step histogram with an outline; the legend shows a filled box. */
  Layers filledStep(String name, double[] edges, double[] y, Color line, Color fill) {
    fill(edges, y, fill);
    add(new XYSeriesCollection(stepSeries(key(name), edges, y, true)), lines(line, HepTheme.solid(1.8)));
    if (!name.isEmpty()) {
      legend.add(boxItem(name, fill, line));
    }
    return this;
  }

  /** The area under a step histogram, without outline or legend entry (linear y axes only). */
  Layers fill(double[] edges, double[] y, Color fill) {
    XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
    r.setSeriesPaint(0, fill);
    r.setOutline(false);
    add(new XYSeriesCollection(stepSeries("fill " + next, edges, y, true)), r);
    return this;
  }

  /**
   * Points at (x, y) with error bars from xLow to xHigh (none if xLow is null) and yLow to yHigh;
   * {@code marker} draws a dot.
   */
  Layers points(String name, double[] x, double[] xLow, double[] xHigh, double[] y, double[] yLow, double[] yHigh,
      Color color, boolean marker) {
    return points(name, x, xLow, xHigh, y, yLow, yHigh, color, marker ? DOT : null);
  }

  /** As above with the marker {@code shape} (null: none), e.g. {@link #marker(int)}. */
  Layers points(String name, double[] x, double[] xLow, double[] xHigh, double[] y, double[] yLow, double[] yHigh,
      Color color, Shape shape) {
    boolean marker = shape != null;
    boolean xErrors = xLow != null;
    if (!xErrors) {
      xLow = x;
      xHigh = x;
    }
    XYIntervalSeries s = new XYIntervalSeries(key(name), false, true);
    for (int i = 0; i < x.length; i++) {
      s.add(x[i], xLow[i], xHigh[i], y[i], yLow[i], yHigh[i]);
    }
    XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
    d.addSeries(s);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDefaultLinesVisible(false);
    r.setDefaultShapesVisible(marker);
    r.setSeriesShape(0, marker ? shape : DOT);
    r.setSeriesPaint(0, color);
    r.setErrorPaint(color);
    r.setErrorStroke(HepTheme.solid(1.4));
    r.setCapLength(0);
    r.setDrawXError(xErrors);
    add(d, r);
    if (!name.isEmpty()) {
      legend.add(new LegendItem(name, null, null, null, marker, marker ? shape : DOT, true, color, false, color,
          HepTheme.solid(1), true, CROSS, HepTheme.solid(1.4), color));
    }
    return this;
  }

  /** A polyline through (x, y). */
  Layers line(String name, double[] x, double[] y, Color color, Stroke stroke) {
    XYSeries s = new XYSeries(key(name), false, true);
    for (int i = 0; i < x.length; i++) {
      s.add(x[i], y[i]);
    }
    add(new XYSeriesCollection(s), lines(color, stroke));
    if (!name.isEmpty()) {
      legend.add(lineItem(name, color, stroke));
    }
    return this;
  }

  private String key(String name) {
    return name.isEmpty() ? "layer " + next : name;
  }

  private void add(XYDataset d, XYItemRenderer r) {
    plot.setDataset(next, d);
    plot.setRenderer(next, r);
    next++;
  }

  private static XYLineAndShapeRenderer lines(Color color, Stroke stroke) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, stroke);
    r.setDrawSeriesLineAsPath(true);
    return r;
  }

  static LegendItem lineItem(String name, Color color, Stroke stroke) {
    return new LegendItem(name, null, null, null, false, BOX, false, color, false, color, stroke, true, LINE,
        stroke, color);
  }

  static LegendItem boxItem(String name, Color fill, Color outline) {
    return new LegendItem(name, null, null, null, true, BOX, true, fill, outline != null,
        outline == null ? fill : outline, HepTheme.solid(1.5), false, LINE, HepTheme.solid(1), fill);
  }

  /** Marker shapes of successive rounds of {@link HepTheme#cycle}'s colours: dot, square, diamond, triangle. */
  private static final Shape[] MARKERS = {DOT, new Rectangle2D.Double(-4, -4, 8, 8), diamond(), triangle()};

  /**
   * The marker of the {@code i}-th item of a plot that colours items by {@link HepTheme#cycle}: a new shape each time
   * the colours repeat, so that items i and i + 7 differ.
   */
  static Shape marker(int i) {
    return MARKERS[Math.floorMod(i / HepTheme.cycleLength(), MARKERS.length)];
  }

  private static Shape diamond() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -5.5);
    p.lineTo(5.5, 0);
    p.lineTo(0, 5.5);
    p.lineTo(-5.5, 0);
    p.closePath();
    return p;
  }

  private static Shape triangle() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -5.5);
    p.lineTo(5, 4);
    p.lineTo(-5, 4);
    p.closePath();
    return p;
  }

  private static Shape cross() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(-10, 0);
    p.lineTo(10, 0);
    p.moveTo(0, -8);
    p.lineTo(0, 8);
    return p;
  }
}
