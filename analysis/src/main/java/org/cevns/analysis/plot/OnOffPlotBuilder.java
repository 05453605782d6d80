package org.cevns.analysis.plot;

import static org.cevns.analysis.hist.BinSums.sum;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * ON vs OFF (reactor on/off, or coincidence vs anti-coincidence) spectra. Upper panel: the fitted
 * components stacked (backgrounds, then the signal on top; optional), OFF as a step histogram with
 * errors (filled when there is no stack), "OFF + signal" dashed, and ON as points with Poisson (Garwood)
 * errors. Lower panel: ON − OFF with errors from both, a zero line and the fitted signal. Both spectra
 * must already be normalised to the same exposure (pass scaled counts with scaled errors).
 */
public final class OnOffPlotBuilder {
  /** Longest combined name length used in the default residual label; longer gives "ON − OFF". */
  private static final int MAX_NAMES_IN_LABEL = 12;
  /** Fill colours of the stacked components, bottom up (the signal is vermillion). */
  private static final Color[] STACK = {HepTheme.SKY_BLUE, HepTheme.GREEN, HepTheme.YELLOW, HepTheme.PURPLE,
      HepTheme.ORANGE, HepTheme.GREY};
  private static final double STACK_TINT = 0.45;
  /** Backgrounds below this fraction of the fitted background are drawn as one "other" layer. */
  static final double SMALL_FRACTION = 0.03;
  /** Head room per legend row, as a fraction of the highest point. */
  private static final double LEGEND_ROW = 0.09;
  private String title = "";
  private String provenance = "";
  private String xLabel;
  private String yLabel = "Counts / bin";
  private String residualLabel;
  private double[] edges;
  private String onName = "ON";
  private String offName = "OFF";
  private double[] on;
  private double[] onErr;
  private double[] off;
  private double[] offErr;
  private String signalName = "Fitted signal";
  private double[] signal;
  private final List<String> componentNames = new ArrayList<>();
  private final List<double[]> components = new ArrayList<>();
  private final List<Boolean> signalComponents = new ArrayList<>();

  OnOffPlotBuilder() {}

  /** @param text plot title @return this builder */
  public OnOffPlotBuilder title(String text) {
    this.title = Checks.notNull("onOff title", text);
    return this;
  }

  /** @param label provenance label under the title ({@link Provenance#label()}) @return this builder */
  public OnOffPlotBuilder provenance(String label) {
    this.provenance = Checks.notNull("onOff provenance", label);
    return this;
  }

  /** @param label x label with unit, e.g. {@code "E_{ee} [keVee]"} (required) @return this builder */
  public OnOffPlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** @param label y label of the spectrum panel (default "Counts / bin") @return this builder */
  public OnOffPlotBuilder yLabel(String label) {
    this.yLabel = Checks.notNull("onOff yLabel", label);
    return this;
  }

  /**
   * @param label y label of the residual panel (default "NAME_ON − NAME_OFF" for short names, e.g.
   *     "C − AC", else "ON − OFF")
   * @return this builder
   */
  public OnOffPlotBuilder residualLabel(String label) {
    this.residualLabel = label;
    return this;
  }

  /** @param binEdges bin edges shared by every spectrum @return this builder */
  public OnOffPlotBuilder edges(double[] binEdges) {
    this.edges = Checks.finite("onOff edges", binEdges);
    Checks.increasing("onOff edges", edges);
    return this;
  }

  /**
   * @param name legend name, e.g. "Reactor ON" or "C"
   * @param counts contents per bin (counts, or scaled counts)
   * @param errors √n-type errors per bin, or null for raw counts; drawn as Garwood intervals
   *     ({@link PoissonErrors#of})
   * @return this builder
   */
  public OnOffPlotBuilder on(String name, double[] counts, double[] errors) {
    this.onName = Checks.notNull("onOff on name", name);
    this.on = Checks.finite("onOff on counts", counts);
    this.onErr = errors == null ? null : errors.clone();
    return this;
  }

  /**
   * @param name legend name, e.g. "Reactor OFF × κ" or "AC"
   * @param counts contents per bin, normalised to the ON exposure
   * @param errors √n-type errors per bin, null for raw counts, all zero for a model without errors
   * @return this builder
   */
  public OnOffPlotBuilder off(String name, double[] counts, double[] errors) {
    this.offName = Checks.notNull("onOff off name", name);
    this.off = Checks.finite("onOff off counts", counts);
    this.offErr = errors == null ? null : errors.clone();
    return this;
  }

