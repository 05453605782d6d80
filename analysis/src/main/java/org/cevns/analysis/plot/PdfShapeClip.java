package org.cevns.analysis.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DDrawControlDefault;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;

/**
 * Clips what the PDF writer draws to a large box around the page.
 *
 * <p>Java2D (PNG) and SVG viewers clip a line that leaves the plot; the PDF writer writes its coordinates as they
 * are, and PDFBox's number formatter fails on values of about 10¹⁰ and more ({@code
 * ArrayIndexOutOfBoundsException} in {@code NumberFormatUtil}). A profile curve that reaches Δ(2NLL) = 10¹⁶
 * where the expected counts go negative drew such a line. Shapes inside the box (every ordinary plot) pass
 * unchanged; a line is cut where it crosses the box (Liang–Barsky), so its visible part is exactly the same; a
 * filled shape is intersected with the box.
 */
final class PdfShapeClip extends PdfBoxGraphics2DDrawControlDefault {
  /** Half-width of the box, in user-space units (pixels of the chart): 10⁴ times the plot size. */
  static final double LIMIT = 1e7;
  private static final Rectangle2D BOX = new Rectangle2D.Double(-LIMIT, -LIMIT, 2 * LIMIT, 2 * LIMIT);
  /** Curves are flattened to lines within this distance (user units) when a shape must be cut. */
  private static final double FLATNESS = 0.01;

  static final PdfShapeClip INSTANCE = new PdfShapeClip();

  private PdfShapeClip() {}

  @Override
  public Shape transformShapeBeforeFill(Shape shape, IDrawControlEnv env) {
    if (inside(shape)) {
      return shape;
    }
    Area a = new Area(shape);
    a.intersect(new Area(BOX));
    return a;
  }

  @Override
  public Shape transformShapeBeforeDraw(Shape shape, IDrawControlEnv env) {
    return inside(shape) ? shape : clipLines(shape);
  }

  private static boolean inside(Shape shape) {
    return BOX.contains(shape.getBounds2D());
  }

  /** The outline of {@code shape} (curves flattened) cut to the box. */
  static Path2D clipLines(Shape shape) {
    Path2D.Double out = new Path2D.Double();
    double[] c = new double[6];
    double startX = 0;
    double startY = 0;
    double x = 0;
    double y = 0;
    boolean penDown = false; // whether the output path's current point is (x, y)
    for (PathIterator it = shape.getPathIterator(null, FLATNESS); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      if (type == PathIterator.SEG_MOVETO) {
        startX = c[0];
        startY = c[1];
        x = c[0];
        y = c[1];
        penDown = false;
        continue;
      }
      double toX = type == PathIterator.SEG_CLOSE ? startX : c[0];
      double toY = type == PathIterator.SEG_CLOSE ? startY : c[1];
      penDown = segment(out, x, y, toX, toY, penDown);
      x = toX;
      y = toY;
    }
    return out;
  }

  /**
   * Appends the part of the segment inside the box (Liang–Barsky).
   *
   * @return whether the path now ends at the segment's end point
   */
  private static boolean segment(Path2D out, double x0, double y0, double x1, double y1, boolean penDown) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double[] t = {0, 1};
    if (!(clipT(-dx, x0 + LIMIT, t) && clipT(dx, LIMIT - x0, t) && clipT(-dy, y0 + LIMIT, t)
        && clipT(dy, LIMIT - y0, t))) {
      return false;
    }
    if (!penDown || t[0] > 0) {
      out.moveTo(x0 + t[0] * dx, y0 + t[0] * dy);
    }
    out.lineTo(x0 + t[1] * dx, y0 + t[1] * dy);
    return t[1] == 1;
  }

  /** One Liang–Barsky boundary test; narrows {@code t}; false when the segment is outside. */
  private static boolean clipT(double p, double q, double[] t) {
    if (p == 0) {
      return q >= 0;
    }
    double r = q / p;
    if (p < 0) {
      if (r > t[1]) {
        return false;
      }
      t[0] = Math.max(t[0], r);
    } else {
      if (r < t[0]) {
        return false;
      }
      t[1] = Math.min(t[1], r);
    }
    return true;
  }
}
