package org.cevns.analysis.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.cevns.analysis.config.FitSettings;
import org.cevns.analysis.config.TemplateNormalisation;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.pipeline.AnalysisInputs.TemplateInfo;
import org.cevns.detsim.sim.ExpectedDetected;
import org.cevns.physics.Process;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.io.HadoopFiles;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RecoilFloors;

/**
 * Fit templates: expected detected counts at μ = 1 per (detector, period, window, component), as histograms,
 * for the configured exposure.
 *
 * <ul>
 *   <li>{@link #simulate}: a high-statistics simulation in memory with N = factor × the expected events (capped
 *       at {@code maxEvents}), each event weighted by expected / N (weighted generation: its own weights, which
 *       already sum to the expectation); small backgrounds get at least
 *       {@code analysis.fit.min_background_template_events} events each, with weights to match
 *       ({@link TemplateSizes}); with {@link TemplateNormalisation#MODEL} each key's total is then set to
 *       the expected detected count of {@link ExpectedDetected} (numerical integration of the model), which removes
 *       the templates' statistical normalisation error and keeps only their shapes;
 *   <li>{@link #fromFiles}: a high-statistics {@code cevns simulate} output (one run, possibly in shards), each
 *       event weighted by {@code cevns.expected_total_events} / events of the run (unweighted files).
 * </ul>
 */
public final class TemplateMaker {
  /** Default cap on the events of the template simulation. */
  public static final long DEFAULT_MAX_EVENTS = 10_000_000L;

  private TemplateMaker() {}

  /**
   * Templates and where they come from.
   *
   * @param expected expected counts at μ = 1 for {@code exposure}
   * @param exposure the exposure the templates are made for
   * @param info description for the summary
   */
  public record Templates(SpectrumSet expected, RunExposure exposure, TemplateInfo info) {}

  /** Templates from a simulation of the configuration. */
  public static Templates simulate(SimulationSetup setup, GeneratorSettings settings, FitSettings fit,
      HistogramBinning binning, long seed, int threads, long maxEvents, LongConsumer progress) throws Exception {
    return simulate(setup, settings, fit, binning, seed, threads, maxEvents, progress, null, null);
  }

  /**
   * As above; {@code energyFactors} (per detector, or null) scale the observed energies (energy-scale variations),
   * {@code events} (or null) records the detected CEvNS events for reweighting. The event count depends only on
   * the expectation, so a variation with the same seed re-folds the same events.
   */
  public static Templates simulate(SimulationSetup setup, GeneratorSettings settings, FitSettings fit,
      HistogramBinning binning, long seed, int threads, long maxEvents, LongConsumer progress, double[] energyFactors,
      org.cevns.analysis.reweight.SignalEvents events) throws Exception {
    return simulate(setup, settings, fit, binning, seed, threads, maxEvents, progress, energyFactors, events,
        RecoilFloors.NONE);
  }

  /**
   * As above, the signal channels sampled above {@code floors} ({@link TemplateRecoilFloors}): N and the weights
   * follow the expectation above them, {@link #expectedEvents}.
   */
  public static Templates simulate(SimulationSetup setup, GeneratorSettings settings, FitSettings fit,
      HistogramBinning binning, long seed, int threads, long maxEvents, LongConsumer progress, double[] energyFactors,
      org.cevns.analysis.reweight.SignalEvents events, RecoilFloors floors) throws Exception {
    TemplateSizes sizes = TemplateSizes.of(setup, floors, fit.templateFactor(), fit.minBackgroundTemplateEvents(),
        maxEvents);
    long n = sizes.events();
    double expected = sizes.samplingExpected();
    double factor = sizes.eventsPerExpected();
    double scale = settings.weighted() ? 1.0 : expected / n;
    SpectrumSet s = SimulatedSpectra.histogram(setup, settings, seed, EventCount.fixed(n, expected), threads, binning,
        scale, null, progress, energyFactors, events, floors, sizes);
    return templates(s, setup, fit, factor, seed);
  }

