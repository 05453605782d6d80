package org.cevns.analysis.plot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The geometry of a {@link Plot}, computed once and shared by every renderer: margins that fit the
 * measured tick and axis labels, panel frames, ticks (no overlapping labels), legend and notes boxes
 * in the corner hiding the least data (the y range grows when no corner is free). All sizes scale
 * with {@code min(width/1000, height/700)}.
 */
public final class PlotLayout {
  static final double TITLE_PX = 22;
  static final double LABEL_PX = 19;
  static final double TICK_PX = 16;
  static final double LEGEND_PX = 16;
  static final double TAG_PX = 14;
  static final double PAD_PX = 14;
  static final double TICK_LEN_PX = 9;
  static final double MINOR_LEN_PX = 5;
  static final double TICK_GAP_PX = 6;
  static final double LABEL_GAP_PX = 10;
  static final double PANEL_GAP_PX = 14;
  static final double BOX_PAD_PX = 8;
  static final double BOX_INSET_PX = 10;
  static final double GLYPH_W_PX = 34;
  static final double ROW_FACTOR = 1.45;
  /** Fraction of the data height given to the lower panel. */
  public static final double LOWER_FRACTION = 0.3;

  /** Geometry of one panel. */
  record PanelLayout(Panel panel, Frame frame, TickSet yTicks, boolean residual,
      List<Series> legendEntries, Box legend, Box notes, Map<Integer, Box> tags, int legendHits,
      int notesHits) {}

  private final Plot plot;
  private final double scale;
  private final TickSet xTicks;
  private final PanelLayout main;
  private final PanelLayout lower;

  private PlotLayout(Plot plot, double scale, TickSet xTicks, PanelLayout main, PanelLayout lower) {
    this.plot = plot;
    this.scale = scale;
    this.xTicks = xTicks;
    this.main = main;
    this.lower = lower;
  }

  /**
   * Computes the layout.
   *
   * @param plot the plot
   * @return its layout
   */
  public static PlotLayout of(Plot plot) {
    Checks.notNull("plot", plot);
    double s = Math.min(plot.widthPx() / (double) Plot.DEFAULT_WIDTH_PX,
        plot.heightPx() / (double) Plot.DEFAULT_HEIGHT_PX);
    double w = plot.widthPx();
    double h = plot.heightPx();
    double top = s * PAD_PX + (plot.title().isEmpty() ? 0 : textHeight(s * TITLE_PX) + 0.6 * s * PAD_PX);
    double bottom = s * PAD_PX + tickLabelHeight(s) + s * TICK_GAP_PX
        + (plot.x().label().isEmpty() ? 0 : textHeight(s * LABEL_PX) + s * LABEL_GAP_PX);
    boolean two = plot.lower() != null;
    double dataH = h - top - bottom - (two ? s * PANEL_GAP_PX : 0);
    double mainH = two ? dataH * (1 - LOWER_FRACTION) : dataH;
    double lowerH = dataH - mainH;
    double lowerTop = top + mainH + s * PANEL_GAP_PX;
    double[] xRange = AutoRange.x(plot);
    List<Panel> panels = two ? List.of(plot.main(), plot.lower()) : List.of(plot.main());
    double[] heights = {mainH, lowerH};
    double[] tops = {top, lowerTop};
    double[] reserve = {0, 0};
    boolean yLabels = panels.stream().anyMatch(p -> !p.y().label().isEmpty());
    PlotLayout result = null;
    for (int pass = 0; pass < 3; pass++) {
      TickSet[] yTicks = new TickSet[panels.size()];
      double labelW = 0;
      for (int i = 0; i < panels.size(); i++) {
        yTicks[i] = yTicks(panels.get(i), i == 1, heights[i], reserve[i], s);
        for (String label : yTicks[i].labels()) {
          labelW = Math.max(labelW, TextMetrics.width(RichText.parse(label), s * TICK_PX, false));
        }
      }
      double left = s * PAD_PX + labelW + s * TICK_GAP_PX
          + (yLabels ? textHeight(s * LABEL_PX) + s * LABEL_GAP_PX : 0);
      double right = 1.5 * s * PAD_PX;
      TickSet xt = xTicks(plot.x(), xRange, w - left - right, s);
      double overhang = lastLabelOverhang(xt, plot.x().scale(), left, w - right, s);
      if (overhang > right) {
        right = overhang;
        xt = xTicks(plot.x(), xRange, w - left - right, s);
      }
      boolean grow = false;
      PanelLayout[] out = new PanelLayout[panels.size()];
      for (int i = 0; i < panels.size(); i++) {
        Panel p = panels.get(i);
        Frame f = new Frame(left, tops[i], w - left - right, heights[i], plot.x().scale(),
            xRange[0], xRange[1], p.y().scale(), yTicks[i].min(), yTicks[i].max());
        out[i] = Placement.panel(p, f, yTicks[i], i == 1, s);
        double need = Placement.neededReserve(out[i], s);
        if (need > 0 && pass < 2 && Double.isNaN(p.y().max())) {
          reserve[i] = Math.max(reserve[i] + 0.02, need);
          grow = true;
        }
      }
      result = new PlotLayout(plot, s, xt, out[0], two ? out[1] : null);
      if (!grow) {
        break;
      }
    }
    return result;
  }

