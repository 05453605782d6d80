package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotTestSupport.assertColor;
import static org.cevns.analysis.plot.PlotTestSupport.colorNear;
import static org.cevns.analysis.plot.PlotTestSupport.edges;
import static org.cevns.analysis.plot.PlotTestSupport.nonWhiteFraction;
import static org.cevns.analysis.plot.PlotTestSupport.ramp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngRendererTest {
  @TempDir Path dir;

  /** A filled ramp histogram on fixed ranges x [0, 10], y [0, 120], a data point, no legend. */
  private static Plot rampPlot(Axis y) {
    StepHistogram h = StepHistogram.of("", edges(), ramp(), Rgb.BLUE).withFill(0.3);
    Points p = Points.of("", new double[] {2.5}, new double[] {100}, new double[] {5}, Rgb.VERMILLION)
        .withMarkerRadius(6);
    return Plot.of("Ramp", Axis.linear("x [keV]").withRange(0, 10), Panel.of(y, h, p));
  }

  @Test
  void histogramPixelsHaveTheSeriesColourAtTheirDataCoordinates() throws IOException {
    Plot plot = rampPlot(Axis.linear("Counts").withRange(0, 120));
    Path file = dir.resolve("ramp.png");
    PngRenderer.write(plot, file);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(1000, img.getWidth());
    assertEquals(700, img.getHeight());
    Frame f = PlotLayout.of(plot).mainFrame();
    // bin 5..6 holds 60 (its neighbours 50 and 70): filled just below 60, white just above, so a
    // histogram shifted by one bin either way fails
    assertColor(img, f.px(5.5), f.py(30), Rgb.BLUE.over(0.3, Rgb.WHITE), 3);
    assertColor(img, f.px(5.5), f.py(55), Rgb.BLUE.over(0.3, Rgb.WHITE), 3);
    assertColor(img, f.px(5.5), f.py(65), Rgb.WHITE, 0);
    // the outline is drawn in the series colour at the bin top
    assertTrue(colorNear(img, f.px(5.5), f.py(60), 1, Rgb.BLUE, 30), "outline at the top of bin 5");
    // the last bin (100) reaches higher than bin 5: filled at y = 90
    assertColor(img, f.px(9.5), f.py(90), Rgb.BLUE.over(0.3, Rgb.WHITE), 3);
    assertColor(img, f.px(0.5), f.py(20), Rgb.WHITE, 0); // bin 0 holds only 10
    // the data point marker
    assertColor(img, f.px(2.5), f.py(100), Rgb.VERMILLION, 3);
    // nothing is drawn outside the frame by the series: below the x axis is white between labels
    assertColor(img, f.px(5.5), f.bottom() + 2, Rgb.WHITE, 0);
    assertTrue(nonWhiteFraction(img) > 0.05);
  }

  @Test
  void logAxisPlacesDecadesAndSurvivesEmptyBins() {
    double[] c = ramp();
    c[3] = 0; // log of zero: the bar drops out of the frame
    StepHistogram h = StepHistogram.of("", edges(), c, Rgb.GREEN).withFill(0.5);
    Plot plot = Plot.of("", Axis.linear("x").withRange(0, 10),
        Panel.of(Axis.log("Counts").withRange(1, 1000), h));
    BufferedImage img = PngRenderer.render(plot);
    Frame f = PlotLayout.of(plot).mainFrame();
    assertEquals(f.bottom() - f.height() / 3, f.py(10), 1e-9);
    assertColor(img, f.px(5.5), f.py(30), Rgb.GREEN.over(0.5, Rgb.WHITE), 3);
    assertColor(img, f.px(5.5), f.py(100), Rgb.WHITE, 0);
    assertColor(img, f.px(3.5), f.py(5), Rgb.WHITE, 0);
  }

  @Test
  void residualPanelSharesTheXAxisAndDrawsTheZeroLine() {
    Plot plot = AnalysisPlots.onOff().xLabel("E [keVee]").edges(edges())
        .on("C", ramp(), null).off("AC", ramp(), null).build();
    BufferedImage img = PngRenderer.render(plot);
    PlotLayout layout = PlotLayout.of(plot);
    Frame main = layout.mainFrame();
    Frame lower = layout.lowerFrame().orElseThrow();
    assertEquals(main.left(), lower.left(), 0);
    assertEquals(main.width(), lower.width(), 0);
    assertTrue(lower.top() > main.bottom());
    assertEquals(-lower.yMin(), lower.yMax(), 1e-12, "residual range symmetric about zero");
    assertTrue(lower.height() < main.height());
    // ON == OFF: every residual is 0, on the zero line; between points the zero line is grey
    double y0 = lower.py(0);
    assertTrue(colorNear(img, lower.px(5.0), y0, 1, Rgb.GREY, 40) || colorNear(img, lower.px(5.0), y0, 1,
        Rgb.BLACK, 40));
    assertColor(img, lower.px(5.5), y0, Rgb.BLACK, 10); // the residual marker
  }

  @Test
  void rendersHeadlessAndScalesWithSize() {
    BufferedImage small = PngRenderer.render(rampPlot(Axis.linear("Counts")).withSize(500, 350));
    assertEquals(500, small.getWidth());
    assertEquals(350, small.getHeight());
    assertTrue(GraphicsEnvironment.isHeadless());
    assertTrue(nonWhiteFraction(small) > 0.05);
  }

  @Test
  void writesThroughATemporaryFileAndReplaces() throws IOException {
    Path file = dir.resolve("sub/dir/plot.png");
    PngRenderer.write(rampPlot(Axis.linear("Counts")), file);
    long first = Files.size(file);
    PlotFiles.write(rampPlot(Axis.log("Counts")), file);
    assertTrue(Files.size(file) > 0 && Files.size(file) != first);
    try (Stream<Path> s = Files.list(file.getParent())) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of("plot.png"), names);
    }
    PlotFiles.write(rampPlot(Axis.linear("Counts")), dir.resolve("plot.SVG"));
    assertTrue(Files.readString(dir.resolve("plot.SVG")).startsWith("<?xml"));
    assertThrows(IllegalArgumentException.class, () -> PlotFiles.write(rampPlot(Axis.linear("c")), dir.resolve("a.jpg")));
    assertFalse(Files.exists(dir.resolve(".a.jpg.inprogress")));
  }

  @Test
  void failedWriteLeavesNoFile() {
    Path target = dir.resolve("blocked.png");
    // a directory where the temporary file should go makes the write fail
    assertThrows(IOException.class, () -> {
      Files.createDirectory(dir.resolve(".blocked.png.inprogress"));
      Files.writeString(dir.resolve(".blocked.png.inprogress/x"), "x");
      PngRenderer.write(rampPlot(Axis.linear("c")), target);
    });
    assertFalse(Files.exists(target));
  }
}
