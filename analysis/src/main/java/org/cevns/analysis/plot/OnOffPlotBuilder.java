package org.cevns.analysis.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * ON vs OFF (reactor on/off, or coincidence vs anti-coincidence) spectra: ON as points with errors,
 * OFF as a filled step histogram with errors, optionally "OFF + signal"; below, the residual ON − OFF
 * with errors √(σ_ON² + σ_OFF²), a zero line and the fitted signal overlaid. Both spectra must already
 * be normalised to the same exposure (pass scaled counts with scaled errors).
 */
public final class OnOffPlotBuilder {
  /** Longest combined name length used in the default residual label; longer gives "ON − OFF". */
  private static final int MAX_NAMES_IN_LABEL = 12;
  private String title = "";
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
  private boolean logY;

  OnOffPlotBuilder() {}

  /**
   * @param text plot title
   * @return this builder
   */
  public OnOffPlotBuilder title(String text) {
    this.title = Checks.notNull("onOff title", text);
    return this;
  }

  /**
   * @param label x label with unit, e.g. {@code "E_{ee} [keVee]"} (required)
   * @return this builder
   */
  public OnOffPlotBuilder xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /**
   * @param label y label of the spectrum panel (default "Counts / bin")
   * @return this builder
   */
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

  /**
   * @param binEdges bin edges shared by every spectrum
   * @return this builder
   */
  public OnOffPlotBuilder edges(double[] binEdges) {
    this.edges = Checks.copy(binEdges);
    return this;
  }

  /**
   * @param name legend name, e.g. "Reactor ON" or "C"
   * @param counts contents per bin
   * @param errors errors per bin, or null for √max(n, 0) (raw counts only)
   * @return this builder
   */
  public OnOffPlotBuilder on(String name, double[] counts, double[] errors) {
    this.onName = Checks.notNull("onOff on name", name);
    this.on = Checks.copy(counts);
    this.onErr = Checks.copy(errors);
    return this;
  }

  /**
   * @param name legend name, e.g. "Reactor OFF (scaled)" or "AC"
   * @param counts contents per bin, normalised to the ON exposure
   * @param errors errors per bin, or null for √max(n, 0) (raw counts only)
   * @return this builder
   */
  public OnOffPlotBuilder off(String name, double[] counts, double[] errors) {
    this.offName = Checks.notNull("onOff off name", name);
    this.off = Checks.copy(counts);
    this.offErr = Checks.copy(errors);
    return this;
  }

  /**
   * @param name legend name of the fitted signal
   * @param perBin fitted signal counts per bin
   * @return this builder
   */
  public OnOffPlotBuilder signal(String name, double[] perBin) {
    this.signalName = Checks.notNull("onOff signal name", name);
    this.signal = Checks.copy(perBin);
    return this;
  }

  /**
   * @param log log scale for the spectrum panel (the residual stays linear)
   * @return this builder
   */
  public OnOffPlotBuilder logY(boolean log) {
    this.logY = log;
    return this;
  }

  /** @return the plot */
  public Plot build() {
    AnalysisPlots.required("onOff", "xLabel", xLabel, "E_{ee} [keVee]");
    Checks.notNull("onOff edges", edges);
    Checks.notNull("onOff on counts", on);
    Checks.notNull("onOff off counts", off);
    int n = edges.length - 1;
    double[] eOn = onErr == null ? AnalysisPlots.sqrtErrors(on) : onErr;
    double[] eOff = offErr == null ? AnalysisPlots.sqrtErrors(off) : offErr;
    StepHistogram offHist = new StepHistogram(offName, edges, off, eOff,
        Style.solid(Rgb.BLUE), 0.15);
    Checks.sameLength("onOff on counts", on, n);
    Checks.sameLength("onOff on errors", eOn, n);
    Points onPoints = Points.of(onName, AnalysisPlots.centres(edges), on, eOn, Rgb.BLACK)
        .withXErrors(AnalysisPlots.halfWidths(edges));
    List<Series> upper = new ArrayList<>(List.of(offHist));
    double[] residual = new double[n];
    double[] residualErr = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = on[i] - off[i];
      residualErr[i] = Math.hypot(eOn[i], eOff[i]);
    }
    List<Series> lower = new ArrayList<>();
    lower.add(HLine.of(0, new Style(Rgb.GREY, 1.2, Style.Dash.SOLID), ""));
    if (signal != null) {
      Checks.sameLength("onOff signal", signal, n);
      double[] sum = new double[n];
      for (int i = 0; i < n; i++) {
        sum[i] = off[i] + signal[i];
      }
      upper.add(new StepHistogram(offName + " + " + signalName, edges, sum, null,
          Style.dashed(Rgb.VERMILLION), 0));
      lower.add(new StepHistogram(signalName, edges, signal, null,
          Style.solid(Rgb.VERMILLION).withWidth(2.5), 0));
    }
    upper.add(onPoints);
    lower.add(Points.of("", AnalysisPlots.centres(edges), residual,
        residualErr, Rgb.BLACK).withXErrors(AnalysisPlots.halfWidths(edges)));
    String rl = residualLabel != null ? residualLabel
        : onName.length() + offName.length() <= MAX_NAMES_IN_LABEL ? onName + " \u2212 " + offName
        : "ON \u2212 OFF";
    Axis yAxis = logY ? Axis.log(yLabel) : Axis.linear(yLabel);
    return Plot.of(title, Axis.linear(xLabel), Panel.of(yAxis, upper))
        .withLower(Panel.of(Axis.linear(rl), lower));
  }
}