  /** @param name legend name of the fitted signal @param perBin fitted signal counts @return this builder */
  public OnOffPlotBuilder signal(String name, double[] perBin) {
    this.signalName = Checks.notNull("onOff signal name", name);
    this.signal = Checks.finite("onOff signal", perBin);
    return this;
  }

  /**
   * Adds a fitted component to the stack (bottom up, in the order added: backgrounds first, the signal
   * last, so the top of the stack is the fitted total).
   *
   * @param name legend name, e.g. "BRN"
   * @param perBin fitted counts per bin
   * @param isSignal true for the signal (drawn in vermillion), false for a background
   * @return this builder
   */
  public OnOffPlotBuilder component(String name, double[] perBin, boolean isSignal) {
    componentNames.add(Checks.notNull("onOff component name", name));
    components.add(Checks.finite("onOff component " + name, perBin));
    signalComponents.add(isSignal);
    return this;
  }

  /** @return the chart */
  public JFreeChart build() {
    AnalysisPlots.required("onOff", "xLabel", xLabel, "E_{ee} [keVee]");
    Checks.notNull("onOff edges", edges);
    Checks.notNull("onOff on counts", on);
    Checks.notNull("onOff off counts", off);
    int n = edges.length - 1;
    Checks.sameLength("onOff on counts", on, n);
    Checks.sameLength("onOff off counts", off, n);
    double[][] eOn = PoissonErrors.of(on, onErr);
    boolean offModel = offErr != null && java.util.Arrays.stream(offErr).allMatch(e -> e == 0);
    double[][] eOff = offModel ? new double[][] {new double[n], new double[n]} : PoissonErrors.of(off, offErr);
    double[] x = AnalysisPlots.centresOf(edges);
    double[] lo = AnalysisPlots.lowEdges(edges);
    double[] hi = AnalysisPlots.highEdges(edges);
    double top = 0;
    NumberAxis xAxis = HepTheme.linearX(xLabel, new Range(edges[0], edges[n]));

    XYPlot upper = HepTheme.plot(xAxis, HepTheme.linear(yLabel, new Range(0, 1)));
    Layers u = new Layers(upper);
    List<String> names = new ArrayList<>();
    List<double[]> parts = new ArrayList<>();
    List<Boolean> isSignal = new ArrayList<>();
    mergeSmall(names, parts, isSignal, n);
    if (!parts.isEmpty()) {
      List<double[]> cumulative = new ArrayList<>();
      double[] sum = new double[n];
      for (double[] c : parts) {
        sum = AnalysisPlots.plus(sum, c, 1);
        cumulative.add(sum);
      }
      for (int k = cumulative.size() - 1; k >= 0; k--) {
        Color c = isSignal.get(k) ? HepTheme.VERMILLION : STACK[k % STACK.length];
        u.fill(edges, cumulative.get(k), HepTheme.tint(c, STACK_TINT));
        u.legend().add(Layers.boxItem("Fit: " + names.get(k), HepTheme.tint(c, STACK_TINT), null));
        top = Math.max(top, max(cumulative.get(k)));
      }
    }
    if (components.isEmpty()) {
      u.filledStep(offName, edges, off, HepTheme.BLUE, HepTheme.tint(HepTheme.BLUE, 0.15));
    } else {
      u.step(offName, edges, off, HepTheme.BLUE, HepTheme.solid(1.8), false);
    }
    if (!offModel) {
      u.points("", x, null, null, off, AnalysisPlots.plus(off, eOff[0], -1), AnalysisPlots.plus(off, eOff[1], 1),
          HepTheme.BLUE, false);
    }
    top = Math.max(top, max(AnalysisPlots.plus(off, eOff[1], 1)));
    if (signal != null) {
      Checks.sameLength("onOff signal", signal, n);
      double[] sum = AnalysisPlots.plus(off, signal, 1);
      u.step(offName + " + " + signalName, edges, sum, HepTheme.VERMILLION, HepTheme.dashed(1.8), false);
      top = Math.max(top, max(sum));
    }
    double[] onHigh = AnalysisPlots.plus(on, eOn[1], 1);
    u.points(onName, x, lo, hi, on, AnalysisPlots.plus(on, eOn[0], -1), onHigh, HepTheme.BLACK, true);
    top = Math.max(top, max(onHigh));
    int rows = u.legend().getItemCount();
    setRange(upper, AnalysisPlots.yRange(0, top, Math.max(AnalysisPlots.HEADROOM, LEGEND_ROW * rows)));
    HepTheme.legend(upper, dataFirst(u.legend(), onName), false);

    String rl = residualLabel != null ? residualLabel
        : onName.length() + offName.length() <= MAX_NAMES_IN_LABEL ? onName + " \u2212 " + offName
        : "ON \u2212 OFF";
    XYPlot lower = HepTheme.plot(xAxis, HepTheme.linear(rl, new Range(-1, 1)));
    lower.addRangeMarker(new ValueMarker(0, HepTheme.GREY, HepTheme.solid(1.2)));
    Layers l = new Layers(lower);
    double reach = 0;
    if (signal != null) {
      l.step(signalName, edges, signal, HepTheme.VERMILLION, HepTheme.solid(2.5), false);
      reach = Math.max(max(signal), -min(signal));
    }
    double[] res = AnalysisPlots.plus(on, off, -1);
    double[] below = new double[n];
    double[] above = new double[n];
    for (int i = 0; i < n; i++) {
      below[i] = Math.hypot(eOn[0][i], eOff[1][i]);
      above[i] = Math.hypot(eOn[1][i], eOff[0][i]);
      reach = Math.max(reach, Math.max(res[i] + above[i], below[i] - res[i]));
    }
    l.points("", x, lo, hi, res, AnalysisPlots.plus(res, below, -1), AnalysisPlots.plus(res, above, 1),
        HepTheme.BLACK, true);
    double r = reach > 0 ? AnalysisPlots.roundUp(reach * 1.15) : 1;
    setRange(lower, new Range(-r, r));
    HepTheme.legend(lower, l.legend(), false);

    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
    plot.setGap(10);
    plot.add(upper, 7);
    plot.add(lower, 3);
    return HepTheme.chart(title, plot, provenance);
  }

