package org.cevns.analysis.plot;

import static org.cevns.analysis.plot.PlotLayout.BOX_PAD_PX;
import static org.cevns.analysis.plot.PlotLayout.GLYPH_W_PX;
import static org.cevns.analysis.plot.PlotLayout.LABEL_GAP_PX;
import static org.cevns.analysis.plot.PlotLayout.LABEL_PX;
import static org.cevns.analysis.plot.PlotLayout.LEGEND_PX;
import static org.cevns.analysis.plot.PlotLayout.MINOR_LEN_PX;
import static org.cevns.analysis.plot.PlotLayout.PAD_PX;
import static org.cevns.analysis.plot.PlotLayout.TAG_PX;
import static org.cevns.analysis.plot.PlotLayout.TICK_GAP_PX;
import static org.cevns.analysis.plot.PlotLayout.TICK_LEN_PX;
import static org.cevns.analysis.plot.PlotLayout.TICK_PX;
import static org.cevns.analysis.plot.PlotLayout.TITLE_PX;

import java.util.List;
import org.cevns.analysis.plot.Canvas.Anchor;
import org.cevns.analysis.plot.PlotLayout.PanelLayout;

/** Paints a laid-out plot on any {@link Canvas}: the one drawing routine behind PNG and SVG. */
final class PlotPainter {
  private static final Rgb AXIS = Rgb.BLACK;
  private static final double FRAME_W = 1.4;
  private static final double TICK_W = 1.2;

  private final PlotLayout layout;
  private final Canvas c;
  private final double s;

  private PlotPainter(PlotLayout layout, Canvas canvas) {
    this.layout = layout;
    this.c = canvas;
    this.s = layout.scale();
  }

  static void paint(PlotLayout layout, Canvas canvas) {
    new PlotPainter(layout, canvas).paint();
  }

  private void paint() {
    Plot plot = layout.plot();
    c.fillRect(0, 0, plot.widthPx(), plot.heightPx(), Rgb.WHITE, 1);
    Frame mf = layout.mainFrame();
    if (!plot.title().isEmpty()) {
      double room = plot.widthPx() - 2 * s * PAD_PX;
      RichText title = PlotLayout.fitted(RichText.parse(plot.title()), s * TITLE_PX, room, true);
      double size = PlotLayout.fittedSize(RichText.parse(plot.title()), s * TITLE_PX, room, true);
      double cx = mf.left() + 0.5 * mf.width();
      double half = 0.5 * TextMetrics.width(title, size, true);
      cx = Math.max(half + s * PAD_PX, Math.min(plot.widthPx() - half - s * PAD_PX, cx));
      c.text(title, cx, s * PAD_PX + TextMetrics.ascent(size), size, true, Anchor.MIDDLE, 0, AXIS);
    }
    PanelLayout main = layout.mainLayout();
    PanelLayout lower = layout.lowerLayout().orElse(null);
    panel(main, lower == null);
    if (lower != null) {
      panel(lower, true);
    }
    Frame bottom = lower == null ? mf : lower.frame();
    if (!plot.x().label().isEmpty()) {
      double size = s * LABEL_PX;
      double y = bottom.bottom() + s * TICK_GAP_PX + PlotLayout.tickLabelHeight(s) + s * LABEL_GAP_PX
          + TextMetrics.ascent(size);
      RichText label = RichText.parse(plot.x().label());
      c.text(PlotLayout.fitted(label, size, bottom.width(), false), bottom.left() + 0.5 * bottom.width(),
          y, PlotLayout.fittedSize(label, size, bottom.width(), false), false, Anchor.MIDDLE, 0, AXIS);
    }
  }

