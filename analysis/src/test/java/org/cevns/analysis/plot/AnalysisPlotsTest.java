package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisPlotsTest {
  @TempDir Path dir;
  private static final double[] EDGES = {0, 1, 2, 3, 4};
  private static final double[] ON = {0, 20, 15, 10};
  private static final double[] OFF = {1, 8, 9, 10};
  private static final double[] OFF_ERR = {1, 2.8, 3, 3.2};
  private static final double[] SIGNAL = {0.5, 9, 5, 1};

  private JFreeChart onOff() {
    return AnalysisPlots.onOff().title("exp, det: energy spectrum").provenance("exp  ·  cevns 1.0 simulation  ·  seed 7")
        .xLabel("E_{ee} [keVee]").edges(EDGES).on("C", ON, null).off("AC", OFF, OFF_ERR).signal("Fit", SIGNAL)
        .component("brn", new double[] {1, 5, 6, 8}, false).component("tiny", new double[] {0, 0.01, 0, 0}, false)
        .component("absent", new double[4], false).component("signal", SIGNAL, true).build();
  }

  @Test
  void onOffShowsDataStackControlAndResidual() throws Exception {
    JFreeChart c = onOff();
    List<XYPlot> panels = ((CombinedDomainXYPlot) c.getPlot()).getSubplots();
    assertEquals(2, panels.size());
    XYPlot upper = panels.get(0);
    // data points with Garwood bars: the empty first bin has a bar to 1.84, not √0 = 0
    IntervalXYDataset on = (IntervalXYDataset) dataset(upper, "C");
    assertEquals(0, on.getYValue(0, 0), 0);
    assertEquals(PoissonErrors.upper(0), on.getEndYValue(0, 0), 1e-12);
    assertEquals(20 - PoissonErrors.lower(20), 20 - on.getStartYValue(0, 1), 1e-9);
    assertEquals(0.5, on.getXValue(0, 0), 0);
    assertEquals(1, on.getEndXValue(0, 0), 0);
    // step outline of the control region and the dashed control + signal
    assertArrayEquals(new double[] {1, 1, 8, 8, 9, 9, 10, 10}, ys(dataset(upper, "AC")), 0);
    assertArrayEquals(new double[] {1.5, 1.5, 17, 17, 14, 14, 11, 11}, ys(dataset(upper, "AC + Fit")), 0);
    // the legend: data first, then the stack top-down (signal on top, the tiny component alone keeps its name);
    // a component that is zero everywhere (another detector's background) is left out: regression, pandax4t-b8's
    // US2 spectrum listed the paired region's background
    List<String> legend = legend(upper);
    assertEquals(List.of("C", "Fit: signal", "Fit: brn", "Fit: tiny", "AC", "AC + Fit"), legend);
    // residual ON − OFF with both errors
    XYPlot lower = panels.get(1);
    assertEquals("C \u2212 AC", lower.getRangeAxis().getAttributedLabel() == null ? lower.getRangeAxis().getLabel()
        : text(lower.getRangeAxis().getAttributedLabel()));
    IntervalXYDataset res = (IntervalXYDataset) firstIntervalDataset(lower);
    assertEquals(12, res.getYValue(0, 1), 1e-12);
    assertTrue(res.getEndYValue(0, 1) - 12 > Math.hypot(PoissonErrors.upper(20) - 20, 0) - 1e-9);
    assertEquals(List.of("Fit"), legend(lower));
    assertTitles(c, "exp, det: energy spectrum", "exp  ·  cevns 1.0 simulation  ·  seed 7");
    writeAndCheckAll(c, "spectrum", List.of("exp, det: energy spectrum", "Fit: brn", "seed 7"));
  }

  @Test
  void timeShowsWindowsHistogramAndModel() throws Exception {
    JFreeChart c = AnalysisPlots.time().title("exp, det: event times").provenance("p").xLabel("t [\u00b5s]")
        .histogram("Detected events", EDGES, ON, null).model("Expected", new double[] {0.5, 1.5}, new double[] {1, 2})
        .window("Coincidence (C)", 1, 2).window("Anti-coincidence (AC)", 2, 3).build();
    XYPlot p = (XYPlot) c.getPlot();
    assertEquals(2, p.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size());
    assertEquals(List.of("Coincidence (C)", "Anti-coincidence (AC)", "Detected events", "Expected"), legend(p));
    assertArrayEquals(new double[] {0, 0, 0, 20, 20, 15, 15, 10, 10, 0}, ys(dataset(p, "Detected events")), 0);
    assertEquals(3, firstIntervalDataset(p).getItemCount(0), "no error bar on the empty bin before the first entry");
    writeAndCheckAll(c, "time", List.of("exp, det: event times", "Coincidence (C)"));
  }

  @Test
  void profileShowsCurveLevelsIntervalsAndBestFit() throws Exception {
    double[] mu = {0, 0.5, 1, 1.5, 2};
    double[] q = {4, 1, 0, 1, 4};
    JFreeChart c = AnalysisPlots.profile().title("exp: profile likelihood of the signal strength").provenance("p")
        .curve(mu, q).bestFit(1).interval(ProfilePlotBuilder.ONE_SIGMA_CL, 0.5, 1.5).interval(0.9, 0.18, 1.82).build();
    XYPlot p = (XYPlot) c.getPlot();
    assertEquals(List.of("Profile likelihood", "68.3 % CL interval [0.5, 1.5]", "90 % CL interval [0.2, 1.8]",
        "Best fit \u03bc\u0302 = 1.0 +0.5 \u22120.5"), legend(p));
    assertArrayEquals(q, ys(dataset(p, "Profile likelihood")), 0);
    assertEquals(2, p.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size());
    assertEquals(1.0, ProfilePlotBuilder.threshold(ProfilePlotBuilder.ONE_SIGMA_CL), 1e-9);
    writeAndCheckAll(c, "profile", List.of("68.3 % CL", "90 % CL"));
  }

  /**
   * The impact plot ranks the largest impact first (left): its legend sits top right, over the smallest bars (top
   * left it hid the upper end of the largest bar in cevns run's coherent-csi impacts.png).
   */
  @Test
  void impactLegendIsOnTheRight() {
    PullPlotBuilder b = PullPlotBuilder.create().title("exp: impacts").impacts("\u03bc");
    for (int i = 0; i < 8; i++) {
      b.add("n" + i, 0.1 / (i + 1), -0.08 / (i + 1));
    }
    XYPlot p = (XYPlot) b.build().getPlot();
    var legend = p.getAnnotations().stream().filter(a -> a instanceof org.jfree.chart.annotations.XYTitleAnnotation)
        .map(a -> (org.jfree.chart.annotations.XYTitleAnnotation) a).findFirst().orElseThrow();
    assertEquals(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT, legend.getTitleAnchor());
  }

  /** One exposure factor (analysis.sensitivity.exposure_factors: [1]) was an internal error of a zero-width axis. */
  @Test
  void sensitivityOfOneExposureIsADotOnAnAxisAroundIt() throws Exception {
    for (boolean logX : new boolean[] {true, false}) {
      JFreeChart c = AnalysisPlots.sensitivity().title("exp: median expected significance").provenance("p")
          .xLabel("Exposure [POT]").curve("Median Z", new double[] {3.2e23}, new double[] {11.4})
          .mark("configured", 3.2e23).logX(logX).build();
      XYPlot p = (XYPlot) c.getPlot();
      assertTrue(p.getDomainAxis().getLowerBound() < 3.2e23 && p.getDomainAxis().getUpperBound() > 3.2e23,
          p.getDomainAxis().getRange().toString());
      assertTrue(p.getRangeAxis().getUpperBound() > 11.4);
      assertEquals(3, PlotFiles.writeAll(c, dir, "sensitivity-one-" + logX).size()); // a sparse plot: few pixels
    }
  }

  @Test
  void sensitivityGoesLogWhenTheRangeCallsForIt() throws Exception {
    double[] x = {1, 10, 100};
    JFreeChart wide = AnalysisPlots.sensitivity().title("exp: median expected significance").provenance("p")
        .xLabel("Exposure [POT]").curve("Median Z", x, new double[] {2, 7, 60}).mark("configured", 10).logX(true)
        .build();
    XYPlot p = (XYPlot) wide.getPlot();
    assertInstanceOf(LogAxis.class, p.getRangeAxis(), "60 / 2 > 10: log y keeps 3σ and 5σ apart");
    assertInstanceOf(LogAxis.class, p.getDomainAxis());
    assertEquals(2, p.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size());
    JFreeChart narrow = AnalysisPlots.sensitivity().title("t").xLabel("Exposure [POT]")
        .curve("Median Z", x, new double[] {2, 4, 8}).build();
    assertTrue(!(((XYPlot) narrow.getPlot()).getRangeAxis() instanceof LogAxis));
    writeAndCheckAll(wide, "sensitivity", List.of("3\u03c3 (evidence)", "5\u03c3 (observation)", "configured"));
  }

  /** Regression: SVG defs ids came from System.nanoTime() and the PDF /ID from the clock (ProcessFaultTest). */
  @Test
  void theSamePlotGivesTheSameBytes() throws Exception {
    assertEquals(PlotFiles.svg(onOff()), PlotFiles.svg(onOff()));
    byte[] first = PlotFiles.pdf(onOff());
    Thread.sleep(5);
    assertArrayEquals(first, PlotFiles.pdf(onOff()));
    assertTrue(new String(first, StandardCharsets.ISO_8859_1).contains("/ID"), "the PDF keeps its trailer /ID");
    try (PDDocument doc = Loader.loadPDF(first)) {
      assertEquals(1, doc.getNumberOfPages());
    }
  }

  /**
   * Regression: a reduced coherent-csi run's profile reached Δ(2NLL) = 3e16 where the expected counts go negative;
   * PNG and SVG clip the line, but PDFBox failed to format the coordinate (ArrayIndexOutOfBoundsException).
   */
  @Test
  void aCurveFarOutsideTheAxesStillMakesAPdf() throws Exception {
    double[] mu = {-0.5, 0, 0.5, 1, 1.5};
    double[] q = {3.4e16, 7e12, 1, 0, 1};
    JFreeChart c = AnalysisPlots.profile().title("exp: profile").provenance("p").curve(mu, q).bestFit(1).build();
    writeAndCheckAll(c, "profile_far", List.of());
  }

  /** Lines are cut where they leave the box; shapes inside are drawn as they are. */
  @Test
  void linesAreCutAtTheBoxAndTheVisiblePartIsUnchanged() {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(0, 100);
    p.lineTo(10, 200);
    p.lineTo(10, 1e16);
    p.lineTo(20, 300);
    java.awt.geom.PathIterator it = PdfShapeClip.clipLines(p).getPathIterator(null);
    List<String> segs = new ArrayList<>();
    double[] xy = new double[6];
    for (; !it.isDone(); it.next()) {
      int type = it.currentSegment(xy);
      segs.add((type == java.awt.geom.PathIterator.SEG_MOVETO ? "M" : "L") + Math.round(xy[0] * 1e6) / 1e6 + ","
          + Math.round(xy[1]));
    }
    // 0,100 -> 10,200 -> up the vertical line to the box edge; back in from the edge to 20,300
    double xBack = 10 + 10 * (1e16 - PdfShapeClip.LIMIT) / (1e16 - 300);
    assertEquals(List.of("M0.0,100", "L10.0,200", "L10.0," + Math.round(PdfShapeClip.LIMIT),
        "M" + Math.round(xBack * 1e6) / 1e6 + "," + Math.round(PdfShapeClip.LIMIT), "L20.0,300"), segs);
  }

  /** The label says whether the plotted data are simulated or measured (imported). */
  @Test
  void provenanceLabelNamesSimulationOrMeasuredData() {
    assertEquals("exp  \u00b7  14.6 kg  \u00b7  cevns 1.0 simulation  \u00b7  seed 7",
        new Provenance("exp", "14.6 kg", "1.0", 7).label());
    assertEquals("exp  \u00b7  14.6 kg  \u00b7  measured data  \u00b7  cevns 1.0 templates, seed 7",
        new Provenance("exp", "14.6 kg", "1.0", 7, true).label());
  }

  @Test
  void missingInputsAreRejectedWithTheirName() {
    var e = assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.onOff().edges(EDGES).on("C", ON, null)
        .off("AC", OFF, null).build());
    assertTrue(e.getMessage().contains("xLabel"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.onOff().edges(new double[] {0, 2, 1}));
    assertThrows(IllegalArgumentException.class, () -> AnalysisPlots.time().xLabel("t [s]").build());
    assertThrows(IllegalArgumentException.class, () -> PlotFiles.write(onOff(), dir.resolve("x.jpg")));
  }

  /** Writes PNG, SVG and PDF; checks that each is a valid file of its kind with the expected text. */
  private void writeAndCheckAll(JFreeChart c, String name, List<String> texts) throws Exception {
    List<Path> files = PlotFiles.writeAll(c, dir, name);
    assertEquals(List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg"), dir.resolve(name + ".pdf")), files);
    assertTrue(GraphicsEnvironment.isHeadless(), "plots are drawn headless");
    BufferedImage img = ImageIO.read(files.get(0).toFile());
    assertEquals(HepTheme.WIDTH, img.getWidth());
    assertEquals(HepTheme.HEIGHT, img.getHeight());
    assertTrue(nonWhite(img) > 0.03, "the PNG is not blank");
    String svg = Files.readString(files.get(1), StandardCharsets.UTF_8);
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var doc = factory.newDocumentBuilder().parse(files.get(1).toFile());
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    for (String t : texts) {
      assertTrue(svg.contains(escape(t)), t + " in the SVG");
    }
    byte[] pdf = Files.readAllBytes(files.get(2));
    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    try (PDDocument d = Loader.loadPDF(pdf)) {
      assertEquals(1, d.getNumberOfPages());
      assertEquals(PlotFiles.PDF_WIDTH_PT, d.getPage(0).getMediaBox().getWidth(), 1e-3);
    }
    try (var list = Files.list(dir)) {
      assertTrue(list.noneMatch(f -> f.getFileName().toString().endsWith(".inprogress")));
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static double nonWhite(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return (double) n / (img.getWidth() * img.getHeight());
  }

  static XYDataset dataset(XYPlot p, String key) {
    for (int i = 0; i < p.getDatasetCount(); i++) {
      XYDataset d = p.getDataset(i);
      if (d != null && d.getSeriesCount() > 0 && key.equals(d.getSeriesKey(0))) {
        return d;
      }
    }
    throw new AssertionError("no series " + key);
  }

  private static XYDataset firstIntervalDataset(XYPlot p) {
    for (int i = 0; i < p.getDatasetCount(); i++) {
      if (p.getDataset(i) instanceof org.jfree.data.xy.XYIntervalSeriesCollection d) {
        return d;
      }
    }
    throw new AssertionError("no points");
  }

  private static double[] ys(XYDataset d) {
    double[] y = new double[d.getItemCount(0)];
    for (int i = 0; i < y.length; i++) {
      y[i] = d.getYValue(0, i);
    }
    return y;
  }

  static List<String> legend(XYPlot p) {
    List<String> out = new ArrayList<>();
    for (XYAnnotation a : p.getAnnotations()) {
      if (a instanceof XYTitleAnnotation t && t.getTitle() instanceof LegendTitle l) {
        var items = l.getSources()[0].getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
          out.add(items.get(i).getLabel());
        }
      }
    }
    return out;
  }

  private static void assertTitles(JFreeChart c, String title, String provenance) {
    assertEquals(title, c.getTitle().getText());
    List<String> subs = new ArrayList<>();
    for (Object o : c.getSubtitles()) {
      if (o instanceof TextTitle t) {
        subs.add(t.getText());
      }
    }
    assertEquals(List.of(provenance), subs);
  }

  private static String text(java.text.AttributedString s) {
    var it = s.getIterator();
    StringBuilder b = new StringBuilder();
    for (char ch = it.first(); ch != java.text.CharacterIterator.DONE; ch = it.next()) {
      b.append(ch);
    }
    return b.toString();
  }

}
