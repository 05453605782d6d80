package org.cevns.analysis.plot;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@link Canvas} writing SVG 1.1 elements into a string. */
final class SvgCanvas implements Canvas {
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Deque<Integer> clips = new ArrayDeque<>();
  private int nextClip;

  SvgCanvas(int width, int height, String title) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" font-family=\"sans-serif\" xml:space=\"preserve\">\n");
    if (!title.isEmpty()) {
      out.append("<title>").append(escape(RichText.parse(title).plainText())).append("</title>\n");
    }
  }

  String finish() {
    while (!clips.isEmpty()) {
      popClip();
    }
    out.append("</svg>\n");
    return out.toString();
  }

  /** Pixel coordinate with at most two decimals, no exponent. */
  static String num(double v) {
    long r = Math.round(v * 100);
    StringBuilder sb = new StringBuilder();
    if (r < 0) {
      sb.append('-');
      r = -r;
    }
    sb.append(r / 100);
    long frac = r % 100;
    if (frac != 0) {
      sb.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        sb.append(frac % 10);
      }
    }
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\t') {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }

  private void fill(Rgb color, double alpha) {
    out.append(" fill=\"").append(color.hex()).append('"');
    if (alpha < 1) {
      out.append(" fill-opacity=\"").append(num(alpha)).append('"');
    }
  }

  private void points(double[] xs, double[] ys) {
    out.append(" points=\"");
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(num(xs[i])).append(',').append(num(ys[i]));
    }
    out.append('"');
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Rgb color, double alpha) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
        .append(num(w)).append("\" height=\"").append(num(h)).append('"');
    fill(color, alpha);
    out.append("/>\n");
  }

  @Override
  public void polyline(double[] xs, double[] ys, Style style) {
    if (xs.length < 2) {
      return;
    }
    out.append("<polyline");
    points(xs, ys);
    out.append(" fill=\"none\" stroke=\"").append(style.color().hex()).append("\" stroke-width=\"")
        .append(num(style.widthPx())).append("\" stroke-linejoin=\"miter\"");
    double[] dash = Strokes.pattern(style);
    if (dash != null) {
      out.append(" stroke-dasharray=\"").append(num(dash[0])).append(',').append(num(dash[1])).append('"');
    }
    if (Strokes.roundCap(style)) {
      out.append(" stroke-linecap=\"round\"");
    }
    out.append("/>\n");
  }

  @Override
  public void fillPolygon(double[] xs, double[] ys, Rgb color, double alpha) {
    if (xs.length < 3) {
      return;
    }
    out.append("<polygon");
    points(xs, ys);
    fill(color, alpha);
    out.append("/>\n");
  }

  @Override
  public void fillCircle(double cx, double cy, double r, Rgb color) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
        .append(num(r)).append('"');
    fill(color, 1);
    out.append("/>\n");
  }

  @Override
  public void text(RichText text, double x, double y, double sizePx, boolean bold, Anchor anchor,
      double rotationDeg, Rgb color) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
        .append(num(sizePx)).append('"');
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    if (anchor != Anchor.START) {
      out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
    }
    if (!color.equals(Rgb.BLACK)) {
      out.append(" fill=\"").append(color.hex()).append('"');
    }
    if (rotationDeg != 0) {
      out.append(" transform=\"rotate(").append(num(rotationDeg)).append(' ').append(num(x)).append(' ')
          .append(num(y)).append(")\"");
    }
    out.append('>');
    double shift = 0;
    for (RichText.Run run : text.runs()) {
      if (run.script() == RichText.Script.NORMAL && shift == 0) {
        out.append(escape(run.text()));
        continue;
      }
      double target = run.script().shift() * sizePx;
      out.append("<tspan");
      if (target != shift) {
        out.append(" dy=\"").append(num(target - shift)).append('"');
      }
      if (run.script() != RichText.Script.NORMAL) {
        out.append(" font-size=\"").append(num(sizePx * run.script().scale())).append('"');
      }
      out.append('>').append(escape(run.text())).append("</tspan>");
      shift = target;
    }
    out.append("</text>\n");
  }

  @Override
  public void pushClip(double x, double y, double w, double h) {
    int id = nextClip++;
    out.append("<clipPath id=\"clip").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
        .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
        .append("\"/></clipPath>\n<g clip-path=\"url(#clip").append(id).append(")\">\n");
    clips.push(id);
  }

  @Override
  public void popClip() {
    clips.pop();
    out.append("</g>\n");
  }
}
