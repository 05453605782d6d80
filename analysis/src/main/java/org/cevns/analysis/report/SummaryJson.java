package org.cevns.analysis.report;

import static org.cevns.analysis.hist.BinSums.sum;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.Constraint;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.FitResult;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.pipeline.AnalysisInputs;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.FitReport;
import org.cevns.analysis.pipeline.PoiFit;
import org.cevns.analysis.pipeline.SubtractionReport;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.schema.ConfigNode;

/**
 * The {@code summary.json} of an analysis: experiment and mode; exposure; detected counts per detector,
 * period, window and component, observed and expected (templates); the subtraction per detector and for the
 * array (signal, scaled control and residual counts with errors); the fit (parameters, μ̂ with 68.27 % and 90 %
 * intervals, significance, toys, goodness of fit, nuisance pulls, and {@code impacts}: the breakdown of each
 * parameter of interest's 68.27 % half-widths by group of nuisances, {@code {poi, group, minus, plus}}, see
 * {@link org.cevns.analysis.fit.GroupImpacts}). Numbers that are not finite are written as null. The file is
 * {@link SummaryRecords} serialised by Jackson.
 */
public final class SummaryJson {
  private SummaryJson() {}

  /** The summary as records, in the order {@code summary.json} writes them. */
  static SummaryRecords.Summary of(AnalysisResult r) {
    AnalysisInputs in = r.inputs();
    AnalysisConfig cfg = in.config();
    Map<String, String> provenance = in.provenance().map(SummaryJson::provenance).orElse(null);
    SummaryRecords.Windows windows = in.windows().map(w -> new SummaryRecords.Windows(w.coincidenceStartNs(),
        w.anticoincidenceStartNs(), w.lengthNs())).orElse(null);
    var t = in.templateInfo();
    Object fit = r.fit().isPresent() ? fit(r.fit().get(), cfg)
        : new SummaryRecords.FitProblem(r.fitProblem().orElse("not run"));
    return new SummaryRecords.Summary(in.experiment(), provenance, ConfigNode.spelling(cfg.mode()),
        ConfigNode.spelling(cfg.modeAsWritten()), r.detectors(), exposure(in.exposure(), r), windows,
        binning(in.data().binning()),
        new SummaryRecords.Templates(t.source(), t.factor(), t.normalisation(), t.seed(),
            r.templateWarning().orElse(null)), counts(r),
        r.subtraction().map(SummaryJson::subtraction).orElse(null), fit);
  }

  /**
   * The {@code provenance} object of a summary: {@code version, commit, seed, config_sha256} and the one-line
   * {@code label} ({@link org.cevns.generator.Provenance#toMap}); also in the summaries of {@code fit}, {@code scan}
   * and {@code sensitivity.json}.
   */
  static Map<String, String> provenance(org.cevns.generator.Provenance p) {
    Map<String, String> m = new LinkedHashMap<>(p.toMap());
    m.put("label", p.label());
    return m;
  }