  private static TickSet yTicks(Panel p, boolean residual, double heightPx, double reserve, double s) {
    int max = (int) Math.max(2, Math.min(10, Math.floor(heightPx / (2.6 * s * TICK_PX))));
    double[] r = AutoRange.y(p, residual, max, reserve);
    return ticks(p.y().scale(), r, max);
  }

  private static TickSet xTicks(Axis axis, double[] range, double widthPx, double s) {
    int max = (int) Math.max(2, Math.min(12, Math.floor(widthPx / (70 * s))));
    TickSet t = ticks(axis.scale(), range, max);
    while (max > 2 && overlaps(t, axis.scale(), widthPx, s)) {
      max--;
      t = ticks(axis.scale(), range, max);
    }
    return t;
  }

  private static TickSet ticks(Axis.Scale scale, double[] r, int max) {
    return scale == Axis.Scale.LOG ? Ticks.log(r[0], r[1], max) : Ticks.linear(r[0], r[1], max);
  }

  private static boolean overlaps(TickSet t, Axis.Scale scale, double widthPx, double s) {
    double[] v = t.major();
    Frame f = new Frame(0, 0, widthPx, 1, scale, t.min(), t.max(), Axis.Scale.LINEAR, 0, 1);
    for (int i = 1; i < v.length; i++) {
      double need = 0.5 * (labelWidth(t.labels().get(i - 1), s) + labelWidth(t.labels().get(i), s))
          + 1.2 * s * TICK_PX;
      if (f.px(v[i]) - f.px(v[i - 1]) < need) {
        return true;
      }
    }
    return false;
  }

  private static double lastLabelOverhang(TickSet t, Axis.Scale scale, double left, double right,
      double s) {
    double[] v = t.major();
    if (v.length == 0) {
      return 0;
    }
    Frame f = new Frame(left, 0, right - left, 1, scale, t.min(), t.max(), Axis.Scale.LINEAR, 0, 1);
    double half = 0.5 * labelWidth(t.labels().get(v.length - 1), s);
    return half - (right - f.px(v[v.length - 1])) + 4 * s;
  }

  /** Pixel row of the baseline of histogram fills: y = 0, or the frame bottom on a log axis. */
  static double histogramBase(Frame f) {
    if (f.yScale() == Axis.Scale.LOG) {
      return f.bottom();
    }
    return Math.max(f.top(), Math.min(f.bottom(), f.py(0)));
  }

  /** Smallest font size a label is shrunk to before it is shortened, relative to its size. */
  static final double MIN_SHRINK = 0.75;

  /** The font size at which a label fits {@code room} pixels (down to 75 % of {@code sizePx}). */
  static double fittedSize(RichText text, double sizePx, double room, boolean bold) {
    double w = TextMetrics.width(text, sizePx, bold);
    return w <= room ? sizePx : Math.max(MIN_SHRINK * sizePx, sizePx * room / w);
  }

  /** The label, shortened with "…" if it does not fit {@code room} pixels at the fitted size. */
  static RichText fitted(RichText text, double sizePx, double room, boolean bold) {
    double size = fittedSize(text, sizePx, room, bold);
    if (TextMetrics.width(text, size, bold) <= room) {
      return text;
    }
    String plain = text.plainText();
    for (int n = plain.length() - 1; n > 0; n--) {
      RichText t = RichText.parse(plain.substring(0, n).stripTrailing() + "\u2026");
      if (TextMetrics.width(t, size, bold) <= room) {
        return t;
      }
    }
    return RichText.parse("\u2026");
  }

  static double textHeight(double sizePx) {
    return TextMetrics.ascent(sizePx) + TextMetrics.descent(sizePx);
  }

  static double tickLabelHeight(double s) {
    return TextMetrics.capHeight(s * TICK_PX) + 0.3 * s * TICK_PX;
  }

  static double rowHeight(double s) {
    return ROW_FACTOR * s * LEGEND_PX;
  }

  private static double labelWidth(String label, double s) {
    return TextMetrics.width(RichText.parse(label), s * TICK_PX, false);
  }

  /**
   * Paints the plot on a canvas (the PNG and SVG renderers call this; another canvas implementation
   * gets the identical drawing).
   *
   * @param canvas the drawing surface, of the plot's size
   */
  public void paint(Canvas canvas) {
    PlotPainter.paint(this, Checks.notNull("canvas", canvas));
  }

  /** @return the plot laid out */
  public Plot plot() {
    return plot;
  }

  /** @return the size factor min(width/1000, height/700) applied to fonts, lines and gaps */
  public double scale() {
    return scale;
  }

  /** @return the main panel's frame */
  public Frame mainFrame() {
    return main.frame();
  }

  /** @return the lower panel's frame, if any */
  public Optional<Frame> lowerFrame() {
    return lower == null ? Optional.empty() : Optional.of(lower.frame());
  }

  /** @return the x ticks (shared by both panels) */
  public TickSet xTicks() {
    return xTicks;
  }

  /** @return the main panel's y ticks */
  public TickSet mainYTicks() {
    return main.yTicks();
  }

  /** @return the lower panel's y ticks, if any */
  public Optional<TickSet> lowerYTicks() {
    return lower == null ? Optional.empty() : Optional.of(lower.yTicks());
  }

  PanelLayout mainLayout() {
    return main;
  }

  Optional<PanelLayout> lowerLayout() {
    return Optional.ofNullable(lower);
  }
}
