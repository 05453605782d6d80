package org.cevns.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/** {@link Canvas} on a Java2D graphics context (antialiased, fractional font metrics). */
final class Java2dCanvas implements Canvas {
  private final Graphics2D g;
  private final Deque<Shape> clips = new ArrayDeque<>();

  Java2dCanvas(Graphics2D g) {
    this.g = g;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  private static Color color(Rgb c, double alpha) {
    return new Color(c.red(), c.green(), c.blue(), (int) Math.round(255 * alpha));
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Rgb color, double alpha) {
    g.setColor(color(color, alpha));
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void polyline(double[] xs, double[] ys, Style style) {
    if (xs.length < 2) {
      return;
    }
    double[] dash = Strokes.pattern(style);
    float[] f = null;
    if (dash != null) {
      f = new float[] {(float) dash[0], (float) dash[1]};
    }
    int cap = Strokes.roundCap(style) ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT;
    g.setStroke(new BasicStroke((float) style.widthPx(), cap, BasicStroke.JOIN_MITER, 10f, f, 0f));
    g.setColor(color(style.color(), 1));
    g.draw(path(xs, ys, false));
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, Rgb color, double alpha) {
    if (xs.length < 3) {
      return;
    }
    g.setColor(color(color, alpha));
    g.fill(path(xs, ys, true));
  }

  private static Path2D path(double[] xs, double[] ys, boolean close) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      p.lineTo(xs[i], ys[i]);
    }
    if (close) {
      p.closePath();
    }
    return p;
  }

  @Override
  public void fillCircle(double cx, double cy, double r, Rgb color) {
    g.setColor(color(color, 1));
    g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
  }

  @Override
  public void text(RichText text, double x, double y, double sizePx, boolean bold, Anchor anchor,
      double rotationDeg, Rgb color) {
    double w = TextMetrics.width(text, sizePx, bold);
    double start = switch (anchor) {
      case START -> x;
      case MIDDLE -> x - 0.5 * w;
      case END -> x - w;
    };
    AffineTransform saved = g.getTransform();
    if (rotationDeg != 0) {
      g.rotate(Math.toRadians(rotationDeg), x, y);
    }
    g.setColor(color(color, 1));
    double cx = start;
    for (RichText.Run run : text.runs()) {
      double size = sizePx * run.script().scale();
      g.setFont(TextMetrics.font(size, bold));
      g.drawString(run.text(), (float) cx, (float) (y + run.script().shift() * sizePx));
      cx += TextMetrics.width(run.text(), size, bold);
    }
    g.setTransform(saved);
  }

  @Override
  public void pushClip(double x, double y, double w, double h) {
    clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
    g.clip(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void popClip() {
    g.setClip(clips.pop());
  }
}