  /** The summary as pretty-printed JSON text. */
  public static String text(AnalysisResult r) {
    try {
      return Json.MAPPER.writeValueAsString(of(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the summary: " + e.getMessage(), e);
    }
  }

  private static SummaryRecords.Binning binning(HistogramBinning b) {
    Map<String, double[]> energy = new TreeMap<>();
    b.energyKeVee().forEach((d, edges) -> energy.put(d, edges.edges()));
    Map<String, double[]> pe = new TreeMap<>();
    b.pe().forEach((d, edges) -> pe.put(d, edges.edges()));
    return new SummaryRecords.Binning(energy, pe, b.timeNs().edges(),
        b.fitTime().map(f -> f.edges().edges()).orElse(null));
  }

  private static List<SummaryRecords.Exposure> exposure(RunExposure e, AnalysisResult r) {
    List<SummaryRecords.Exposure> out = new ArrayList<>();
    for (String d : r.detectors()) {
      if (!e.detectors().contains(d)) {
        continue;
      }
      List<SummaryRecords.Period> periods = new ArrayList<>();
      for (RunExposure.Entry x : e.entries(d)) {
        periods.add(new SummaryRecords.Period(x.source(), x.period(), x.liveSeconds(), x.exposure(), x.unit()));
      }
      out.add(new SummaryRecords.Exposure(d, e.massKg(d), periods));
    }
    return out;
  }

  private static List<SummaryRecords.Count> counts(AnalysisResult r) {
    var data = r.inputs().data();
    var tmpl = r.inputs().templates();
    Set<SpectrumKey> keys = new TreeSet<>(data.keys());
    keys.addAll(tmpl.keys());
    List<SummaryRecords.Count> out = new ArrayList<>();
    for (SpectrumKey k : keys) {
      Optional<KeySpectra> d = data.get(k);
      Optional<KeySpectra> t = tmpl.get(k);
      out.add(new SummaryRecords.Count(k.detector(), k.period(), k.window(), k.component(),
          d.map(KeySpectra::rows).orElse(0L), d.map(KeySpectra::sumW).orElse(0.0),
          d.map(s -> s.energy().integral()).orElse(0.0), t.map(KeySpectra::sumW).orElse(0.0),
          t.map(s -> s.energy().integral()).orElse(0.0)));
    }
    return out;
  }

  private static SummaryRecords.Subtraction subtraction(SubtractionReport s) {
    List<SummaryRecords.DetectorSubtraction> dets = new ArrayList<>();
    for (SubtractionReport.Entry e : s.perDetector()) {
      dets.add(new SummaryRecords.DetectorSubtraction(e.detector(), result(e.result()), e.kappa()));
    }
    return new SummaryRecords.Subtraction(s.signalRegion().label(), s.controlRegion().label(),
        s.perDetector().get(0).result().rateUnit(), dets, s.array().map(SummaryJson::result).orElse(null));
  }

  private static SummaryRecords.SubtractionCounts result(SubtractionResult x) {
    Histogram1D sig = x.signalRate().scaled(x.signalExposure());
    Histogram1D ctl = x.controlCountsScaledToSignal();
    Histogram1D res = x.residualCounts();
    return new SummaryRecords.SubtractionCounts(x.signalExposure(), x.controlExposure(), sig.integral(),
        sig.integralError(), ctl.integral(), ctl.integralError(), res.integral(), res.integralError(),
        x.residualRate().contents(), x.residualRate().errors());
  }

  private static SummaryRecords.Fit fit(FitReport f, AnalysisConfig cfg) {
    List<SummaryRecords.Channel> channels = new ArrayList<>();
    for (int c = 0; c < f.built().channels().size(); c++) {
      channels.add(new SummaryRecords.Channel(f.built().channels().get(c).name(), sum(f.observed(c)),
          sum(f.fittedTotal(c)), sum(f.fittedSignal(c)), sum(f.fittedBackground(c)), sum(expectedSignal(f, c))));
    }
    FitResult b = f.best();
    var s = f.significance();
    var significance = new SummaryRecords.Significance(s.q0(), s.z(), s.pValue(),
        "asymptotic (Wilks; Cowan et al. 2011)");
    var toys = f.toys().map(t -> SummaryRecords.ToySignificance.of(t.nToys(), t.nFailed(), t.nAtLeast(),
        t.pValue(), t.pValueError(), t.z())).orElse(null);
    var gof = new SummaryRecords.GoodnessOfFit(b.gofChi2(), b.poissonChi2(), b.ndf(), b.gofPValue());
    List<SummaryRecords.Poi> pois = new ArrayList<>();
    pois.add(new SummaryRecords.Poi(BinnedModel.POI_NAME, b.mu(), 1.0, f.interval68().map(SummaryJson::bounds)
        .orElse(null), f.interval90().map(SummaryJson::bounds).orElse(null), null));
    for (PoiFit p : f.physics()) {
      pois.add(new SummaryRecords.Poi(p.name(), p.best(), p.nominal(), p.interval68().map(SummaryJson::bounds)
          .orElse(null), p.interval90().map(SummaryJson::bounds).orElse(null), p.problem().orElse(null)));
    }
    List<SummaryRecords.Prior> priors = new ArrayList<>();
    // in name order: the configured map's iteration order is not defined (Map.copyOf varies between JVM runs),
    // and summary.json must be the same bytes for the same configuration and seed
    for (Map.Entry<String, Constraint> e : new TreeMap<>(cfg.fit().backgroundConstraints()).entrySet()) {
      priors.add(new SummaryRecords.Prior(e.getKey(), e.getValue().spelling()));
    }
    priors.add(new SummaryRecords.Prior("(default)", cfg.fit().defaultConstraint().spelling()));
    return new SummaryRecords.Fit(ConfigNode.spelling(cfg.fit().observable()), channels, b.mu(), b.muHesseError(),
        f.interval68().map(SummaryJson::interval).orElse(null), f.interval90().map(SummaryJson::interval)
        .orElse(null), f.intervalProblem().orElse(null), significance, toys, gof, b.converged(),
        f.multimodality().map(org.cevns.analysis.fit.Multimodality::message).orElse(null), pois,
        SummaryRecords.Nuisance.of(f.nuisances()), SummaryRecords.Impact.of(f.allImpacts()), allParameters(f, b),
        priors);
  }

  private static List<SummaryRecords.Parameter> allParameters(FitReport f, FitResult b) {
    List<SummaryRecords.Parameter> out = new ArrayList<>();
    var model = f.built().model();
    for (int k = 0; k < b.names().size(); k++) {
      String kind;
      Double relativeWidth = null;
      String component = null;
      if (k == 0) {
        kind = "poi";
      } else if (k >= model.alphaOffset()) {
        kind = k < model.physicsOffset() ? "systematic" : "physics";
      } else {
        NormParameter n = model.norm(k);
        kind = n.kind().name().toLowerCase(Locale.ROOT);
        if (n.kind() == NormParameter.Kind.CONSTRAINED) {
          relativeWidth = n.relativeWidth();
        }
        component = f.built().backgroundNorms().get(n.name());
      }
      out.add(new SummaryRecords.Parameter(b.names().get(k), b.parameters()[k], b.hesseErrors()[k], kind,
          relativeWidth, component));
    }
    return out;
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

  private static SummaryRecords.Bounds bounds(Interval i) {
    return SummaryRecords.Bounds.of(i);
  }

  private static SummaryRecords.Interval interval(Interval i) {
    return new SummaryRecords.Interval(i.cl(), i.lower(), i.upper(), i.lowerAtBound(), i.upperAtBound());
  }
}
