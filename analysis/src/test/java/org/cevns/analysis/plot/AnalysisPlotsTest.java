package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotTestSupport.assertColor;
import static org.cevns.analysis.plot.PlotTestSupport.colorNear;
import static org.cevns.analysis.plot.PlotTestSupport.edges;
import static org.cevns.analysis.plot.PlotTestSupport.parseSvg;
import static org.cevns.analysis.plot.PlotTestSupport.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisPlotsTest {
  private static final String MINUS = "\u2212";
  @TempDir Path dir;

  /** Renders both formats to the temp dir; returns the decoded PNG and the SVG texts. */
  private record Rendered(BufferedImage png, List<String> texts, String svg) {}

  private Rendered render(Plot plot, String name) throws Exception {
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    PlotFiles.write(plot, png);
    PlotFiles.write(plot, svg);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1000, img.getWidth());
    assertEquals(700, img.getHeight());
    assertTrue(PlotTestSupport.nonWhiteFraction(img) > 0.03, "not blank");
    String text = Files.readString(svg);
    return new Rendered(img, texts(parseSvg(text)), text);
  }

  private static final double[] ON = {120, 100, 80, 70, 60, 55, 50, 50, 50, 50};
  private static final double[] OFF = {60, 55, 52, 51, 50, 50, 50, 50, 50, 50};
  private static final double[] SIGNAL = {60, 45, 28, 19, 10, 5, 0, 0, 0, 0};

  @Test
  void onOffWithResidualAndSignal() throws Exception {
    double[] offErr = new double[10];
    java.util.Arrays.fill(offErr, 3.0);
    Plot plot = AnalysisPlots.onOff().title("C vs AC").xLabel("E [keVee]").edges(edges())
        .on("C", ON, null).off("AC", OFF, offErr).signal("Fitted signal", SIGNAL).build();
    Points residual = (Points) plot.lower().series().stream().filter(s -> s instanceof Points)
        .findFirst().orElseThrow();
    assertEquals(60, residual.y()[0], 0);
    assertEquals(Math.sqrt(120 + 9), residual.yErrLow()[0], 1e-12); // √N for ON, given 3 for OFF
    assertEquals("C " + MINUS + " AC", plot.lower().y().label());
    Rendered r = render(plot, "onoff");
    for (String s : List.of("C vs AC", "E [keVee]", "Counts / bin", "C " + MINUS + " AC", "C", "AC",
        "AC + Fitted signal", "Fitted signal")) {
      assertTrue(r.texts().contains(s), s + " in " + r.texts());
    }
    PlotLayout layout = PlotLayout.of(plot);
    Frame main = layout.mainFrame();
    Frame lower = layout.lowerFrame().orElseThrow();
    assertColor(r.png(), main.px(4.5), main.py(60), Rgb.BLACK, 10); // ON marker of bin 4
    // the signal step's vertical edge at E = 1 (from 60 down to 45) is not covered by the residuals
    assertTrue(colorNear(r.png(), lower.px(1), lower.py(52), 2, Rgb.VERMILLION, 30), "signal step");
    assertTrue(lower.yMin() < 0 && lower.yMax() >= 60 + Math.sqrt(129));
  }

  @Test
  void onOffValidation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnalysisPlots.onOff().edges(edges()).on("ON", ON, null).off("OFF", OFF, null).build());
    assertTrue(e.getMessage().contains("onOff xLabel must be set"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.onOff().xLabel("E [keV]")
        .edges(edges()).on("ON", new double[3], null).off("OFF", OFF, null).build());
    assertTrue(e.getMessage().contains("must have length 10, got 3"), e.getMessage());
    Plot longNames = AnalysisPlots.onOff().xLabel("E [keV]").edges(edges())
        .on("Reactor ON", ON, null).off("Reactor OFF (scaled)", OFF, null).build();
    assertEquals("ON " + MINUS + " OFF", longNames.lower().y().label());
  }

  @Test
  void timeDistributionWithShadedWindows() throws Exception {
    double[] e = new double[41];
    double[] c = new double[40];
    for (int i = 0; i <= 40; i++) {
      e[i] = -10 + 0.5 * i;
    }
    for (int i = 0; i < 40; i++) {
      c[i] = e[i] >= 0 && e[i] < 2 ? 50 : 5;
    }
    Plot plot = AnalysisPlots.time().title("Timing").xLabel("t [\u00b5s]")
        .window("Coincidence", 0, 6).window("Anti-coincidence", -8, -2)
        .histogram("Events", e, c, AnalysisPlots.sqrtErrors(c)).build();
    Rendered r = render(plot, "time");
    for (String s : List.of("Timing", "t [\u00b5s]", "Coincidence", "Anti-coincidence", "Events")) {
      assertTrue(r.texts().contains(s), s);
    }
    PlotLayout layout = PlotLayout.of(plot);
    Frame f = layout.mainFrame();
    Box legend = layout.mainLayout().legend();
    // inside the coincidence window above the (low) histogram: window colour over white
    double x = f.px(4);
    double y = f.py(20);
    assertTrue(!(x >= legend.x() && x <= legend.right() && y >= legend.y() && y <= legend.bottom()));
    assertColor(r.png(), x, y, Rgb.GREEN.over(0.18, Rgb.WHITE), 3);
    assertColor(r.png(), f.px(-5), f.py(20), Rgb.GREY.over(0.18, Rgb.WHITE), 3);
    assertColor(r.png(), f.px(8), f.py(20), Rgb.WHITE, 0); // outside both windows
    assertTrue(colorNear(r.png(), f.px(1), f.py(50), 1, Rgb.BLUE, 30), "histogram outline at 50");
  }

  @Test
  void likelihoodProfileLevelsAndInterval() throws Exception {
    // golden: χ²(1) quantiles, PDG statistics review table: 1.00 (68.27 %), 2.71 (90 %), 3.84 (95 %)
    assertEquals(1.0, ProfilePlotBuilder.threshold(ProfilePlotBuilder.ONE_SIGMA_CL), 1e-9);
    assertEquals(2.705543, ProfilePlotBuilder.threshold(0.90), 1e-6);
    assertEquals(3.841459, ProfilePlotBuilder.threshold(0.95), 1e-6);
    assertEquals("68.3 % CL", ProfilePlotBuilder.clText(ProfilePlotBuilder.ONE_SIGMA_CL));
    assertEquals("90 % CL", ProfilePlotBuilder.clText(0.9));
    int n = 201;
    double[] mu = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = 0.01 * i;
      d[i] = Math.pow((mu[i] - 1.0) / 0.2, 2);
    }
    Plot plot = AnalysisPlots.profile().title("Profile").curve(mu, d).bestFit(1.0)
        .interval(ProfilePlotBuilder.ONE_SIGMA_CL, 0.8, 1.2).interval(0.9, 0.671, 1.329).build();
    assertEquals(0, plot.main().y().min());
    assertEquals(4.0583, plot.main().y().max(), 1e-3); // 1.5 × 2.7055
    List<Double> levels = plot.main().series().stream().filter(s -> s instanceof HLine)
        .map(s -> ((HLine) s).y()).toList();
    assertEquals(2, levels.size());
    assertEquals(1.0, levels.get(0), 1e-9);
    Rendered r = render(plot, "profile");
    for (String s : List.of("Profile", "Signal strength \u03bc", "\u0394(2NLL)", "68.3 % CL", "90 % CL",
        "68.3 % CL interval [0.80, 1.20]", "90 % CL interval [0.67, 1.33]",
        "Best fit \u03bc\u0302 = 1.00 +0.20 " + MINUS + "0.20")) {
      assertTrue(r.texts().contains(s), s + " in " + r.texts());
    }
    Frame f = PlotLayout.of(plot).mainFrame();
    assertTrue(colorNear(r.png(), f.px(1.3), f.py(2.25), 2, Rgb.BLUE, 30), "curve at μ = 1.3");
    assertTrue(colorNear(r.png(), f.px(1.0), f.py(1.0), 2, Rgb.GREEN, 30), "68 % bar at Δ = 1");
  }

  @Test
  void sensitivityWithReferenceLinesOnLogExposure() throws Exception {
    double[] x = {1, 10, 100, 1000};
    double[] z = {0.3, 1, 3.2, 10};
    Plot plot = AnalysisPlots.sensitivity().xLabel("Exposure [kg\u00b7d]").logX(true)
        .curve("CsI", x, z).mark("planned", 300).build();
    assertTrue(plot.x().isLog());
    Rendered r = render(plot, "sensitivity");
    for (String s : List.of("Exposure [kg\u00b7d]", "Expected significance [\u03c3]", "CsI",
        "3\u03c3 (evidence)", "5\u03c3 (observation)", "planned", "1", "10", "100", "1000")) {
      assertTrue(r.texts().contains(s), s + " in " + r.texts());
    }
    PlotLayout layout = PlotLayout.of(plot);
    Frame f = layout.mainFrame();
    assertArrayEquals(new double[] {1, 10, 100, 1000}, layout.xTicks().major(), 0);
    assertTrue(colorNear(r.png(), f.px(100), f.py(3.2), 2, Rgb.BLUE, 30), "curve point");
    // dashed (dash 6.75 px, gap 4.5 px): a 17 px window always holds part of a dash
    assertTrue(colorNear(r.png(), f.px(30), f.py(5), 8, Rgb.DARK_GREY, 40), "5σ line");
    assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.sensitivity().xLabel("E").build());
  }

  @Test
  void examplesRenderSmallImages() throws IOException {
    ExamplePlots.writeAll(dir, true);
    assertTrue(ExamplePlots.summary().render().contains("CEvNS"));
    for (String name : List.of("on-off", "time", "profile", "sensitivity")) {
      Path png = dir.resolve(name + ".png");
      assertTrue(Files.size(png) < 100_000, name + " is " + Files.size(png) + " bytes");
      assertEquals(1000, ImageIO.read(png.toFile()).getWidth());
      assertTrue(Files.exists(dir.resolve(name + ".svg")));
    }
  }
}
