package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotTestSupport.edges;
import static org.cevns.analysis.plot.PlotTestSupport.ramp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotLayoutTest {
  private static Plot simple(Axis x, Axis y, double[] xs, double[] ys) {
    return Plot.of("t", x, Panel.of(y, Line.of("curve", xs, ys, Style.solid(Rgb.BLUE))));
  }

  /** Pixel extents [left, right] of the x tick labels must not touch (at least 0.5 em apart). */
  private static void assertXLabelsApart(PlotLayout layout) {
    Frame f = layout.mainFrame();
    TickSet t = layout.xTicks();
    double size = layout.scale() * PlotLayout.TICK_PX;
    double prevRight = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.major().length; i++) {
      double w = TextMetrics.width(RichText.parse(t.labels().get(i)), size, false);
      double x = f.px(t.major()[i]);
      assertTrue(x - w / 2 >= prevRight + 0.5 * size, "labels overlap: " + t + " at width " + f.width());
      prevRight = x + w / 2;
      assertTrue(x + w / 2 <= layout.plot().widthPx(), "last label clipped: " + t);
    }
  }

  @Test
  void xTickLabelsNeverOverlapAtAnySize() {
    double[][] ranges = {{0, 1}, {0, 1.7e6}, {-3.3e-4, 2.2e-4}, {1234.5, 1301.2}, {0, 0.3}};
    for (int width = 200; width <= 2000; width += 150) {
      for (double[] r : ranges) {
        Plot p = simple(Axis.linear("x [u]").withRange(r[0], r[1]), Axis.linear("y"),
            new double[] {r[0], r[1]}, new double[] {0, 1}).withSize(width, 400);
        assertXLabelsApart(PlotLayout.of(p));
      }
      Plot log = simple(Axis.log("x").withRange(1e-7, 1e9), Axis.linear("y"), new double[] {1, 10},
          new double[] {0, 1}).withSize(width, 400);
      assertXLabelsApart(PlotLayout.of(log));
    }
  }

  @Test
  void marginsFitTheWidestYLabelAndTheAxisTitles() {
    Plot p = simple(Axis.linear("E [keV]"), Axis.linear("Rate [counts/(kg\u00b7d\u00b7keV)]"),
        new double[] {0, 1}, new double[] {-123456.7, 987654.3});
    PlotLayout layout = PlotLayout.of(p);
    Frame f = layout.mainFrame();
    double s = layout.scale();
    double widest = 0;
    for (String l : layout.mainYTicks().labels()) {
      widest = Math.max(widest, TextMetrics.width(RichText.parse(l), s * PlotLayout.TICK_PX, false));
    }
    double labelColumn = s * PlotLayout.PAD_PX + PlotLayout.textHeight(s * PlotLayout.LABEL_PX);
    assertTrue(f.left() - s * PlotLayout.TICK_GAP_PX - widest >= labelColumn - 1e-9,
        "tick labels collide with the y title: left " + f.left() + ", widest " + widest);
    assertTrue(f.bottom() + PlotLayout.tickLabelHeight(s) + PlotLayout.textHeight(s * PlotLayout.LABEL_PX)
        < p.heightPx(), "x title inside the image");
    assertTrue(f.top() > PlotLayout.textHeight(s * PlotLayout.TITLE_PX), "title above the frame");
    assertTrue(f.right() < p.widthPx());
  }

  @Test
  void automaticRangesStartHistogramsAtZeroAndEndOnTicks() {
    Plot p = Plot.of("", Axis.linear("x"),
        Panel.of(Axis.linear("Counts"), StepHistogram.of("", edges(), ramp(), Rgb.BLUE)));
    PlotLayout layout = PlotLayout.of(p);
    Frame f = layout.mainFrame();
    assertEquals(0, f.xMin());
    assertEquals(10, f.xMax());
    assertEquals(0, f.yMin());
    assertTrue(f.yMax() >= 105 && f.yMax() <= 140, "y max " + f.yMax());
    double[] major = layout.mainYTicks().major();
    assertEquals(f.yMax(), major[major.length - 1], 1e-9, "axis ends on a labelled tick");
    Plot log = Plot.of("", Axis.linear("x"),
        Panel.of(Axis.log("Counts"), StepHistogram.of("", edges(), ramp(), Rgb.BLUE)));
    Frame lf = PlotLayout.of(log).mainFrame();
    assertEquals(10, lf.yMin());
    assertEquals(1000, lf.yMax());
  }

  @Test
  void legendAvoidsTheData() {
    // a rising ramp reaching the top fills the upper right: the legend goes to the upper left
    StepHistogram h = StepHistogram.of("Rising ramp", edges(), ramp(), Rgb.BLUE).withFill(0.3);
    Plot p = Plot.of("", Axis.linear("x"), Panel.of(Axis.linear("Counts").withRange(0, 100), h));
    PlotLayout layout = PlotLayout.of(p);
    Box legend = layout.mainLayout().legend();
    assertNotNull(legend);
    Frame f = layout.mainFrame();
    assertTrue(legend.x() < f.left() + f.width() / 2, "legend on the left: " + legend);
    assertEquals(0, Occupancy.of(p.main(), f, layout.scale()).count(legend));
    // a flat full-height histogram leaves no free corner: the automatic y range grows instead
    double[] flat = new double[10];
    java.util.Arrays.fill(flat, 100);
    Plot full = Plot.of("", Axis.linear("x"), Panel.of(Axis.linear("Counts"),
        StepHistogram.of("Flat", edges(), flat, Rgb.BLUE), StepHistogram.of("Also flat", edges(), flat, Rgb.GREEN)));
    PlotLayout fl = PlotLayout.of(full);
    assertEquals(0, Occupancy.of(full.main(), fl.mainFrame(), fl.scale()).count(fl.mainLayout().legend()));
    assertTrue(fl.mainFrame().yMax() > 110);
  }

  @Test
  void longLabelsShrinkThenShorten() {
    RichText label = RichText.parse("A very long residual axis title that cannot fit the small panel");
    double room = 200;
    RichText fitted = PlotLayout.fitted(label, 19, room, false);
    double size = PlotLayout.fittedSize(label, 19, room, false);
    assertEquals(19 * PlotLayout.MIN_SHRINK, size, 1e-9);
    assertTrue(TextMetrics.width(fitted, size, false) <= room);
    assertTrue(fitted.plainText().endsWith("\u2026"));
    RichText shortLabel = RichText.parse("ON \u2212 OFF");
    assertEquals(19, PlotLayout.fittedSize(shortLabel, 19, room, false));
    assertEquals(shortLabel, PlotLayout.fitted(shortLabel, 19, room, false));
  }

  @Test
  void textMetricsAreConsistent() {
    double w10 = TextMetrics.width("Counts", 10, false);
    double w20 = TextMetrics.width("Counts", 20, false);
    assertEquals(2 * w10, w20, 0.05 * w20);
    assertTrue(TextMetrics.width("Counts", 20, true) >= w20);
    assertTrue(TextMetrics.capHeight(20) > 10 && TextMetrics.capHeight(20) < 20);
    RichText sup = RichText.parse("10^{3}");
    assertEquals(TextMetrics.width("10", 20, false) + TextMetrics.width("3", 14, false),
        TextMetrics.width(sup, 20, false), 1e-6);
    assertEquals(List.of(), RichText.parse("").runs());
  }
}
