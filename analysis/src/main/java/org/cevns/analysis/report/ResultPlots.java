package org.cevns.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey.Region;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.FitReport;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.plot.AnalysisPlots;
import org.cevns.analysis.plot.OnOffPlotBuilder;
import org.cevns.analysis.plot.PlotFiles;
import org.cevns.analysis.plot.ProfilePlotBuilder;
import org.cevns.analysis.plot.TimePlotBuilder;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.analysis.events.EventColumns;
import org.cevns.physics.constants.Units;
import org.jfree.chart.JFreeChart;

/**
 * The plots of an analysis, each as PNG, SVG and PDF: {@code spectrum_DETECTOR} (ON vs OFF, C vs AC, or data vs
 * fitted background, with the fitted components stacked, the residual panel and the fit), {@code spectrum_array}
 * (the array sum), {@code time_DETECTOR} (time distribution with the beam windows and the expectation) and
 * {@code profile} (Δ(2NLL) of μ with the 68.27 % and 90 % intervals). Every plot carries the
 * {@link PlotLabels provenance label}.
 */
public final class ResultPlots {
  private static final String ENERGY_LABEL = "E_{ee} [keVee]";
  /** The x label of detectors on the recoil scale ({@code quenching: {model: none}}). */
  private static final String RECOIL_ENERGY_LABEL = "E_{nr} [keVnr]";
  private static final String KEVNR = "keVnr";

  private ResultPlots() {}

  /** Writes every plot into {@code dir} (created); returns the files written. */
  public static List<Path> write(AnalysisResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (var e : spectra(r)) {
      out.addAll(PlotFiles.writeAll(e.plot(), dir, "spectrum_" + e.name()));
    }
    for (String d : r.detectors()) {
      Optional<JFreeChart> t = time(r, d);
      if (t.isPresent()) {
        out.addAll(PlotFiles.writeAll(t.get(), dir, "time_" + d));
      }
    }
    Optional<JFreeChart> p = r.fit().flatMap(f -> profile(r, f));
    if (p.isPresent()) {
      out.addAll(PlotFiles.writeAll(p.get(), dir, "profile"));
    }
    return out;
  }

  /** A named plot. */
  public record Named(String name, JFreeChart plot) {}

  /** The spectrum plots: per detector, and the array sum when there is one. */
  public static List<Named> spectra(AnalysisResult r) {
    List<Named> out = new ArrayList<>();
    String exp = r.inputs().experiment();
    AnalysisMode mode = r.inputs().config().mode();
    Optional<FitReport> fit = r.fit();
    if (r.subtraction().isPresent()) {
      SubtractionReport s = r.subtraction().get();
      boolean reactor = mode == AnalysisMode.ON_OFF;
      String on = reactor ? "Reactor ON" : "Coincidence (C)";
      String off = reactor ? "Reactor OFF \u00d7 \u03ba" : "Anti-coincidence \u00d7 \u03ba";
      String residual = reactor ? "ON \u2212 \u03ba\u00b7OFF" : "C \u2212 \u03ba\u00b7AC";
      double[] arrayFit = null;
      List<String> dets = new ArrayList<>();
      for (SubtractionReport.Entry e : s.perDetector()) {
        Optional<double[]> f = fit.flatMap(x -> fittedResidual(r, x, e.detector(), s, e.kappa()));
        if (f.isPresent() && s.array().isPresent()) {
          arrayFit = arrayFit == null ? f.get().clone() : add(arrayFit, f.get());
        }
        dets.add(e.detector());
        out.add(new Named(e.detector(), onOff(exp + ", " + e.detector() + ": energy spectrum", e.result(), on, off,
            residual, f, fit, stack(r, List.of(e.detector()), s.signalRegion()), PlotLabels.of(r, List.of(e.detector())),
            energyUnit(r, List.of(e.detector())))));
      }
      if (s.array().isPresent()) {
        out.add(new Named("array", onOff(exp + ", detector array: energy spectrum", s.array().get(), on, off,
            residual, Optional.ofNullable(arrayFit), fit, stack(r, dets, s.signalRegion()), PlotLabels.of(r, dets),
            energyUnit(r, dets))));
      }
      return out;
    }
    if (fit.isEmpty()) {
      return out;
    }
    FitReport f = fit.get();
    for (int c = 0; c < f.built().channels().size(); c++) {
      var ch = f.built().channels().get(c);
      BinEdges edges = r.inputs().data().binning().energy(ch.detector());
      int nx = edges.nBins();
      SpectrumSet data = r.inputs().data();
      Histogram1D h = data.region(ch.detector(), ch.region()).map(KeySpectra::energy).orElse(Histogram1D.of(edges));
      double[] bkg = project(f.fittedBackground(c), nx);
      double[] sig = project(f.fittedSignal(c), nx);
      OnOffPlotBuilder b = AnalysisPlots.onOff().title(exp + ", " + ch.name() + ": energy spectrum")
          .provenance(PlotLabels.of(r, List.of(ch.detector()))).xLabel(energyLabel(r, List.of(ch.detector())))
          .yLabel(countsLabel(edges, energyUnit(r, List.of(ch.detector()))))
          .edges(edges.edges()).on("Data", h.contents(), h.errors()).off("Fitted background", bkg, new double[nx])
          .signal(fitName(f), sig).residualLabel("Data \u2212 background");
      for (String name : f.sampleNames()) {
        if (!name.equals(EventColumns.SIGNAL)) {
          b.component(label(r, name), project(f.fittedSample(c, name), nx), false);
        }
      }
      b.component(label(r, EventColumns.SIGNAL), sig, true);
      out.add(new Named(ch.name().replace('.', '_'), b.build()));
    }
    return out;
  }