  private void panel(PanelLayout pl, boolean xLabels) {
    Frame f = pl.frame();
    c.pushClip(f.left(), f.top(), f.width(), f.height());
    for (Series series : pl.panel().series()) {
      draw(series, f);
    }
    c.popClip();
    c.polyline(new double[] {f.left(), f.right(), f.right(), f.left(), f.left()},
        new double[] {f.top(), f.top(), f.bottom(), f.bottom(), f.top()},
        new Style(AXIS, FRAME_W * s, Style.Dash.SOLID));
    xTicks(f, xLabels);
    yTicks(f, pl.yTicks());
    String yLabel = pl.panel().y().label();
    if (!yLabel.isEmpty()) {
      double size = s * LABEL_PX;
      RichText text = PlotLayout.fitted(RichText.parse(yLabel), size, f.height(), false);
      double fontSize = PlotLayout.fittedSize(RichText.parse(yLabel), size, f.height(), false);
      c.text(text, s * PAD_PX + TextMetrics.ascent(size), f.top() + 0.5 * f.height(),
          fontSize, false, Anchor.MIDDLE, -90, AXIS);
    }
    List<Series> all = pl.panel().series();
    for (var entry : pl.tags().entrySet()) {
      Series series = all.get(entry.getKey());
      if (series instanceof HLine h) {
        tag(h.tag(), entry.getValue(), h.style().color());
      } else if (series instanceof VLine v) {
        tag(v.tag(), entry.getValue(), v.style().color());
      }
    }
    if (pl.legend() != null) {
      legend(pl.legend(), pl.legendEntries());
    }
    if (pl.notes() != null) {
      notes(pl.notes(), pl.panel().notes());
    }
  }

  private void tag(String text, Box box, Rgb color) {
    double size = s * TAG_PX;
    c.text(RichText.parse(text), box.x(), box.y() + 0.15 * size + TextMetrics.capHeight(size), size,
        false, Anchor.START, 0, color);
  }

  private void xTicks(Frame f, boolean labels) {
    TickSet t = layout.xTicks();
    Style major = new Style(AXIS, TICK_W * s, Style.Dash.SOLID);
    for (double v : t.minor()) {
      double x = f.px(v);
      c.polyline(new double[] {x, x}, new double[] {f.bottom(), f.bottom() - s * MINOR_LEN_PX}, major);
      c.polyline(new double[] {x, x}, new double[] {f.top(), f.top() + s * MINOR_LEN_PX}, major);
    }
    double[] v = t.major();
    double size = s * TICK_PX;
    boolean sup = t.labels().stream().anyMatch(l -> l.contains("^{"));
    double base = f.bottom() + s * TICK_GAP_PX + TextMetrics.capHeight(size) + (sup ? 0.25 * size : 0);
    for (int i = 0; i < v.length; i++) {
      double x = f.px(v[i]);
      c.polyline(new double[] {x, x}, new double[] {f.bottom(), f.bottom() - s * TICK_LEN_PX}, major);
      c.polyline(new double[] {x, x}, new double[] {f.top(), f.top() + s * TICK_LEN_PX}, major);
      if (labels) {
        c.text(RichText.parse(t.labels().get(i)), x, base, size, false, Anchor.MIDDLE, 0, AXIS);
      }
    }
  }

  private void yTicks(Frame f, TickSet t) {
    Style major = new Style(AXIS, TICK_W * s, Style.Dash.SOLID);
    for (double v : t.minor()) {
      double y = f.py(v);
      c.polyline(new double[] {f.left(), f.left() + s * MINOR_LEN_PX}, new double[] {y, y}, major);
      c.polyline(new double[] {f.right(), f.right() - s * MINOR_LEN_PX}, new double[] {y, y}, major);
    }
    double[] v = t.major();
    double size = s * TICK_PX;
    double cap = TextMetrics.capHeight(size);
    for (int i = 0; i < v.length; i++) {
      double y = f.py(v[i]);
      c.polyline(new double[] {f.left(), f.left() + s * TICK_LEN_PX}, new double[] {y, y}, major);
      c.polyline(new double[] {f.right(), f.right() - s * TICK_LEN_PX}, new double[] {y, y}, major);
      c.text(RichText.parse(t.labels().get(i)), f.left() - s * TICK_GAP_PX, y + 0.5 * cap, size, false,
          Anchor.END, 0, AXIS);
    }
  }

  private Style scaled(Style st) {
    return st.withWidth(st.widthPx() * s);
  }

