package org.cevns.analysis.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey.Region;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.hist.BinSums;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.FitReport;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.report.TerminalTable.Align;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.schema.ConfigNode;

/**
 * The one-screen terminal summary of an analysis: detected events per detector and region (observed, expected
 * signal and background at μ = 1), the subtraction, and the fit (μ̂ with intervals, significance, goodness of
 * fit).
 */
public final class TerminalSummary {
  private TerminalSummary() {}

  /** The summary text (lines end with '\n'). */
  public static String render(AnalysisResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(counts(r).render()).append('\n');
    r.templateWarning().ifPresent(w -> sb.append("warning: ").append(w).append("\n\n"));
    r.subtraction().ifPresent(s -> sb.append(subtraction(s, r).render()).append('\n'));
    if (r.fit().isPresent()) {
      sb.append(fit(r.fit().get()).render());
      if (cutByRange(r.fit().get())) {
        sb.append(SensitivityOutputs.INTERVAL_CUT_NOTE);
      }
      if (!r.fit().get().physics().isEmpty()) {
        sb.append('\n').append(SensitivityOutputs.precision(r.fit().get().physics(),
            "Physics parameters fitted to the data (mu = 1; 68.27 % CL half-widths)"));
      }
      if (!r.fit().get().nuisances().entries().isEmpty()) {
        var b = TerminalTable.builder("Nuisance parameters (ranked by impact on mu)")
            .column("nuisance", TerminalTable.Align.LEFT)
            .column("pull", TerminalTable.Align.DECIMAL)
            .column("constraint", TerminalTable.Align.DECIMAL)
            .column("impact on mu (+1σ / −1σ)", TerminalTable.Align.LEFT);
        for (var e : r.fit().get().nuisances().entries()) {
          b.row(e.name(), org.cevns.analysis.plot.ValueFormat.number(e.pull(), 2),
              org.cevns.analysis.plot.ValueFormat.number(e.constraint(), 2),
              signed(e.impactUp()) + " / " + signed(e.impactDown()));
        }
        sb.append('\n').append(b.build().render());
      }
      if (!r.fit().get().allImpacts().isEmpty()) {
        sb.append('\n').append(ImpactOutputs.table(r.fit().get().allImpacts(),
            "Impact of each group of nuisances on the 68.27 % CL half-widths, \u2212 / + (quadrature subtraction)"));
      }
    } else {
      sb.append("fit: not done (").append(r.fitProblem().orElse("no model")).append(")\n");
    }
    return sb.toString();
  }

  static TerminalTable counts(AnalysisResult r) {
    SpectrumSet data = r.inputs().data();
    SpectrumSet tmpl = r.inputs().templates();
    var b = TerminalTable.builder(r.inputs().experiment() + ": detected events ("
        + ConfigNode.spelling(r.inputs().config().mode()) + " mode)")
        .column("detector", Align.LEFT).column("region", Align.LEFT).column("observed", Align.DECIMAL)
        .column("expected signal", Align.DECIMAL).column("expected background", Align.DECIMAL);
    List<Region> regions = new java.util.ArrayList<>(data.regions());
    tmpl.regions().stream().filter(x -> !regions.contains(x)).forEach(regions::add);
    regions.sort(Region.ORDER);
    for (String d : r.detectors()) {
      for (Region reg : regions) {
        double obs = data.region(d, reg).map(KeySpectra::sumW).orElse(0.0);
        double sig = tmpl.sum(k -> k.detector().equals(d) && k.region().equals(reg) && k.isSignal())
            .map(KeySpectra::sumW).orElse(0.0);
        double bkg = tmpl.sum(k -> k.detector().equals(d) && k.region().equals(reg) && !k.isSignal())
            .map(KeySpectra::sumW).orElse(0.0);
        if (obs == 0 && sig == 0 && bkg == 0) {
          continue;
        }
        String label = reg.window().equals(EventColumns.NO_WINDOW)
            && regions.stream().anyMatch(x -> !x.window().equals(EventColumns.NO_WINDOW))
            ? "outside windows" : reg.label();
        b.row(d, label, count(obs), count(sig), count(bkg));
      }
    }
    return b.build();
  }

  static TerminalTable subtraction(SubtractionReport s, AnalysisResult r) {
    String sig = s.signalRegion().label().toUpperCase(Locale.ROOT);
    String ctl = s.controlRegion().label().toUpperCase(Locale.ROOT);
    if (sig.equals("COINCIDENCE")) {
      sig = "C";
      ctl = "AC";
    }
    String range = "";
    var edges = r.inputs().data().binning().energyKeVee().values().stream().distinct().toList();
    if (edges.size() == 1) {
      // keVnr when every detector is on the recoil scale, as the plots (ResultPlots.energyUnit)
      range = ", " + ValueFormat.number(edges.get(0).low(), 4) + "\u2013" + ValueFormat.number(edges.get(0).high(), 4)
          + " " + ResultPlots.energyUnit(r, s.perDetector().stream().map(SubtractionReport.Entry::detector).toList());
    }
    var b = TerminalTable.builder(sig + " \u2212 \u03ba\u00b7" + ctl + " in the fit energy range" + range
        + " (\u03ba = " + sig + "/" + ctl + " exposure)")
        .column("detector", Align.LEFT).column(sig, Align.DECIMAL).column("\u03ba \u00b7 " + ctl, Align.DECIMAL)
        .column(sig + " \u2212 \u03ba \u00b7 " + ctl, Align.DECIMAL).column("\u03ba", Align.DECIMAL);
    for (SubtractionReport.Entry e : s.perDetector()) {
      row(b, e.detector(), e.result(), ValueFormat.number(e.kappa(), 4));
    }
    s.array().ifPresent(a -> {
      b.separator();
      row(b, "array", a, "");
    });
    return b.build();
  }

