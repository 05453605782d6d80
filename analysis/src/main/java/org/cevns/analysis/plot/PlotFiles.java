package org.cevns.analysis.plot;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;

/**
 * Writes charts to files chosen by extension — PNG (JFreeChart's encoder, {@value HepTheme#WIDTH} ×
 * {@value HepTheme#HEIGHT} pixels), SVG (Apache Batik's SVG generator) and PDF (Apache PDFBox through its Graphics2D bridge,
 * vector, text as outlines, page {@value #PDF_WIDTH_PT} pt wide) — always through a temporary file and a
 * rename. Runs headless: it sets {@code java.awt.headless=true} unless the JVM was told otherwise.
 */
public final class PlotFiles {
  /** PDF page width in points (1/72 in): 6.25 in, a slide-friendly size; the height keeps the aspect ratio. */
  static final float PDF_WIDTH_PT = 450f;
  /** SVG namespace of the document Batik draws into. */
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  static {
    headless();
  }

  /** Sets {@code java.awt.headless=true} unless set otherwise (before AWT starts; called by every chart). */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PlotFiles() {}

  /**
   * Writes {@code chart} as NAME.png, NAME.svg and NAME.pdf in {@code dir} (created).
   *
   * @return the three files
   * @throws IOException if writing fails
   */
  public static List<Path> writeAll(JFreeChart chart, Path dir, String name) throws IOException {
    List<Path> out = List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg"), dir.resolve(name + ".pdf"));
    for (Path p : out) {
      write(chart, p);
    }
    return out;
  }

  /**
   * Writes a chart as PNG, SVG or PDF, chosen by the file extension ({@code .png}, {@code .svg}, {@code .pdf},
   * any case).
   *
   * @param chart the chart
   * @param file target path
   * @throws IOException if writing fails
   */
  public static void write(JFreeChart chart, Path file) throws IOException {
    Checks.notNull("chart", chart);
    String name = Checks.notNull("plot file", file).getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] bytes;
    if (name.endsWith(".png")) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(b, chart, HepTheme.WIDTH, HepTheme.HEIGHT);
      bytes = b.toByteArray();
    } else if (name.endsWith(".svg")) {
      bytes = svg(chart).getBytes(StandardCharsets.UTF_8);
    } else if (name.endsWith(".pdf")) {
      bytes = pdf(chart);
    } else {
      throw new IllegalArgumentException("plot file must end in .png, .svg or .pdf, got " + file);
    }
    writeAtomically(file, bytes);
  }

  /**
   * The chart as an SVG document. Batik numbers its definitions (clip paths, gradients) with a counter and writes
   * no date or random id, so the same plot gives the same text in every process.
   */
  static String svg(JFreeChart chart) {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
          .createDocument(SVG_NS, "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is required", e);
    }
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
    context.setComment(null); // Batik's default comment names its version: not part of the plot
    SVGGraphics2D g = new SVGGraphics2D(context, false);
    g.setSVGCanvasSize(new Dimension(HepTheme.WIDTH, HepTheme.HEIGHT));
    chart.draw(g, new Rectangle(HepTheme.WIDTH, HepTheme.HEIGHT));
    StringWriter w = new StringWriter();
    try {
      g.stream(w, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static byte[] pdf(JFreeChart chart) throws IOException {
    float scale = PDF_WIDTH_PT / HepTheme.WIDTH;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(PDF_WIDTH_PT, HepTheme.HEIGHT * scale));
      doc.addPage(page);
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, HepTheme.WIDTH, HepTheme.HEIGHT);
      g.setDrawControl(PdfShapeClip.INSTANCE);
      chart.draw(g, new Rectangle(HepTheme.WIDTH, HepTheme.HEIGHT));
      g.dispose();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.transform(Matrix.getScaleInstance(scale, scale));
        cs.drawForm(g.getXFormObject());
      }
      // PDFBox otherwise writes a trailer /ID made from the current time (ISO 32000-1 §14.4 suggests a digest
      // of the content): the MD5 of the drawing, twice (first and current version are the same document).
      byte[] digest = documentId(g);
      COSArray id = new COSArray();
      id.add(new COSString(digest));
      id.add(new COSString(digest));
      doc.getDocument().setDocumentID(id);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      doc.save(b);
      return b.toByteArray();
    }
  }

  /** MD5 of the drawing's content stream: the document's /ID, so that the same plot gives the same bytes. */
  private static byte[] documentId(PdfBoxGraphics2D g) throws IOException {
    try {
      return MessageDigest.getInstance("MD5").digest(g.getXFormObject().getContentStream().toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }

  /**
   * Writes bytes to {@code .NAME.inprogress} beside the target, then renames it over the target
   * (atomically where the file system allows); removes the temporary file on failure.
   */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".inprogress");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        os.write(content);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