  private void draw(Series series, Frame f) {
    if (series instanceof StepHistogram h) {
      histogram(h, f);
    } else if (series instanceof Points p) {
      points(p, f);
    } else if (series instanceof Line l) {
      double[] x = l.x();
      double[] y = l.y();
      double[] px = new double[x.length];
      double[] py = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        px[i] = f.px(x[i]);
        py[i] = f.py(y[i]);
      }
      c.polyline(px, py, scaled(l.style()));
    } else if (series instanceof Band b) {
      double[] x = b.x();
      double[] lo = b.low();
      double[] hi = b.high();
      int n = x.length;
      double[] px = new double[2 * n];
      double[] py = new double[2 * n];
      for (int i = 0; i < n; i++) {
        px[i] = f.px(x[i]);
        py[i] = f.py(hi[i]);
        px[2 * n - 1 - i] = f.px(x[i]);
        py[2 * n - 1 - i] = f.py(lo[i]);
      }
      c.fillPolygon(px, py, b.color(), b.alpha());
    } else if (series instanceof HLine h) {
      double y = f.py(h.y());
      c.polyline(new double[] {f.left(), f.right()}, new double[] {y, y}, scaled(h.style()));
    } else if (series instanceof VLine v) {
      double x = f.px(v.x());
      c.polyline(new double[] {x, x}, new double[] {f.top(), f.bottom()}, scaled(v.style()));
    } else if (series instanceof VSpan v) {
      double x0 = Math.max(f.left() - 1, f.px(v.xMin()));
      double x1 = Math.min(f.right() + 1, f.px(v.xMax()));
      if (x1 > x0) {
        c.fillRect(x0, f.top(), x1 - x0, f.height(), v.color(), v.alpha());
      }
    }
  }

  private void histogram(StepHistogram h, Frame f) {
    double[] e = h.edges();
    double[] v = h.contents();
    int n = v.length;
    double base = PlotLayout.histogramBase(f);
    double[] px = new double[2 * n + 2];
    double[] py = new double[2 * n + 2];
    px[0] = f.px(e[0]);
    py[0] = base;
    for (int i = 0; i < n; i++) {
      px[2 * i + 1] = f.px(e[i]);
      py[2 * i + 1] = f.py(v[i]);
      px[2 * i + 2] = f.px(e[i + 1]);
      py[2 * i + 2] = f.py(v[i]);
    }
    px[2 * n + 1] = f.px(e[n]);
    py[2 * n + 1] = base;
    if (h.fillAlpha() > 0) {
      c.fillPolygon(px, py, h.style().color(), h.fillAlpha());
    }
    c.polyline(px, py, scaled(h.style()));
    double[] err = h.errors();
    if (err != null) {
      Style es = scaled(h.style().withWidth(Math.min(h.style().widthPx(), 1.5)));
      es = new Style(es.color(), es.widthPx(), Style.Dash.SOLID);
      for (int i = 0; i < n; i++) {
        double x = f.px(0.5 * (e[i] + e[i + 1]));
        c.polyline(new double[] {x, x}, new double[] {f.py(v[i] - err[i]), f.py(v[i] + err[i])}, es);
      }
    }
  }

  private void points(Points p, Frame f) {
    double[] x = p.x();
    double[] y = p.y();
    double[] lo = p.yErrLow();
    double[] hi = p.yErrHigh();
    double[] dx = p.xErr();
    Style es = new Style(p.color(), 1.6 * s, Style.Dash.SOLID);
    for (int i = 0; i < x.length; i++) {
      double cx = f.px(x[i]);
      double cy = f.py(y[i]);
      if (lo != null && (lo[i] > 0 || hi[i] > 0)) {
        c.polyline(new double[] {cx, cx}, new double[] {f.py(y[i] - lo[i]), f.py(y[i] + hi[i])}, es);
      }
      if (dx != null && dx[i] > 0) {
        c.polyline(new double[] {f.px(x[i] - dx[i]), f.px(x[i] + dx[i])}, new double[] {cy, cy}, es);
      }
      if (p.markerRadiusPx() > 0) {
        c.fillCircle(cx, cy, p.markerRadiusPx() * s, p.color());
      }
    }
  }

  private void legend(Box box, List<Series> entries) {
    frameBox(box);
    double size = s * LEGEND_PX;
    double row = PlotLayout.rowHeight(s);
    double cap = TextMetrics.capHeight(size);
    double first = box.y() + s * BOX_PAD_PX + 0.5 * PlotLayout.textHeight(size);
    for (int i = 0; i < entries.size(); i++) {
      double cy = first + i * row;
      double gx = box.x() + s * BOX_PAD_PX;
      glyph(entries.get(i), gx, cy, s * GLYPH_W_PX, 0.7 * PlotLayout.textHeight(size));
      c.text(RichText.parse(entries.get(i).label()), gx + s * GLYPH_W_PX + s * BOX_PAD_PX,
          cy + 0.5 * cap, size, false, Anchor.START, 0, AXIS);
    }
  }

  private void notes(Box box, List<String> lines) {
    frameBox(box);
    double size = s * LEGEND_PX;
    double row = PlotLayout.rowHeight(s);
    double first = box.y() + s * BOX_PAD_PX + TextMetrics.ascent(size);
    for (int i = 0; i < lines.size(); i++) {
      c.text(RichText.parse(lines.get(i)), box.x() + s * BOX_PAD_PX, first + i * row, size, false,
          Anchor.START, 0, AXIS);
    }
  }

  private void frameBox(Box box) {
    c.fillRect(box.x(), box.y(), box.w(), box.h(), Rgb.WHITE, 0.85);
    c.polyline(new double[] {box.x(), box.right(), box.right(), box.x(), box.x()},
        new double[] {box.y(), box.y(), box.bottom(), box.bottom(), box.y()},
        new Style(Rgb.LIGHT_GREY, 1.0 * s, Style.Dash.SOLID));
  }

  private void glyph(Series e, double x, double cy, double w, double h) {
    double mid = x + 0.5 * w;
    if (e instanceof StepHistogram hist) {
      if (hist.fillAlpha() > 0) {
        c.fillRect(x, cy - 0.5 * h, w, h, hist.style().color(), hist.fillAlpha());
        Style st = scaled(hist.style());
        c.polyline(new double[] {x, x + w, x + w, x, x},
            new double[] {cy - 0.5 * h, cy - 0.5 * h, cy + 0.5 * h, cy + 0.5 * h, cy - 0.5 * h}, st);
      } else {
        c.polyline(new double[] {x, x + w}, new double[] {cy, cy}, scaled(hist.style()));
      }
    } else if (e instanceof Points p) {
      Style es = new Style(p.color(), 1.6 * s, Style.Dash.SOLID);
      if (p.yErrLow() != null) {
        c.polyline(new double[] {mid, mid}, new double[] {cy - 0.6 * h, cy + 0.6 * h}, es);
      }
      if (p.xErr() != null) {
        c.polyline(new double[] {x + 0.2 * w, x + 0.8 * w}, new double[] {cy, cy}, es);
      }
      c.fillCircle(mid, cy, Math.max(p.markerRadiusPx(), 2) * s, p.color());
    } else if (e instanceof Line l) {
      c.polyline(new double[] {x, x + w}, new double[] {cy, cy}, scaled(l.style()));
    } else if (e instanceof HLine l) {
      c.polyline(new double[] {x, x + w}, new double[] {cy, cy}, scaled(l.style()));
    } else if (e instanceof VLine l) {
      c.polyline(new double[] {mid, mid}, new double[] {cy - 0.6 * h, cy + 0.6 * h}, scaled(l.style()));
    } else if (e instanceof Band b) {
      c.fillRect(x, cy - 0.5 * h, w, h, b.color(), b.alpha());
    } else if (e instanceof VSpan v) {
      c.fillRect(x, cy - 0.5 * h, w, h, v.color(), Math.max(v.alpha(), 0.25));
    }
  }
}
