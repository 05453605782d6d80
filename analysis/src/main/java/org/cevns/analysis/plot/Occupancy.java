package org.cevns.analysis.plot;

/**
 * A coarse raster of the pixels of a panel covered by data (areas under histograms and bands, lines,
 * markers, error bars, horizontal reference lines), used to put line tags, the legend and the notes
 * where they hide the least. Shaded spans and vertical lines are background and do not count.
 */
final class Occupancy {
  private final Frame frame;
  private final double cell;
  private final int cols;
  private final int rows;
  private final boolean[] grid;

  Occupancy(Frame frame, double cellPx) {
    this.frame = frame;
    this.cell = cellPx;
    this.cols = (int) Math.ceil(frame.width() / cellPx);
    this.rows = (int) Math.ceil(frame.height() / cellPx);
    this.grid = new boolean[cols * rows];
  }

  /** Marks every series of the panel as drawn on this frame. */
  static Occupancy of(Panel panel, Frame f, double scale) {
    Occupancy o = new Occupancy(f, Math.max(2, 4 * scale));
    double lw = 2 * scale;
    for (Series s : panel.series()) {
      if (s instanceof StepHistogram h) {
        double[] e = h.edges();
        double[] c = h.contents();
        double[] err = h.errors();
        double base = PlotLayout.histogramBase(f);
        for (int i = 0; i < c.length; i++) {
          o.markRect(f.px(e[i]), f.py(c[i]), f.px(e[i + 1]), base);
          if (err != null) {
            double xc = f.px(0.5 * (e[i] + e[i + 1]));
            o.markSegment(xc, f.py(c[i] - err[i]), xc, f.py(c[i] + err[i]), lw);
          }
        }
      } else if (s instanceof Points p) {
        double[] x = p.x();
        double[] y = p.y();
        double[] lo = p.yErrLow();
        double[] hi = p.yErrHigh();
        double[] dx = p.xErr();
        double r = p.markerRadiusPx() * scale + lw;
        for (int i = 0; i < x.length; i++) {
          double cx = f.px(x[i]);
          double cy = f.py(y[i]);
          o.markRect(cx - r, cy - r, cx + r, cy + r);
          if (lo != null) {
            o.markSegment(cx, f.py(y[i] - lo[i]), cx, f.py(y[i] + hi[i]), lw);
          }
          if (dx != null) {
            o.markSegment(f.px(x[i] - dx[i]), cy, f.px(x[i] + dx[i]), cy, lw);
          }
        }
      } else if (s instanceof Line l) {
        double[] x = l.x();
        double[] y = l.y();
        for (int i = 1; i < x.length; i++) {
          o.markSegment(f.px(x[i - 1]), f.py(y[i - 1]), f.px(x[i]), f.py(y[i]), lw);
        }
      } else if (s instanceof Band b) {
        double[] x = b.x();
        double[] lo = b.low();
        double[] hi = b.high();
        for (int i = 1; i < x.length; i++) {
          o.markRect(f.px(x[i - 1]), Math.min(f.py(hi[i - 1]), f.py(hi[i])), f.px(x[i]),
              Math.max(f.py(lo[i - 1]), f.py(lo[i])));
        }
      } else if (s instanceof HLine h) {
        o.markSegment(f.left(), f.py(h.y()), f.right(), f.py(h.y()), lw);
      }
    }
    return o;
  }

  void markBox(Box b) {
    markRect(b.x(), b.y(), b.right(), b.bottom());
  }

  void markRect(double x0, double y0, double x1, double y1) {
    int c0 = col(Math.min(x0, x1));
    int c1 = col(Math.max(x0, x1));
    int r0 = row(Math.min(y0, y1));
    int r1 = row(Math.max(y0, y1));
    if (c1 < 0 || r1 < 0 || c0 >= cols || r0 >= rows) {
      return;
    }
    for (int r = Math.max(r0, 0); r <= Math.min(r1, rows - 1); r++) {
      for (int c = Math.max(c0, 0); c <= Math.min(c1, cols - 1); c++) {
        grid[r * cols + c] = true;
      }
    }
  }

  /** Marks a thick segment, clipped to the frame first (Liang-Barsky). */
  void markSegment(double x0, double y0, double x1, double y1, double halfWidth) {
    double[] t = {0, 1};
    double dx = x1 - x0;
    double dy = y1 - y0;
    if (!clip(-dx, x0 - frame.left(), t) || !clip(dx, frame.right() - x0, t)
        || !clip(-dy, y0 - frame.top(), t) || !clip(dy, frame.bottom() - y0, t)) {
      return;
    }
    double ax = x0 + t[0] * dx;
    double ay = y0 + t[0] * dy;
    double bx = x0 + t[1] * dx;
    double by = y0 + t[1] * dy;
    double len = Math.hypot(bx - ax, by - ay);
    int n = Math.max(1, (int) Math.ceil(len / (cell / 2)));
    for (int i = 0; i <= n; i++) {
      double px = ax + (bx - ax) * i / n;
      double py = ay + (by - ay) * i / n;
      markRect(px - halfWidth, py - halfWidth, px + halfWidth, py + halfWidth);
    }
  }

  private static boolean clip(double p, double q, double[] t) {
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

  /** Number of covered cells inside the box. */
  int count(Box b) {
    int n = 0;
    int c0 = Math.max(col(b.x()), 0);
    int c1 = Math.min(col(b.right()), cols - 1);
    int r0 = Math.max(row(b.y()), 0);
    int r1 = Math.min(row(b.bottom()), rows - 1);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        if (grid[r * cols + c]) {
          n++;
        }
      }
    }
    return n;
  }

  private int col(double x) {
    return (int) Math.floor((x - frame.left()) / cell);
  }

  private int row(double y) {
    return (int) Math.floor((y - frame.top()) / cell);
  }
}
