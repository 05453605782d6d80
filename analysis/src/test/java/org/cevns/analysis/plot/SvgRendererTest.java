package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotTestSupport.count;
import static org.cevns.analysis.plot.PlotTestSupport.edges;
import static org.cevns.analysis.plot.PlotTestSupport.parseSvg;
import static org.cevns.analysis.plot.PlotTestSupport.ramp;
import static org.cevns.analysis.plot.PlotTestSupport.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgRendererTest {
  @TempDir Path dir;

  private static Plot plot() {
    StepHistogram h = StepHistogram.of("Data & <model>", edges(), ramp(), Rgb.BLUE).withFill(0.3);
    Line l = Line.of("Fit \"A\"", new double[] {0, 10}, new double[] {10, 100}, Style.dashed(Rgb.VERMILLION));
    return Plot.of("E_{ee} spectrum", Axis.linear("E_{ee} [keVee]").withRange(0, 10),
        Panel.of(Axis.linear("Counts / keV").withRange(0, 120), h, l).withNotes("\u03bc\u0302 = 1.02"));
  }

  @Test
  void wellFormedWithSizeTitleLabelsAndEscapedLegend() throws Exception {
    Path file = dir.resolve("p.svg");
    SvgRenderer.write(plot(), file);
    String svg = Files.readString(file, StandardCharsets.UTF_8);
    Document doc = parseSvg(svg);
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("1000", root.getAttribute("width"));
    assertEquals("700", root.getAttribute("height"));
    assertEquals("sans-serif", root.getAttribute("font-family"));
    List<String> t = texts(doc);
    assertTrue(t.contains("Eee spectrum"), t.toString()); // subscript as a tspan, text intact
    assertTrue(t.contains("Eee [keVee]"), t.toString());
    assertTrue(t.contains("Counts / keV"));
    assertTrue(t.contains("Data & <model>"));
    assertTrue(t.contains("Fit \"A\""));
    assertTrue(t.contains("\u03bc\u0302 = 1.02"));
    for (String tick : List.of("0", "2", "4", "6", "8", "10", "20", "40", "100", "120")) {
      assertTrue(t.contains(tick), "tick label " + tick + " in " + t);
    }
    assertTrue(svg.contains("baseline") || svg.contains("dy=\""), "subscript shifted");
    assertEquals(1, count(doc, "clipPath"));
    assertTrue(count(doc, "polygon") >= 1, "histogram fill");
    assertTrue(svg.contains("stroke-dasharray"), "dashed fit line");
    assertTrue(svg.contains("fill=\"#0072b2\" fill-opacity=\"0.3\""), "fill colour and opacity");
  }

  @Test
  void svgAndPngShareTheLayout() throws Exception {
    Plot p = plot();
    Frame f = PlotLayout.of(p).mainFrame();
    String svg = SvgRenderer.render(p);
    // the frame outline starts at the frame's top-left corner, exactly as computed for the PNG
    String corner = SvgCanvas.num(f.left()) + "," + SvgCanvas.num(f.top());
    assertTrue(svg.contains("points=\"" + corner + " "), "frame at " + corner);
    // the histogram bar 5..6 (60) has its top corners at the same pixel coordinates
    String barTop = SvgCanvas.num(f.px(5)) + "," + SvgCanvas.num(f.py(60)) + " " + SvgCanvas.num(f.px(6))
        + "," + SvgCanvas.num(f.py(60));
    assertTrue(svg.contains(barTop), "bar top " + barTop);
    parseSvg(svg);
  }

  @Test
  void numbersAreCompactAndNeverScientific() {
    assertEquals("12.5", SvgCanvas.num(12.5));
    assertEquals("-3.07", SvgCanvas.num(-3.0712));
    assertEquals("100000", SvgCanvas.num(1e5));
    assertEquals("0", SvgCanvas.num(-0.001));
    assertEquals("&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;", SvgCanvas.escape("<a> & \"b\" 'c'"));
  }
}
