package org.cevns.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * The look of every cevns plot on JFreeChart, in the style of particle-physics publications: white
 * background, no grid, a black frame with major and minor ticks pointing inwards on all four sides
 * ({@link InsideTicks}; labels on the bottom and left only), a boxed legend inside the frame,
 * bold title, provenance label under the title, and the colour-blind-safe Okabe–Ito palette (Okabe and
 * Ito 2008, "Color Universal Design"). Axis labels may use {@code _{…}} and {@code ^{…}} for sub- and
 * superscripts, e.g. {@code "E_{ee} [keVee]"}.
 */
final class HepTheme {
  static final Color BLACK = Color.BLACK;
  static final Color GREY = new Color(128, 128, 128);
  static final Color DARK_GREY = new Color(96, 96, 96);
  static final Color LIGHT_GREY = new Color(200, 200, 200);
  static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
  static final Color GREEN = new Color(0x00, 0x9E, 0x73);
  static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
  private static final Color[] CYCLE = {BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY_BLUE, YELLOW};
  /** Image size in pixels (PNG) and user units (SVG, PDF). */
  static final int WIDTH = 1000;
  static final int HEIGHT = 700;
  private static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 19);
  static final Font LABEL_FONT = new Font(FAMILY, Font.PLAIN, 17);
  static final Font TICK_FONT = new Font(FAMILY, Font.PLAIN, 14);
  static final Font LEGEND_FONT = new Font(FAMILY, Font.PLAIN, 14);
  static final Font SMALL_FONT = new Font(FAMILY, Font.PLAIN, 12);
  private static final float MAJOR_TICK = 9f;
  private static final float MINOR_TICK = 4.5f;
  private static final int MINOR_TICKS = 5;
  /** Target number of major tick steps on a linear y axis. */
  private static final int TICKS = 6;
  /** Target number of major tick steps on a linear x axis. */
  static final int X_TICKS = 8;

  static {
    PlotFiles.headless();
  }

  private HepTheme() {}

  /** The i-th colour of the line cycle (blue, vermillion, green, orange, purple, sky blue, yellow). */
  /** Number of colours of {@link #cycle} before they repeat. */
  static int cycleLength() {
    return CYCLE.length;
  }

  static Color cycle(int i) {
    return CYCLE[Math.floorMod(i, CYCLE.length)];
  }

  /** {@code c} with opacity {@code alpha} in [0, 1]. */
  static Color alpha(Color c, double alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
  }

  /** The opaque colour {@code c} lightened towards white, as {@code c} at opacity {@code alpha} on white. */
  static Color tint(Color c, double alpha) {
    return new Color(mix(c.getRed(), alpha), mix(c.getGreen(), alpha), mix(c.getBlue(), alpha));
  }

  private static int mix(int v, double alpha) {
    return (int) Math.round(alpha * v + (1 - alpha) * 255);
  }

  static Stroke solid(double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
  }

  static Stroke dashed(double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f);
  }

  static Stroke dotted(double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
        new float[] {1f, 3f}, 0f);
  }

  /** A linear y axis over {@code range}. */
  static NumberAxis linear(String label, Range range) {
    return linear(label, range, TICKS);
  }

  /** A linear x axis over {@code range}. */
  static NumberAxis linearX(String label, Range range) {
    return linear(label, range, X_TICKS);
  }

  private static NumberAxis linear(String label, Range range, int ticks) {
    NumberAxis a = new NumberAxis();
    a.setAutoRangeIncludesZero(false);
    style(a, label);
    range(a, range, ticks);
    return a;
  }

  /**
   * An x axis naming the points at 1, 2, …, n: {@code names.get(k)} under x = k + 1, written vertically in the small
   * font (the names of many nuisances, too many for a legend inside the plot).
   */
  static NumberAxis namesX(String label, List<String> names) {
    String[] symbols = new String[names.size() + 1];
    symbols[0] = "";
    for (int k = 0; k < names.size(); k++) {
      symbols[k + 1] = names.get(k);
    }
    org.jfree.chart.axis.SymbolAxis a = new org.jfree.chart.axis.SymbolAxis(null, symbols);
    a.setGridBandsVisible(false);
    style(a, label);
    a.setTickLabelFont(SMALL_FONT);
    a.setVerticalTickLabels(true);
    a.setMinorTickCount(0);
    a.setRange(new Range(0.5, names.size() + 0.5));
    return a;
  }

  /** Sets the range of a linear y axis with about {@value #TICKS} major ticks of a round step. */
  static void range(ValueAxis a, Range range) {
    range(a, range, TICKS);
  }

  private static void range(ValueAxis a, Range range, int ticks) {
    a.setRange(range);
    if (a instanceof NumberAxis n) {
      double step = niceStep(range.getLength() / ticks);
      // tiny or huge steps (a magnetic moment in μ_B, a radius in cm²): scientific labels, not "0"
      n.setTickUnit(step < SCIENTIFIC_BELOW || step >= SCIENTIFIC_FROM
          ? new org.jfree.chart.axis.NumberTickUnit(step, new ScientificTicks())
          : new org.jfree.chart.axis.NumberTickUnit(step, java.text.NumberFormat.getNumberInstance(Locale.ROOT)));
    }
  }

  /** Tick steps below this get scientific labels. */
  static final double SCIENTIFIC_BELOW = 1e-4;
  /** Tick steps from this up get scientific labels. */
  static final double SCIENTIFIC_FROM = 1e6;

  /**
   * A decimal format of {@code pattern} with the symbols of {@link Locale#ROOT}: tick labels read "2.5" and "-1E-5" in
   * every locale (with the JVM's they read "2,5" under de_DE or tr_TR, and a plot's bytes depended on the locale).
   */
  static java.text.DecimalFormat decimal(String pattern) {
    return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ {@code w} &gt; 0. */
  static double niceStep(double w) {
    double p = Math.pow(10, Math.floor(Math.log10(w)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= w * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A base-10 logarithmic axis over {@code range} (lower bound &gt; 0). */
  static LogAxis log(String label, Range range) {
    LogAxis a = new LogAxis();
    a.setBase(10);
    a.setSmallestValue(Math.min(range.getLowerBound(), 1e-300));
    style(a, label);
    a.setMinorTickCount(10);
    a.setRange(range);
    a.setAutoTickUnitSelection(false);
    a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0, decimal("0"), 9), false, false);
    return a;
  }

  /**
   * {@link #log} for a parameter axis of any magnitude: decades labelled as integers from 1 to 10⁶, in
   * scientific notation ({@code 1E-5}) otherwise.
   */
  static LogAxis logParameter(String label, Range range) {
    LogAxis a = log(label, range);
    if (range.getLowerBound() < 1 || range.getUpperBound() > 1e6) {
      a.setNumberFormatOverride(decimal("0.#E0"));
    }
    return a;
  }

  private static void style(ValueAxis a, String label) {
    if (label != null) {
      a.setAttributedLabel(rich(label, LABEL_FONT));
    }
    a.setLabelFont(LABEL_FONT);
    a.setTickLabelFont(TICK_FONT);
    a.setTickLabelPaint(BLACK);
    a.setAxisLinePaint(BLACK);
    a.setTickMarksVisible(false);
    a.setMinorTickMarksVisible(false);
    a.setMinorTickCount(MINOR_TICKS);
    a.setAxisLineVisible(false);
    a.setTickLabelInsets(new RectangleInsets(5, 5, 5, 5));
  }

  /** A framed white plot without grid, with inside ticks on all sides and the datasets drawn in the order added. */
  static XYPlot plot(ValueAxis x, ValueAxis y) {
    XYPlot p = new XYPlot();
    p.setDomainAxis(x);
    p.setRangeAxis(y);
    p.setBackgroundPaint(Color.WHITE);
    p.setOutlinePaint(BLACK);
    p.setOutlineStroke(solid(1.3));
    p.setDomainGridlinesVisible(false);
    p.setRangeGridlinesVisible(false);
    p.setAxisOffset(RectangleInsets.ZERO_INSETS);
    p.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    p.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    p.addAnnotation(new InsideTicks(MAJOR_TICK, MINOR_TICK));
    return p;
  }

  /** Puts a boxed legend with {@code items} inside the top-left or top-right corner of {@code p}. */
  static void legend(XYPlot p, LegendItemCollection items, boolean left) {
    legend(p, items, left ? 0.015 : 0.985, left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
  }

  /** Puts a boxed legend with {@code items} at {@code x} (fraction of the width) under the top of {@code p}. */
  static void legend(XYPlot p, LegendItemCollection items, double x, RectangleAnchor anchor) {
    if (items.getItemCount() == 0) {
      return;
    }
    LegendTitle t = new LegendTitle(() -> items);
    t.setItemFont(LEGEND_FONT);
    t.setBackgroundPaint(alpha(Color.WHITE, 0.85));
    t.setFrame(new BlockBorder(1.0, 1.0, 1.0, 1.0, LIGHT_GREY));
    t.setItemLabelPadding(new RectangleInsets(2, 4, 2, 4));
    t.setPadding(new RectangleInsets(4, 6, 4, 6));
    t.setPosition(RectangleEdge.RIGHT);
    t.setHorizontalAlignment(HorizontalAlignment.LEFT);
    p.addAnnotation(new XYTitleAnnotation(valueFraction(p.getDomainAxis(), x), valueFraction(p.getRangeAxis(), 0.975),
        t, anchor));
  }

  /**
   * The fraction of the value range that lies at fraction {@code f} of the drawn length ({@link XYTitleAnnotation}
   * places by value, which on a log axis is not where the fraction of the length is).
   */
  static double valueFraction(ValueAxis a, double f) {
    if (!(a instanceof LogAxis)) {
      return f;
    }
    double lo = a.getLowerBound();
    double hi = a.getUpperBound();
    double v = Math.pow(10, Math.log10(lo) + f * (Math.log10(hi) - Math.log10(lo)));
    return (v - lo) / (hi - lo);
  }

  /** A dashed reference line at {@code value} with a small grey label at its right end (or top). */
  static org.jfree.chart.plot.ValueMarker referenceLine(double value, String label, java.awt.Paint paint,
      Stroke stroke, boolean vertical) {
    org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(value, paint, stroke);
    m.setLabel(label);
    m.setLabelFont(SMALL_FONT);
    m.setLabelPaint(paint);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(vertical ? org.jfree.chart.ui.TextAnchor.TOP_LEFT : org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
    return m;
  }

  /** A chart of {@code plot} with the title and the provenance label under it. */
  static JFreeChart chart(String title, Plot plot, String provenance) {
    JFreeChart c = new JFreeChart(title, TITLE_FONT, plot, false);
    c.setBackgroundPaint(Color.WHITE);
    c.setAntiAlias(true);
    c.setTextAntiAlias(true);
    c.getTitle().setPaint(BLACK);
    c.setPadding(new RectangleInsets(6, 8, 6, 14));
    if (provenance != null && !provenance.isBlank()) {
      TextTitle p = new TextTitle(provenance, SMALL_FONT);
      p.setPaint(DARK_GREY);
      p.setPosition(RectangleEdge.TOP);
      p.setHorizontalAlignment(HorizontalAlignment.CENTER);
      p.setPadding(new RectangleInsets(0, 0, 4, 0));
      c.addSubtitle(p);
    }
    return c;
  }

  /**
   * {@code text} with {@code _{…}} as subscript and {@code ^{…}} as superscript, in {@code font}.
   */
  static AttributedString rich(String text, Font font) {
    StringBuilder plain = new StringBuilder();
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      int close = text.indexOf('}', i);
      if ((ch == '_' || ch == '^') && i + 1 < text.length() && text.charAt(i + 1) == '{' && close > i) {
        int start = plain.length();
        plain.append(text, i + 2, close);
        runs.add(new int[] {start, plain.length(), ch == '_' ? -1 : 1});
        i = close + 1;
      } else {
        plain.append(ch);
        i++;
      }
    }
    AttributedString s = new AttributedString(plain.toString());
    if (plain.length() == 0) {
      return s;
    }
    s.addAttribute(TextAttribute.FAMILY, font.getFamily());
    s.addAttribute(TextAttribute.SIZE, (float) font.getSize());
    for (int[] r : runs) {
      if (r[1] > r[0]) {
        s.addAttribute(TextAttribute.SUPERSCRIPT, r[2] < 0 ? TextAttribute.SUPERSCRIPT_SUB
            : TextAttribute.SUPERSCRIPT_SUPER, r[0], r[1]);
      }
    }
    return s;
  }

  /** {@code text} without the sub/superscript markup (for legends and titles). */
  static String plain(String text) {
    return text.replaceAll("[_^]\\{([^}]*)}", "$1");
  }
}