  private static JFreeChart onOff(String title, SubtractionResult x, String on, String off, String residual,
      Optional<double[]> fitted, Optional<FitReport> fit, List<Part> stack, String provenance, String unit) {
    Histogram1D s = x.signalRate().scaled(x.signalExposure());
    Histogram1D c = x.controlCountsScaledToSignal();
    var b = AnalysisPlots.onOff().title(title).provenance(provenance)
        .xLabel(KEVNR.equals(unit) ? RECOIL_ENERGY_LABEL : ENERGY_LABEL).yLabel(countsLabel(s.edges(), unit))
        .edges(s.edges().edges()).on(on, s.contents(), s.errors())
        .off(off, c.contents(), c.errors()).residualLabel(residual);
    if (fitted.isPresent() && fit.isPresent()) {
      b.signal(fitName(fit.get()), fitted.get());
      stack.forEach(k -> b.component(k.name(), k.counts(), k.signal()));
    }
    return b.build();
  }

  /** One fitted component of a stack. */
  private record Part(String name, double[] counts, boolean signal) {}

  /**
   * The fitted components in the signal region summed over {@code detectors}: backgrounds in the fit's order,
   * then the signal.
   */
  private static List<Part> stack(AnalysisResult r, List<String> detectors, Region signalRegion) {
    List<Part> out = new ArrayList<>();
    Optional<FitReport> fit = r.fit();
    if (fit.isEmpty()) {
      return out;
    }
    FitReport f = fit.get();
    List<String> names = new ArrayList<>(f.sampleNames());
    names.remove(EventColumns.SIGNAL);
    names.add(EventColumns.SIGNAL);
    for (String name : names) {
      double[] sum = null;
      for (String d : detectors) {
        int c = f.built().channelIndex(d, signalRegion);
        if (c >= 0) {
          double[] v = project(f.fittedSample(c, name), r.inputs().data().binning().energy(d).nBins());
          sum = sum == null ? v.clone() : add(sum, v);
        }
      }
      if (sum != null) {
        boolean signal = name.equals(EventColumns.SIGNAL);
        out.add(new Part(label(r, name), sum, signal));
      }
    }
    return out;
  }

