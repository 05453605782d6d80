package org.cevns.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.Constraint;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.pipeline.AnalysisInputs;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.FitReport;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.schema.ConfigNode;

/**
 * The {@code summary.json} of an analysis: experiment and mode; exposure; detected counts per detector,
 * period, window and component, observed and expected (templates); the subtraction per detector and for the
 * array (signal, scaled control and residual counts with errors); the fit (parameters, μ̂ with 68.27 % and 90 %
 * intervals, significance, toys, goodness of fit). Numbers that are not finite are written as null.
 */
public final class SummaryJson {
  private SummaryJson() {}

  /** The summary as a JSON tree. */
  public static ObjectNode of(AnalysisResult r) {
    AnalysisInputs in = r.inputs();
    AnalysisConfig cfg = in.config();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("experiment", in.experiment());
    in.provenance().ifPresent(p -> {
      ObjectNode o = root.putObject("provenance");
      p.toMap().forEach(o::put);
      o.put("label", p.label());
    });
    root.put("mode", ConfigNode.spelling(cfg.mode()));
    root.put("mode_configured", ConfigNode.spelling(cfg.modeAsWritten()));
    ArrayNode dets = root.putArray("detectors");
    r.detectors().forEach(dets::add);
    exposure(root.putArray("exposure"), in.exposure(), r);
    in.windows().ifPresent(w -> {
      ObjectNode o = root.putObject("windows_ns");
      o.put("coincidence_start", w.coincidenceStartNs());
      o.put("anticoincidence_start", w.anticoincidenceStartNs());
      o.put("length", w.lengthNs());
    });
    binning(root.putObject("binning"), in.data().binning());
    ObjectNode t = root.putObject("templates");
    t.put("source", in.templateInfo().source());
    t.put("statistics_factor", in.templateInfo().factor());
    t.put("normalisation", in.templateInfo().normalisation());
    t.put("seed", in.templateInfo().seed());
    counts(root.putArray("counts"), r);
    r.subtraction().ifPresent(s -> subtraction(root.putObject("subtraction"), s));
    if (r.fit().isPresent()) {
      fit(root.putObject("fit"), r.fit().get(), cfg);
    } else {
      root.putObject("fit").put("problem", r.fitProblem().orElse("not run"));
    }
    return root;
  }