  /**
   * The stack to draw: backgrounds of at least {@value #SMALL_FRACTION} of the background total in the order
   * given, the smaller ones summed into one "other (N)" layer below them, then the signal components.
   */
  private void mergeSmall(List<String> names, List<double[]> parts, List<Boolean> isSignal, int n) {
    double total = 0;
    // drawn: every component but those zero in every bin (another detector's or region's: no layer, no legend entry)
    List<Integer> shown = new ArrayList<>();
    for (int k = 0; k < components.size(); k++) {
      Checks.sameLength("onOff component " + componentNames.get(k), components.get(k), n);
      if (!signalComponents.get(k)) {
        total += sum(components.get(k));
      }
      if (!isEmpty(components.get(k))) {
        shown.add(k);
      }
    }
    double[] other = new double[n];
    int nOther = 0;
    String lastSmall = "";
    for (int k : shown) {
      if (!signalComponents.get(k) && sum(components.get(k)) < SMALL_FRACTION * total) {
        other = AnalysisPlots.plus(other, components.get(k), 1);
        nOther++;
        lastSmall = componentNames.get(k);
      }
    }
    if (nOther == 1) {
      names.add(lastSmall);
    } else if (nOther > 1) {
      names.add("other (" + nOther + ")");
    }
    if (nOther > 0) {
      parts.add(other);
      isSignal.add(false);
    }
    for (boolean signalPass : new boolean[] {false, true}) {
      for (int k : shown) {
        boolean small = !signalComponents.get(k) && sum(components.get(k)) < SMALL_FRACTION * total;
        if (signalComponents.get(k) == signalPass && !small) {
          names.add(componentNames.get(k));
          parts.add(components.get(k));
          isSignal.add(signalPass);
        }
      }
    }
  }

  private static boolean isEmpty(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static void setRange(XYPlot p, Range r) {
    HepTheme.range(p.getRangeAxis(), r);
  }

  private static LegendItemCollection dataFirst(LegendItemCollection items, String data) {
    LegendItemCollection out = new LegendItemCollection();
    List<LegendItem> rest = new ArrayList<>();
    for (int i = 0; i < items.getItemCount(); i++) {
      LegendItem it = items.get(i);
      if (it.getLabel().equals(data)) {
        out.add(it);
      } else {
        rest.add(it);
      }
    }
    rest.forEach(out::add);
    return out;
  }

  static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }
}