  /**
   * The legend name of a fitted component, naming the process of the neutrino signals: "signal (CEvNS)" or
   * "signal (EvES)" (xenon-solar-er's solar electron recoils; before, both were just "signal"), the EvES background
   * component of a CEvNS fit {@value EventColumns#EVES_COMPONENT} "eves (EvES background)"; other backgrounds by name.
   */
  static String label(AnalysisResult r, String component) {
    if (component.equals(EventColumns.SIGNAL)) {
      return r.inputs().signal().evesIsBackground() ? "signal (CEvNS)" : "signal (EvES)";
    }
    return component.equals(EventColumns.EVES_COMPONENT) ? component + " (EvES background)" : component;
  }

  private static String fitName(FitReport f) {
    return String.format(Locale.ROOT, "Fit (\u03bc\u0302 = %.2f)", f.best().mu());
  }

  /** The fitted signal-region minus κ × control-region expectation of one detector, as energy bins. */
  static Optional<double[]> fittedResidual(AnalysisResult r, FitReport f, String det, SubtractionReport s,
      double kappa) {
    int cs = f.built().channelIndex(det, s.signalRegion());
    int cc = f.built().channelIndex(det, s.controlRegion());
    if (cs < 0) {
      return Optional.empty();
    }
    int nx = r.inputs().data().binning().energy(det).nBins();
    double[] out = project(f.fittedTotal(cs), nx);
    if (cc >= 0) {
      double[] ctl = project(f.fittedTotal(cc), nx);
      for (int i = 0; i < nx; i++) {
        out[i] -= kappa * ctl[i];
      }
    }
    return Optional.of(out);
  }

  /** Energy projection of fit bins (identity for energy fits; sums the time bins of flattened cells). */
  static double[] project(double[] flat, int nx) {
    if (flat.length == nx) {
      return flat;
    }
    double[] out = new double[nx];
    for (int i = 0; i < flat.length; i++) {
      out[i % nx] += flat[i];
    }
    return out;
  }

  private static double[] add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  static String countsLabel(BinEdges e, String unit) {
    if (!e.isUniform()) {
      return "Counts / bin";
    }
    return "Counts / " + trim(e.width(0)) + " " + unit;
  }

  /**
   * The unit of the observed energy of {@code detectors}: keVnr when each is on the recoil scale ({@code quenching:
   * {model: none}}, {@link org.cevns.analysis.config.AnalysisConfig#recoilScaleDetectors}), else keVee (walk33: the
   * spectrum of a xenon ⁸B design on the recoil scale was labelled E_ee [keVee]).
   */
  static String energyUnit(AnalysisResult r, List<String> detectors) {
    return !detectors.isEmpty() && r.inputs().config().recoilScaleDetectors().containsAll(detectors) ? KEVNR : "keVee";
  }