  /** The summary as pretty-printed JSON text. */
  public static String text(AnalysisResult r) {
    try {
      return Json.MAPPER.writeValueAsString(of(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the summary: " + e.getMessage(), e);
    }
  }

  private static void binning(ObjectNode o, org.cevns.analysis.events.HistogramBinning b) {
    ObjectNode e = o.putObject("energy_kevee");
    new java.util.TreeMap<>(b.energyKeVee()).forEach((d, edges) -> Json.array(e, d, edges.edges()));
    ObjectNode p = o.putObject("pe");
    new java.util.TreeMap<>(b.pe()).forEach((d, edges) -> Json.array(p, d, edges.edges()));
    Json.array(o, "time_ns", b.timeNs().edges());
    b.fitTime().ifPresent(f -> Json.array(o, "fit_time_since_window_start_ns", f.edges().edges()));
  }

  private static void exposure(ArrayNode out, RunExposure e, AnalysisResult r) {
    for (String d : r.detectors()) {
      if (!e.detectors().contains(d)) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("detector", d);
      o.put("mass_kg", e.massKg(d));
      ArrayNode list = o.putArray("periods");
      for (RunExposure.Entry x : e.entries(d)) {
        ObjectNode p = list.addObject();
        p.put("source", x.source());
        p.put("period", x.period());
        p.put("live_seconds", x.liveSeconds());
        p.put("exposure", x.exposure());
        p.put("exposure_unit", x.unit());
      }
    }
  }

  private static void counts(ArrayNode out, AnalysisResult r) {
    var data = r.inputs().data();
    var tmpl = r.inputs().templates();
    java.util.Set<SpectrumKey> keys = new java.util.TreeSet<>(data.keys());
    keys.addAll(tmpl.keys());
    for (SpectrumKey k : keys) {
      ObjectNode o = out.addObject();
      o.put("detector", k.detector());
      o.put("period", k.period());
      o.put("beam_window", k.window());
      o.put("component", k.component());
      Optional<KeySpectra> d = data.get(k);
      o.put("observed_events", d.map(KeySpectra::rows).orElse(0L));
      Json.put(o, "observed_sum_weights", d.map(KeySpectra::sumW).orElse(0.0));
      Json.put(o, "observed_in_energy_range", d.map(s -> s.energy().integral()).orElse(0.0));
      Optional<KeySpectra> t = tmpl.get(k);
      Json.put(o, "expected_events", t.map(KeySpectra::sumW).orElse(0.0));
      Json.put(o, "expected_in_energy_range", t.map(s -> s.energy().integral()).orElse(0.0));
    }
  }

  private static void subtraction(ObjectNode o, SubtractionReport s) {
    o.put("signal_region", s.signalRegion().label());
    o.put("control_region", s.controlRegion().label());
    o.put("rate_unit", s.perDetector().get(0).result().rateUnit());
    ArrayNode a = o.putArray("detectors");
    for (SubtractionReport.Entry e : s.perDetector()) {
      ObjectNode d = a.addObject();
      d.put("detector", e.detector());
      result(d, e.result());
      d.put("kappa", e.kappa());
    }
    s.array().ifPresent(x -> result(o.putObject("array"), x));
  }

  private static void result(ObjectNode d, SubtractionResult x) {
    d.put("signal_exposure", x.signalExposure());
    d.put("control_exposure", x.controlExposure());
    Histogram1D sig = x.signalRate().scaled(x.signalExposure());
    Histogram1D ctl = x.controlCountsScaledToSignal();
    Histogram1D res = x.residualCounts();
    Json.put(d, "signal_counts", sig.integral());
    Json.put(d, "signal_counts_error", sig.integralError());
    Json.put(d, "control_counts_scaled", ctl.integral());
    Json.put(d, "control_counts_scaled_error", ctl.integralError());
    Json.put(d, "residual_counts", res.integral());
    Json.put(d, "residual_counts_error", res.integralError());
    Json.array(d, "residual_rate_per_bin", x.residualRate().contents());
    Json.array(d, "residual_rate_error_per_bin", x.residualRate().errors());
  }

  private static void fit(ObjectNode o, FitReport f, AnalysisConfig cfg) {
    o.put("observable", ConfigNode.spelling(cfg.fit().observable()));
    ArrayNode ch = o.putArray("channels");
    for (int c = 0; c < f.built().channels().size(); c++) {
      ObjectNode x = ch.addObject();
      x.put("name", f.built().channels().get(c).name());
      Json.put(x, "observed", sum(f.observed(c)));
      Json.put(x, "fitted_total", sum(f.fittedTotal(c)));
      Json.put(x, "fitted_signal", sum(f.fittedSignal(c)));
      Json.put(x, "fitted_background", sum(f.fittedBackground(c)));
      Json.put(x, "expected_signal_sm", sum(expectedSignal(f, c)));
    }
    FitResult b = f.best();
    Json.put(o, "mu_hat", b.mu());
    Json.put(o, "mu_hesse_error", b.muHesseError());
    f.interval68().ifPresent(i -> interval(o.putObject("interval_68"), i));
    f.interval90().ifPresent(i -> interval(o.putObject("interval_90"), i));
    f.intervalProblem().ifPresent(p -> o.put("interval_problem", p));
    ObjectNode z = o.putObject("significance");
    Json.put(z, "q0", f.significance().q0());
    Json.put(z, "z", f.significance().z());
    Json.put(z, "p_value", f.significance().pValue());
    z.put("method", "asymptotic (Wilks; Cowan et al. 2011)");
    f.toys().ifPresent(t -> {
      ObjectNode y = o.putObject("toy_significance");
      y.put("toys", t.nToys());
      y.put("failed", t.nFailed());
      y.put("at_least_q0", t.nAtLeast());
      Json.put(y, "p_value", t.pValue());
      Json.put(y, "p_value_error", t.pValueError());
      Json.put(y, "z", t.z());
    });
    ObjectNode g = o.putObject("goodness_of_fit");
    Json.put(g, "chi2", b.gofChi2());
    Json.put(g, "poisson_chi2", b.poissonChi2());
    g.put("ndf", b.ndf());
    Json.put(g, "p_value", b.gofPValue());
    o.put("converged", b.converged());
    ArrayNode pois = o.putArray("parameters");
    ObjectNode muPoi = pois.addObject();
    muPoi.put("name", org.cevns.analysis.fit.BinnedModel.POI_NAME);
    Json.put(muPoi, "best", b.mu());
    Json.put(muPoi, "nominal", 1.0);
    f.interval68().ifPresent(i -> bounds(muPoi.putObject("interval_68"), i));
    f.interval90().ifPresent(i -> bounds(muPoi.putObject("interval_90"), i));
    for (org.cevns.analysis.pipeline.PoiFit p : f.physics()) {
      ObjectNode x = pois.addObject();
      x.put("name", p.name());
      Json.put(x, "best", p.best());
      Json.put(x, "nominal", p.nominal());
      p.interval68().ifPresent(i -> bounds(x.putObject("interval_68"), i));
      p.interval90().ifPresent(i -> bounds(x.putObject("interval_90"), i));
      p.problem().ifPresent(m -> x.put("interval_problem", m));
    }
    ArrayNode nuis = o.putArray("nuisances");
    for (var e : f.nuisances().entries()) {
      ObjectNode x = nuis.addObject();
      x.put("name", e.name());
      Json.put(x, "pull", e.pull());
      Json.put(x, "constraint", e.constraint());
      Json.put(x, "impact_mu_up", e.impactUp());
      Json.put(x, "impact_mu_down", e.impactDown());
    }
    ArrayNode params = o.putArray("all_parameters");
    var model = f.built().model();
    for (int k = 0; k < b.names().size(); k++) {
      ObjectNode p = params.addObject();
      p.put("name", b.names().get(k));
      Json.put(p, "value", b.parameters()[k]);
      Json.put(p, "hesse_error", b.hesseErrors()[k]);
      if (k == 0) {
        p.put("kind", "poi");
        continue;
      }
      if (k >= model.alphaOffset()) {
        p.put("kind", k < model.physicsOffset() ? "systematic" : "physics");
        continue;
      }
      NormParameter n = model.norm(k);
      p.put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (n.kind() == NormParameter.Kind.CONSTRAINED) {
        p.put("relative_width", n.relativeWidth());
      }
      String comp = f.built().backgroundNorms().get(n.name());
      if (comp != null) {
        p.put("component", comp);
      }
    }
    ArrayNode priors = o.putArray("configured_priors");
    // in name order: the configured map's iteration order is not defined (Map.copyOf varies between JVM runs),
    // and summary.json must be the same bytes for the same configuration and seed
    for (Map.Entry<String, Constraint> e : new TreeMap<>(cfg.fit().backgroundConstraints()).entrySet()) {
      priors.addObject().put("component", e.getKey()).put("prior", e.getValue().spelling());
    }
    priors.addObject().put("component", "(default)").put("prior", cfg.fit().defaultConstraint().spelling());
  }

  /** Expected signal at μ = 1 (nominal norms) in channel {@code c}. */
  static double[] expectedSignal(FitReport f, int c) {
    var ch = f.built().model().channels().get(c);
    double[] out = new double[ch.nBins()];
    ch.samples().stream().filter(s -> s.isSignal()).forEach(s -> {
      for (int i = 0; i < out.length; i++) {
        out[i] += s.expected(i);
      }
    });
    return out;
  }

  private static void bounds(ObjectNode o, Interval i) {
    Json.put(o, "lower", i.lower());
    Json.put(o, "upper", i.upper());
  }

  private static void interval(ObjectNode o, Interval i) {
    Json.put(o, "cl", i.cl());
    Json.put(o, "lower", i.lower());
    Json.put(o, "upper", i.upper());
    o.put("lower_at_bound", i.lowerAtBound());
    o.put("upper_at_bound", i.upperAtBound());
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