  /**
   * The templates re-folded through each response systematic's shifted response at +1σ and −1σ (same seed and
   * event count as the nominal templates: the same events), by nuisance parameter name. A {@code timing} entry
   * shifts the beam-related event times of its detector by ±size ns ({@code DetectorResponse.withBeamTimeOffsetNs});
   * a {@code pulse_width} entry re-simulates with its source's pulse width × (1 ± size) ({@link PulseWidthVariation}).
   *
   * @return {up, down}
   */
  public static java.util.List<Map<String, SpectrumSet>> responseVariations(SimulationSetup setup,
      GeneratorSettings settings, FitSettings fit, org.cevns.analysis.config.Systematics systematics,
      HistogramBinning binning, long seed, int threads, long maxEvents) throws Exception {
    return responseVariations(setup, settings, fit, systematics, binning, seed, threads, maxEvents, RecoilFloors.NONE);
  }

  /** As above, the signal sampled above {@code floors} (those of the nominal templates: the same events). */
  public static java.util.List<Map<String, SpectrumSet>> responseVariations(SimulationSetup setup,
      GeneratorSettings settings, FitSettings fit, org.cevns.analysis.config.Systematics systematics,
      HistogramBinning binning, long seed, int threads, long maxEvents, RecoilFloors floors) throws Exception {
    Map<String, SpectrumSet> up = new java.util.LinkedHashMap<>();
    Map<String, SpectrumSet> down = new java.util.LinkedHashMap<>();
    for (Varied v : varied(setup, systematics)) {
      Templates t = simulate(v.setup(), settings, fit, binning, seed, threads, maxEvents, null, v.energyFactors(), null,
          floors);
      (v.sign() > 0 ? up : down).put(v.parameter(), t.expected());
    }
    return java.util.List.of(up, down);
  }

