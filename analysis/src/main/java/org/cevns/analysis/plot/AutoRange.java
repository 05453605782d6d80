package org.cevns.analysis.plot;

/**
 * Automatic axis ranges from the data of the series. x: exact data extent (padded 4 % when only
 * points define it); y: 5 % margins, zero included for histograms and bands (and when the minimum is
 * below a quarter of the maximum), widened to tick multiples (linear) or whole decades (log, no lower
 * margin under histograms and bands); a residual panel is symmetric about zero. Fixed axis limits
 * always win.
 */
final class AutoRange {
  private static final double MARGIN = 0.05;
  private static final double POINTS_PAD = 0.04;
  /** Automatic ends are rounded to a step fine enough for this many ticks (small panels too). */
  private static final int ROUNDING_TICKS = 5;

  private AutoRange() {}

  /** Running min/max of finite values (positive only on a log axis). */
  private static final class Extent {
    private final boolean log;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;

    Extent(boolean log) {
      this.log = log;
    }

    void add(double v) {
      if (Double.isFinite(v) && (!log || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }

    boolean empty() {
      return lo > hi;
    }
  }

  static double[] x(Plot plot) {
    Axis axis = plot.x();
    Extent e = new Extent(axis.isLog());
    boolean pointsOnly = true;
    for (Panel panel : plot.lowerPanel().isPresent()
        ? java.util.List.of(plot.main(), plot.lower()) : java.util.List.of(plot.main())) {
      for (Series s : panel.series()) {
        if (s instanceof StepHistogram h) {
          e.add(h.edges()[0]);
          e.add(h.edges()[h.bins()]);
          pointsOnly = false;
        } else if (s instanceof Points p) {
          double[] x = p.x();
          double[] dx = p.xErr();
          for (int i = 0; i < x.length; i++) {
            e.add(dx == null ? x[i] : x[i] - dx[i]);
            e.add(dx == null ? x[i] : x[i] + dx[i]);
          }
        } else if (s instanceof Line l) {
          addAll(e, l.x());
          pointsOnly = false;
        } else if (s instanceof Band b) {
          addAll(e, b.x());
          pointsOnly = false;
        } else if (s instanceof VLine v) {
          e.add(v.x());
        } else if (s instanceof VSpan v) {
          e.add(v.xMin());
          e.add(v.xMax());
          pointsOnly = false;
        }
      }
    }
    double lo = e.empty() ? (axis.isLog() ? 1 : 0) : e.lo;
    double hi = e.empty() ? (axis.isLog() ? 10 : 1) : e.hi;
    double[] r = widenDegenerate(lo, hi, axis.isLog());
    if (pointsOnly && !e.empty()) {
      r = pad(r, POINTS_PAD, POINTS_PAD, axis.isLog());
    }
    return fixed(r, axis);
  }

  /**
   * @param reserveTop fraction of the panel height to keep free of data at the top (for a legend)
   */
  static double[] y(Panel panel, boolean residual, int maxTicks, double reserveTop) {
    Axis axis = panel.y();
    boolean log = axis.isLog();
    Extent e = new Extent(log);
    boolean area = false;
    for (Series s : panel.series()) {
      if (s instanceof StepHistogram h) {
        addWithErrors(e, h.contents(), h.errors(), h.errors(), log);
        area = true;
      } else if (s instanceof Points p) {
        addWithErrors(e, p.y(), p.yErrLow(), p.yErrHigh(), log);
      } else if (s instanceof Line l) {
        addAll(e, l.y());
      } else if (s instanceof Band b) {
        addAll(e, b.low());
        addAll(e, b.high());
        area = true;
      } else if (s instanceof HLine h) {
        e.add(h.y());
      }
    }
    double lo = e.empty() ? (log ? 1 : 0) : e.lo;
    double hi = e.empty() ? (log ? 10 : 1) : e.hi;
    double f = Math.min(Math.max(reserveTop, 0), 0.6);
    double[] r;
    if (log) {
      r = widenDegenerate(lo, hi, true);
      double l0 = Math.log10(r[0]);
      double l1 = Math.log10(r[1]);
      l1 = l0 + (l1 - l0) / (1 - f);
      // histograms and bands are filled down to the frame: no margin needed below them
      r = pad(new double[] {r[0], Math.pow(10, l1)}, area ? 0 : MARGIN, MARGIN, true);
      r = Ticks.niceLogRange(r[0], r[1]);
    } else if (residual) {
      double m = Math.max(Math.abs(lo), Math.abs(hi)) * 1.15;
      if (f > 0 && f < 0.45) {
        m = Math.max(m, hi / (1 - 2 * f));
      }
      m = m > 0 ? m : 1;
      r = Ticks.niceLinearRange(-m, m, Math.max(ROUNDING_TICKS, maxTicks));
    } else {
      boolean zeroLow = lo >= 0 && (area || lo <= 0.25 * hi);
      boolean zeroHigh = hi <= 0 && (area || hi >= 0.25 * lo);
      if (zeroLow) {
        lo = 0;
      }
      if (zeroHigh) {
        hi = 0;
      }
      r = widenDegenerate(lo, hi, false);
      r[1] = r[0] + (r[1] - r[0]) / (1 - f);
      r = pad(r, zeroLow ? 0 : MARGIN, zeroHigh && f == 0 ? 0 : MARGIN, false);
      r = Ticks.niceLinearRange(r[0], r[1], Math.max(ROUNDING_TICKS, maxTicks));
    }
    return fixed(r, axis);
  }

  private static void addAll(Extent e, double[] values) {
    for (double v : values) {
      e.add(v);
    }
  }

  private static void addWithErrors(Extent e, double[] v, double[] low, double[] high, boolean log) {
    for (int i = 0; i < v.length; i++) {
      e.add(v[i]);
      if (low != null) {
        double down = v[i] - low[i];
        e.add(log && down <= 0 ? v[i] : down);
        e.add(v[i] + high[i]);
      }
    }
  }

  private static double[] widenDegenerate(double lo, double hi, boolean log) {
    if (lo < hi) {
      return new double[] {lo, hi};
    }
    if (log) {
      return new double[] {lo / 10, hi * 10};
    }
    double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
    return new double[] {lo - d, hi + d};
  }

  private static double[] pad(double[] r, double below, double above, boolean log) {
    if (log) {
      double l0 = Math.log10(r[0]);
      double l1 = Math.log10(r[1]);
      double span = l1 - l0;
      return new double[] {Math.pow(10, l0 - below * span), Math.pow(10, l1 + above * span)};
    }
    double span = r[1] - r[0];
    return new double[] {r[0] - below * span, r[1] + above * span};
  }

  /** Applies the axis' fixed limits; an automatic end that would cross a fixed one is moved past it. */
  private static double[] fixed(double[] r, Axis axis) {
    double lo = Double.isNaN(axis.min()) ? r[0] : axis.min();
    double hi = Double.isNaN(axis.max()) ? r[1] : axis.max();
    if (!(lo < hi)) {
      if (Double.isNaN(axis.max())) {
        hi = axis.isLog() ? lo * 10 : lo + Math.max(1, Math.abs(lo));
      } else {
        lo = axis.isLog() ? hi / 10 : hi - Math.max(1, Math.abs(hi));
      }
    }
    return new double[] {lo, hi};
  }
}