  private static void row(TerminalTable.Builder b, String name, SubtractionResult x, String kappa) {
    var s = x.signalRate().scaled(x.signalExposure());
    var c = x.controlCountsScaledToSignal();
    var res = x.residualCounts();
    b.row(name, count(s.integral()), ValueFormat.withUncertainty(c.integral(), c.integralError()),
        ValueFormat.withUncertainty(res.integral(), res.integralError()), kappa);
  }

  static TerminalTable fit(FitReport f) {
    FitResult best = f.best();
    var b = TerminalTable.builder("Profile-likelihood fit, \u03bc = \u03c3_meas / \u03c3_SM")
        .column("quantity", Align.LEFT).column("value", Align.LEFT);
    Optional<String> i68 = f.interval68().map(i -> withInterval(best.mu(), i));
    b.row("best fit \u03bc, 68.27 % CL", i68.orElse(ValueFormat.number(best.mu(), 4) + " (interval: "
        + f.intervalProblem().orElse("n/a") + ")"));
    f.interval90().ifPresent(i -> b.row("90 % CL interval", SensitivityOutputs.cut(i)
        + "[" + ValueFormat.pair(i.lower(), i.upper()) + "]"));
    f.multimodality().ifPresent(m -> b.row("likelihood", m.summary()));
    b.row("significance (asymptotic)", ValueFormat.significance(f.significance().z()) + "  (p = "
        + ValueFormat.pValue(f.significance().pValue()) + ")");
    f.toys().ifPresent(t -> b.row("significance (" + t.nToys() + " toys)", Double.isInfinite(t.z())
        ? "> " + ValueFormat.significance(org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
            .inverseSurvivalProbability(1.0 / Math.max(t.nToys(), 1))) + " (no toy reached q0)"
        : ValueFormat.significance(t.z()) + "  (p = " + ValueFormat.pValue(t.pValue()) + ")"));
    b.row("goodness of fit", String.format(Locale.ROOT, "\u03c7\u00b2 = %s / %d ndf (p = %s)",
        ValueFormat.number(best.gofChi2(), 3), best.ndf(),
        Double.isNaN(best.gofPValue()) ? "n/a" : ValueFormat.pValue(best.gofPValue())));
    double sig = 0;
    double fitted = 0;
    for (int c = 0; c < f.built().channels().size(); c++) {
      sig += BinSums.sum(SummaryJson.expectedSignal(f, c));
      fitted += BinSums.sum(f.fittedSignal(c));
    }
    b.row("signal in fit range", "fitted " + count(fitted) + ", expected (SM) " + count(sig));
    if (!best.converged()) {
      b.row("warning", "the minimiser did not converge");
    }
    return b.build();
  }

  /** True if an interval of μ in {@code f}'s table ends at μ's range ({@link SensitivityOutputs#INTERVAL_CUT_NOTE}). */
  static boolean cutByRange(FitReport f) {
    return f.interval68().map(SensitivityOutputs::atBound).orElse(false)
        || f.interval90().map(SensitivityOutputs::atBound).orElse(false);
  }

  /**
   * {@code value} with the half-widths to the ends of {@code i} ({@link ValueFormat#withInterval}), a half-width to an
   * end at the parameter's range marked {@link SensitivityOutputs#CUT} (e.g. "0.12 +0.47 -(> 0.12)"), or the whole
   * interval so marked where it is printed as [lower, upper].
   */
  static String withInterval(double value, org.cevns.analysis.fit.Interval i) {
    String s = ValueFormat.withInterval(value, i.lower(), i.upper());
    if (s.contains("[")) {
      return s.replace("[", SensitivityOutputs.cut(i) + "[");
    }
    int plus = s.lastIndexOf(" +");
    int minus = s.lastIndexOf(" -");
    return s.substring(0, plus + 2) + cut(s.substring(plus + 2, minus), i.upperAtBound()) + " -"
        + cut(s.substring(minus + 2), i.lowerAtBound());
  }

  /** {@code halfWidth}, as "(&gt; halfWidth)" if {@code atBound} (a lower limit: "+(&gt; 0.38)"). */
  private static String cut(String halfWidth, boolean atBound) {
    return atBound ? "(" + SensitivityOutputs.CUT + halfWidth + ")" : halfWidth;
  }

  static String count(double x) {
    if (Math.abs(x) >= 100) {
      return String.format(Locale.ROOT, "%.0f", x);
    }
    return ValueFormat.number(x, 3);
  }

  /** A value with 2 significant digits and an explicit sign: "+0.21", "-0.2" (the impact columns). */
  static String signed(double v) {
    String n = org.cevns.analysis.plot.ValueFormat.number(v, 2);
    return v >= 0 && !n.startsWith("+") ? "+" + n : n;
  }
}