  /**
   * The nominal templates ({@link #simulate}, {@code events} recorded) and the response variations
   * ({@link #responseVariations}) of the same seed and floors, the same numbers, with every variation that re-folds
   * the nominal simulation's events through another response of the same model and plan simulated in the nominal
   * pass ({@link SharedTruthFolds}: the truth drawn once); the others ({@code pulse_width}, which changes the model)
   * simulated apart.
   *
   * @return the nominal templates and {up, down} of {@link #responseVariations}
   */
  public static Folded simulateFolded(SimulationSetup setup, GeneratorSettings settings, FitSettings fit,
      org.cevns.analysis.config.Systematics systematics, HistogramBinning binning, long seed, int threads,
      long maxEvents, org.cevns.analysis.reweight.SignalEvents events, RecoilFloors floors) throws Exception {
    TemplateSizes sizes = TemplateSizes.of(setup, floors, fit.templateFactor(), fit.minBackgroundTemplateEvents(),
        maxEvents);
    List<Varied> all = varied(setup, systematics);
    List<SharedTruthFolds.Fold> folds = new java.util.ArrayList<>();
    boolean nominalPlain = SharedTruthFolds.noTimeOffsets(setup);
    boolean[] shared = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Varied v = all.get(i);
      shared[i] = nominalPlain && v.setup().model() == setup.model()
          && samePlan(sizes, TemplateSizes.of(v.setup(), floors, fit.templateFactor(),
              fit.minBackgroundTemplateEvents(), maxEvents));
      if (shared[i]) {
        folds.add(new SharedTruthFolds.Fold(v.setup(), v.energyFactors()));
      }
    }
    long n = sizes.events();
    double scale = settings.weighted() ? 1.0 : sizes.samplingExpected() / n;
    List<SpectrumSet> spectra = SharedTruthFolds.histogram(setup, settings, seed,
        EventCount.fixed(n, sizes.samplingExpected()), threads, binning, scale, null, events, floors, sizes, folds);
    Templates nominal = templates(spectra.get(0), setup, fit, sizes.eventsPerExpected(), seed);
    Map<String, SpectrumSet> up = new java.util.LinkedHashMap<>();
    Map<String, SpectrumSet> down = new java.util.LinkedHashMap<>();
    int next = 1;
    for (int i = 0; i < all.size(); i++) {
      Varied v = all.get(i);
      SpectrumSet t = shared[i] ? templates(spectra.get(next++), v.setup(), fit, sizes.eventsPerExpected(), seed)
          .expected() : simulate(v.setup(), settings, fit, binning, seed, threads, maxEvents, null, v.energyFactors(),
          null, floors).expected();
      (v.sign() > 0 ? up : down).put(v.parameter(), t);
    }
    return new Folded(nominal, java.util.List.of(up, down));
  }

  /**
   * Nominal templates and their response variations.
   *
   * @param templates the nominal templates
   * @param variations {up, down} by nuisance parameter name
   */
  public record Folded(Templates templates, java.util.List<Map<String, SpectrumSet>> variations) {}

  private static boolean samePlan(TemplateSizes a, TemplateSizes b) {
    return a.events() == b.events() && Double.compare(a.samplingExpected(), b.samplingExpected()) == 0
        && java.util.Arrays.equals(a.backgroundSampling(), b.backgroundSampling())
        && java.util.Arrays.equals(a.slotScale(), b.slotScale())
        && Double.compare(a.eventsPerExpected(), b.eventsPerExpected()) == 0;
  }

  /** The templates of simulated spectra {@code s} (normalised to the model if so configured). */
  private static Templates templates(SpectrumSet s, SimulationSetup setup, FitSettings fit, double factor,
      long seed) {
    SpectrumSet t = fit.templateNormalisation() == TemplateNormalisation.MODEL ? normaliseToModel(s, setup) : s;
    return new Templates(t, RunExposure.of(setup.model()), new TemplateInfo("simulation", factor,
        fit.templateNormalisation().name().toLowerCase(java.util.Locale.ROOT), seed));
  }

  /**
   * One response systematic at +1σ or −1σ.
   *
   * @param parameter the nuisance parameter's name
   * @param sign +1 or −1
   * @param setup the simulation with the shifted response (or pulse width)
   * @param energyFactors per detector, the factor on the reported energies
   */
  record Varied(String parameter, int sign, SimulationSetup setup, double[] energyFactors) {}

  /** The shifted simulations of every response systematic, +1σ then −1σ of each, in configuration order. */
  static java.util.List<Varied> varied(SimulationSetup setup, org.cevns.analysis.config.Systematics systematics) {
    java.util.List<Varied> out = new java.util.ArrayList<>();
    java.util.List<String> detectors = setup.detectors();
    for (org.cevns.analysis.config.Systematic e : systematics.entries()) {
      if (!e.isRefold()) {
        continue;
      }
      for (int sign : new int[] {+1, -1}) {
        double[] factors = new double[detectors.size()];
        java.util.Arrays.fill(factors, 1.0);
        SimulationSetup varied;
        if (e.kind() == org.cevns.analysis.config.Systematic.Kind.PULSE_WIDTH) {
          varied = PulseWidthVariation.of(setup, e.owner(), 1 + sign * e.size());
        } else {
          int d = detectors.indexOf(e.owner());
          ResponseVariation v = switch (e.kind()) {
            case RESPONSE_VARIANT -> new ResponseVariation(org.cevns.analysis.config.ResponseVariants.response(
                setup.model().config(), e.owner(), e.parameter(), sign > 0), 1.0);
            case TIMING -> new ResponseVariation(setup.detsim().response(d).withBeamTimeOffsetNs(sign * e.size()),
                1.0);
            default -> ResponseVariation.of(setup.detsim().response(d), e.kind(), 1 + sign * e.size());
          };
          varied = SimulationSetup.of(setup.model(), setup.detsim().withResponse(d, v.response()),
              "systematic variation");
          factors[d] = v.reportedEnergyFactor();
        }
        out.add(new Varied(e.parameter(), sign, varied, factors));
      }
    }
    return out;
  }

  /**
   * {@code varied} (templates re-folded through a response systematic) with the templates of measured backgrounds
   * ({@link org.cevns.analysis.config.Systematics#isMeasured}) taken from {@code nominal}: their spectra were measured
   * with the detector, so a different response does not change what it records (e.g. COHERENT CsI's steady-state
   * background, taken from the anticoincidence data of the same crystal: re-folding it through a ±1σ efficiency curve
   * let the high-statistics anticoincidence data constrain the efficiency).
   */
  public static SpectrumSet keepMeasuredNominal(SpectrumSet varied, SpectrumSet nominal,
      org.cevns.analysis.config.Systematics systematics) {
    if (systematics.measuredBackgrounds().isEmpty()) {
      return varied;
    }
    Map<SpectrumKey, KeySpectra> m = new HashMap<>();
    varied.asMap().forEach((k, v) -> {
      if (!systematics.isMeasured(k.detector(), k.component())) {
        m.put(k, v);
      }
    });
    nominal.asMap().forEach((k, v) -> {
      if (systematics.isMeasured(k.detector(), k.component())) {
        m.put(k, v);
      }
    });
    return SpectrumSet.of(varied.binning(), m);
  }

  /** {@link #keepMeasuredNominal} of each variation of {@code varied} (by nuisance parameter name, order kept). */
  public static Map<String, SpectrumSet> keepMeasuredNominal(Map<String, SpectrumSet> varied, SpectrumSet nominal,
      org.cevns.analysis.config.Systematics systematics) {
    Map<String, SpectrumSet> out = new java.util.LinkedHashMap<>();
    varied.forEach((name, set) -> out.put(name, keepMeasuredNominal(set, nominal, systematics)));
    return out;
  }

  /** Expected events of the template simulation: the signal above {@code floors} plus every background channel. */
  static double expectedEvents(SimulationSetup setup, RecoilFloors floors) {
    return floors == RecoilFloors.NONE ? setup.expectedEvents()
        : floors.totalExpectedEvents(setup.model()) + setup.backgrounds().totalExpected();
  }

  /** Every key's total set to the model's expected detected count (keys the model lacks are kept). */
  static SpectrumSet normaliseToModel(SpectrumSet s, SimulationSetup setup) {
    Map<SpectrumKey, Double> model = new HashMap<>();
    SignalProcess signal = SignalProcess.of(setup.model().config());
    for (ExpectedDetected.Entry e : ExpectedDetected.of(setup.model(), setup.detsim(), setup.backgrounds())) {
      String component = signal.component(e.component(), e.process() == Process.EVES);
      SpectrumKey k = new SpectrumKey(setup.model().detectors().get(e.detectorIndex()).name(), e.period(),
          e.window().columnName(), component);
      model.merge(k, e.expected(), Double::sum);
    }
    return s.scaled(k -> {
      Double m = model.get(k);
      double have = s.get(k).map(KeySpectra::sumW).orElse(0.0);
      return m != null && have > 0 ? m / have : 1.0;
    });
  }

  /**
   * Templates from a high-statistics event file or directory of shards of one unweighted {@code cevns simulate}
   * run (all rows kept).
   *
   * @param signal which simulated rows are the signal (the analysed configuration's, {@link SignalProcess#of})
   * @throws IllegalArgumentException if the files are of several runs, weighted with dropped rows, or lack the
   *     metadata
   */
  public static Templates fromFiles(String input, HistogramBinning binning, int threads, SignalProcess signal)
      throws Exception {
    var conf = HadoopFiles.configuration();
    List<EventFile> files = EventFile.list(List.of(input), conf);
    String run = files.get(0).runId();
    long rows = 0;
    for (EventFile f : files) {
      if (!f.runId().equals(run)) {
        throw new IllegalArgumentException(input + ": template files must come from one simulate run (same seed and"
            + " configuration); " + f.path() + " is from another");
      }
      rows += f.rows();
    }
    Map<String, String> meta = files.get(0).metadata();
    boolean weighted = "true".equals(meta.get("cevns.weighted"));
    double scale;
    if (weighted) {
      scale = 1.0;
    } else {
      if ("true".equals(meta.get("cevns.drop_undetected"))) {
        throw new IllegalArgumentException(input + ": unweighted template files must keep every event (simulate"
            + " without --drop-undetected), or be weighted (--weighted)");
      }
      String expected = meta.get("cevns.expected_total_events");
      if (expected == null || rows == 0) {
        throw new IllegalArgumentException(input + ": no cevns.expected_total_events metadata or no events");
      }
      scale = Double.parseDouble(expected) / rows;
    }
    var r = EventFileHistogrammer.histogram(files, binning, threads, conf, signal);
    SpectrumSet s = r.spectra().scaled(k -> scale);
    RunExposure exposure = r.exposure().orElseThrow(() -> new IllegalArgumentException(input
        + ": no cevns.exposure metadata"));
    double expectedTotal = Double.parseDouble(meta.getOrDefault("cevns.expected_total_events", "NaN"));
    return new Templates(s, exposure, new TemplateInfo(input, rows / expectedTotal, "simulation",
        Long.parseLong(meta.getOrDefault("cevns.seed", "0"))));
  }
}
