package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Pixel and SVG helpers for the rendering tests. */
final class PlotTestSupport {
  private PlotTestSupport() {}

  static Rgb pixel(BufferedImage img, double x, double y) {
    int v = img.getRGB((int) Math.floor(x), (int) Math.floor(y));
    return new Rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
  }

  static int distance(Rgb a, Rgb b) {
    return Math.max(Math.abs(a.red() - b.red()),
        Math.max(Math.abs(a.green() - b.green()), Math.abs(a.blue() - b.blue())));
  }

  /** Asserts the pixel at (x, y) is within {@code tolerance} (per channel) of the expected colour. */
  static void assertColor(BufferedImage img, double x, double y, Rgb expected, int tolerance) {
    Rgb got = pixel(img, x, y);
    assertTrue(distance(got, expected) <= tolerance,
        "pixel (" + (int) x + ", " + (int) y + ") is " + got.hex() + ", expected " + expected.hex());
  }

  /** True if some pixel within +-radius of (x, y) is within tolerance of the colour. */
  static boolean colorNear(BufferedImage img, double x, double y, int radius, Rgb color, int tolerance) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        int px = (int) Math.floor(x) + dx;
        int py = (int) Math.floor(y) + dy;
        if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()
            && distance(pixel(img, px, py), color) <= tolerance) {
          return true;
        }
      }
    }
    return false;
  }

  static double nonWhiteFraction(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          n++;
        }
      }
    }
    return n / (double) (img.getWidth() * img.getHeight());
  }

  /** Parses with the JDK DOM parser, external entities and DTDs disabled. */
  static Document parseSvg(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The text content of every {@code <text>} element. */
  static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static int count(Document doc, String element) {
    return doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", element).getLength();
  }

  /** Ten bins 0..10 with contents 10, 20, ..., 100. */
  static double[] edges() {
    double[] e = new double[11];
    for (int i = 0; i <= 10; i++) {
      e[i] = i;
    }
    return e;
  }

  static double[] ramp() {
    double[] c = new double[10];
    for (int i = 0; i < 10; i++) {
      c[i] = 10 * (i + 1);
    }
    return c;
  }
}
