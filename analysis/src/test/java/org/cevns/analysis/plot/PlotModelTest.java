package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotTestSupport.edges;
import static org.cevns.analysis.plot.PlotTestSupport.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PlotModelTest {
  private static void rejects(String fragment, Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
  }

  @Test
  void seriesValidateTheirArraysWithOneLineMessages() {
    rejects("histogram contents must have length 10, got 9",
        () -> StepHistogram.of("h", edges(), new double[9], Rgb.BLUE));
    rejects("histogram edges must be strictly increasing",
        () -> StepHistogram.of("h", new double[] {0, 1, 1}, new double[2], Rgb.BLUE));
    rejects("histogram contents[1] must be finite, got NaN",
        () -> StepHistogram.of("h", new double[] {0, 1, 2}, new double[] {1, Double.NaN}, Rgb.BLUE));
    rejects("histogram errors[0] must be >= 0",
        () -> StepHistogram.of("h", new double[] {0, 1}, new double[] {1}, Rgb.BLUE).withErrors(new double[] {-1}));
    rejects("points y must have length 2", () -> Points.of("p", new double[2], new double[3], null, Rgb.BLACK));
    rejects("must both be given or both null",
        () -> new Points("p", new double[1], new double[1], new double[1], null, null, Rgb.BLACK, 3));
    rejects("band low must be <= high",
        () -> Band.of("b", new double[] {0, 1}, new double[] {0, 2}, new double[] {1, 1}, Rgb.BLUE));
    rejects("vspan needs finite xMin < xMax", () -> VSpan.of("w", 2, 1, Rgb.GREEN));
    rejects("hline y must be finite", () -> HLine.of(Double.NaN, Style.solid(Rgb.BLACK), ""));
    rejects("axis min must be < max", () -> Axis.linear("x").withRange(2, 1));
    rejects("log axis limits must be > 0", () -> Axis.log("x").withRange(0, 1));
    rejects("plot widthPx must be in [200, 10000], got 50",
        () -> Plot.of("", Axis.linear("x"), Panel.of(Axis.linear("y"))).withSize(50, 700));
    rejects("style widthPx", () -> Style.solid(Rgb.BLACK).withWidth(0));
    rejects("hex colour must be #RRGGBB", () -> Rgb.of("red"));
  }

  @Test
  void recordsCopyTheirArraysAndCompareByContent() {
    double[] c = ramp();
    StepHistogram h = StepHistogram.of("h", edges(), c, Rgb.BLUE);
    c[0] = -99;
    assertEquals(10, h.contents()[0]);
    h.contents()[1] = -99;
    assertEquals(20, h.contents()[1]);
    assertEquals(h, StepHistogram.of("h", edges(), ramp(), Rgb.BLUE));
    assertEquals(h.hashCode(), StepHistogram.of("h", edges(), ramp(), Rgb.BLUE).hashCode());
    Panel p = Panel.of(Axis.linear("y"), h);
    assertThrows(UnsupportedOperationException.class, () -> p.series().add(h));
  }

  @Test
  void richTextMarkup() {
    RichText t = RichText.parse("E_{ee} [keV] 10^{3} a^b c_{open");
    assertEquals(List.of(new RichText.Run("E", RichText.Script.NORMAL),
        new RichText.Run("ee", RichText.Script.SUB),
        new RichText.Run(" [keV] 10", RichText.Script.NORMAL),
        new RichText.Run("3", RichText.Script.SUPER),
        new RichText.Run(" a^b c_{open", RichText.Script.NORMAL)), t.runs());
    assertEquals("Eee [keV] 103 a^b c_{open", t.plainText());
  }

  @Test
  void colours() {
    assertEquals("#e69f00", Rgb.ORANGE.hex());
    assertEquals(Rgb.ORANGE, Rgb.of("#E69F00"));
    assertEquals(new Rgb(128, 185, 217), Rgb.BLUE.over(0.5, Rgb.WHITE));
    assertEquals(Rgb.BLUE, Rgb.cycle(0));
    assertEquals(Rgb.BLUE, Rgb.cycle(7));
  }

  @Test
  void frameMapsLinearAndLogCoordinates() {
    Frame f = new Frame(100, 50, 800, 400, Axis.Scale.LOG, 1, 1000, Axis.Scale.LINEAR, -1, 1);
    assertEquals(100, f.px(1), 1e-9);
    assertEquals(100 + 800.0 / 3, f.px(10), 1e-9);
    assertEquals(900, f.px(1000), 1e-9);
    assertTrue(f.px(0) < -1000, "non-positive x maps far left");
    assertEquals(250, f.py(0), 1e-9);
    assertEquals(50, f.py(1), 1e-9);
    assertArrayEquals(new double[] {900, 450}, new double[] {f.right(), f.bottom()}, 0);
  }
}