  private static String energyLabel(AnalysisResult r, List<String> detectors) {
    return KEVNR.equals(energyUnit(r, detectors)) ? RECOIL_ENERGY_LABEL : ENERGY_LABEL;
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** The time distribution of one detector. */
  static Optional<JFreeChart> time(AnalysisResult r, String det) {
    SpectrumSet data = r.inputs().data();
    SpectrumSet tmpl = r.inputs().templates();
    AnalysisMode mode = r.inputs().config().mode();
    BinEdges edges = data.binning().timeNs();
    boolean beam = mode == AnalysisMode.BEAM;
    double scale = beam ? 1.0 / Units.NS_PER_US : 1.0 / (Units.NS_PER_S * Units.S_PER_DAY);
    double[] e = edges.edges();
    for (int i = 0; i < e.length; i++) {
      e[i] *= scale;
    }
    String unit = beam ? "\u00b5s" : "d";
    TimePlotBuilder b = AnalysisPlots.time().title(r.inputs().experiment() + ", " + det + ": event times")
        .provenance(PlotLabels.of(r, List.of(det)))
        .xLabel(beam ? "t \u2212 t_{pulse} [\u00b5s]" : "t [d]").yLabel("Counts / " + trim(e[1] - e[0]) + " " + unit);
    boolean any = false;
    if (beam) {
      Optional<KeySpectra> all = data.sum(k -> k.detector().equals(det));
      if (all.isPresent()) {
        b.histogram("Detected events", e, all.get().time().contents(), all.get().time().errors());
        any = true;
      }
      tmpl.sum(k -> k.detector().equals(det))
          .ifPresent(t -> b.model("Expected (\u03bc = 1)", AnalysisPlots.centresOf(e), t.time().contents()));
      r.inputs().windows().ifPresent(w -> {
        b.window("Coincidence (C)", w.coincidenceStartNs() * scale, w.coincidenceEndNs() * scale);
        b.window("Anti-coincidence (AC)", w.anticoincidenceStartNs() * scale, w.anticoincidenceEndNs() * scale);
      });
    } else {
      for (Region reg : data.regions()) {
        Optional<KeySpectra> s = data.region(det, reg);
        if (s.isPresent() && !(entries(s.get().time()) == 0 && entries(s.get().energy()) > 0)) { // not timeless
          // (events imported without times, e.g. reactor energies only, have no place here: left out, and a
          // detector whose data are all timeless gets no time plot)
          double liveDays = r.inputs().exposure().detectors().contains(det)
              ? r.inputs().exposure().liveSeconds(det, reg.period()) / Units.S_PER_DAY : 0.0;
          double[][] perDay = perLiveDay(e, s.get().time().contents(), s.get().time().errors(), liveDays);
          b.histogram(reg.label().toUpperCase(Locale.ROOT), e, perDay[0], perDay[1]);
          b.yLabel("Events / live day (bins of " + trim(e[1] - e[0]) + " d)");
          any = true;
        }
      }
    }
    return any ? Optional.of(b.build()) : Optional.empty();
  }

  /**
   * Counts per bin as events per day of the live time the bin covers, for a steady source's period (events
   * uniform over [0, live days]): a bin that the live time covers only in part (the last one, as round bin widths
   * seldom divide a period) is divided by the covered part, not by its width, and does not show a false drop of
   * the rate. Bins after the live time stay empty. When events lie after the live time (imported calendar
   * times) every bin is divided by its full width.
   *
   * @param edges bin edges in days
   * @param liveDays the period's live time in days (&le; 0: unknown, full widths)
   * @return {contents, errors} per day
   */
  static double[][] perLiveDay(double[] edges, double[] counts, double[] errors, double liveDays) {
    boolean inLive = liveDays > 0;
    for (int i = 0; i < counts.length && inLive; i++) {
      inLive = counts[i] == 0 || edges[i] < liveDays;
    }
    double[][] out = new double[2][counts.length];
    for (int i = 0; i < counts.length; i++) {
      double width = edges[i + 1] - edges[i];
      double covered = inLive ? Math.min(width, Math.max(0.0, liveDays - edges[i])) : width;
      if (covered > 0) {
        out[0][i] = counts[i] / covered;
        out[1][i] = errors[i] / covered;
      }
    }
    return out;
  }

  /** Σw of a histogram including under- and overflow. */
  private static double entries(Histogram1D h) {
    return h.integral() + h.underflow() + h.overflow();
  }

  /** The profile of μ. */
  static Optional<JFreeChart> profile(AnalysisResult r, FitReport f) {
    if (f.scan().size() < 2) {
      return Optional.empty();
    }
    double[] mu = new double[f.scan().size()];
    double[] q = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      mu[i] = f.scan().get(i).mu();
      q[i] = f.scan().get(i).q();
    }
    ProfilePlotBuilder b = AnalysisPlots.profile()
        .title(r.inputs().experiment() + ": profile likelihood of the signal strength")
        .provenance(PlotLabels.of(r, r.detectors()))
        .xLabel("\u03bc = \u03c3_{meas} / \u03c3_{SM}").curve(mu, q).bestFit(f.best().mu());
    f.interval68().filter(i -> i.upper() > i.lower()).ifPresent(i -> b.interval(i.cl(), i.lower(), i.upper()));
    f.interval90().filter(i -> i.upper() > i.lower()).ifPresent(i -> b.interval(i.cl(), i.lower(), i.upper()));
    return Optional.of(b.build());
  }
}
