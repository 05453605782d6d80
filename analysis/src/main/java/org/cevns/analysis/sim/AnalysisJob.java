package org.cevns.analysis.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SignalProcess;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.events.WindowSpec;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.pipeline.AnalysisInputs;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.BinningResolver;
import org.cevns.analysis.pipeline.BinningResolver.RangeHint;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.pipeline.TemplateScaling;
import org.cevns.analysis.pipeline.TemplateStatistics;
import org.cevns.analysis.pipeline.TemplateSystematics;
import org.cevns.analysis.reweight.CevnsFamily;
import org.cevns.analysis.reweight.SignalEvents;
import org.cevns.detsim.setup.WindowsConfig;
import org.cevns.detsim.response.LightYieldResponse;
import org.cevns.detsim.window.AntiWindowPlacement;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.io.HadoopFiles;

/**
 * The analysis of a configuration, end to end: binning (configured; open ends from a pilot simulation of the
 * detected CEvNS signal, pooled over detectors of the same target so they share a binning), templates (in-memory simulation or a template file), data histograms from event files, the
 * exposure from the files' metadata (templates scaled to it), then {@link AnalysisResult}; and the sensitivity
 * scan from the same templates. Seeds: the templates use the run seed mixed with {@link #TEMPLATE_STREAM}, the
 * pilot with {@link #PILOT_STREAM}, the toys the run seed mixed with {@link #TOY_STREAM}; none equals the seed of
 * a data simulation with the same run seed.
 */
public final class AnalysisJob {
  public static final long TEMPLATE_STREAM = 0x74656d706c617465L; // "template"
  public static final long PILOT_STREAM = 0x70696c6f74000000L; // "pilot"
  public static final long TOY_STREAM = 0x746f797300000000L; // "toys"

  private AnalysisJob() {}

  /**
   * How to run.
   *
   * @param threads worker threads
   * @param seed run seed
   * @param templateFile a high-statistics simulate output to use as templates, instead of simulating them
   * @param maxTemplateEvents cap on the template simulation's events
   * @param log progress messages (one line each)
   * @param remedy the options that the template-statistics warning names: those of the command
   *     ({@link TemplateStatistics.Remedy})
   * @param recoilFloors whether the template simulation may sample recoils above floors ({@link TemplateRecoilFloors})
   */
  public record Options(int threads, long seed, Optional<String> templateFile, long maxTemplateEvents,
      Consumer<String> log, TemplateStatistics.Remedy remedy, boolean recoilFloors) {
    /** For a command with both {@code --max-template-events} and {@code --templates}. */
    public Options(int threads, long seed, Optional<String> templateFile, long maxTemplateEvents,
        Consumer<String> log) {
      this(threads, seed, templateFile, maxTemplateEvents, log, TemplateStatistics.Remedy.MAX_EVENTS_OR_TEMPLATE_FILE);
    }

    /** With the templates' recoil floors allowed ({@link TemplateRecoilFloors}). */
    public Options(int threads, long seed, Optional<String> templateFile, long maxTemplateEvents,
        Consumer<String> log, TemplateStatistics.Remedy remedy) {
      this(threads, seed, templateFile, maxTemplateEvents, log, remedy, true);
    }

    /**
     * These options without the templates' recoil floors: for a fit or scan whose physics parameters reweight the
     * templates' events (the floors' bound holds for the simulated cross section only).
     */
    public Options withoutRecoilFloors() {
      return new Options(threads, seed, templateFile, maxTemplateEvents, log, remedy, false);
    }
  }

  /**
   * The prepared binning, templates and windows of a configuration, and the systematics' re-folded templates and
   * reweighting inputs (same exposure as the templates), and which simulated events are the signal (the data
   * files are histogrammed with the same).
   */
  public record Prepared(HistogramBinning binning, TemplateMaker.Templates templates, Optional<WindowSpec> windows,
      TemplateSystematics systematics, SignalProcess signal) {}

  /** Beam windows of the configuration, if any. */
  public static Optional<WindowSpec> windows(SimulationSetup setup) {
    return setup.detsim().windows().map(AnalysisJob::spec);
  }

  static WindowSpec spec(WindowsConfig w) {
    double anti = w.placement() == AntiWindowPlacement.BEFORE ? w.coincidenceStartNs() - w.delayNs()
        : w.coincidenceStartNs() + w.delayNs();
    return new WindowSpec(w.coincidenceStartNs(), w.coincidenceLengthNs(), anti);
  }

  /**
   * Rejects a template file ({@code --templates}) when the configuration has response systematics or physics
   * parameters: they re-fold or re-weight the events of an in-memory template simulation, which a file does not
   * give (call before reading any input).
   *
   * @throws IllegalArgumentException naming the key
   */
  public static void checkTemplateFileAllowed(AnalysisConfig config) {
    if (!config.parameters().isEmpty()) {
      throw new IllegalArgumentException("analysis.parameters: physics parameters " + config.parameters()
          + " re-weight the template simulation's events and are not available with --templates; remove them or"
          + " simulate the templates");
    }
    for (var e : config.systematics().entries()) {
      if (e.isRefold()) {
        String key = e.kind() == org.cevns.analysis.config.Systematic.Kind.RESPONSE_VARIANT
            ? org.cevns.analysis.config.ResponseVariants.KEY : e.kind().name().toLowerCase(java.util.Locale.ROOT);
        String owner = e.kind() == org.cevns.analysis.config.Systematic.Kind.PULSE_WIDTH ? "sources." : "detectors.";
        throw new IllegalArgumentException("analysis.systematics." + owner + e.owner() + "."
            + key + ": response systematics re-fold the template"
            + " simulation and are not available with --templates; remove it or simulate the templates");
      }
    }
  }

  /**
   * Rejects, before any simulation, an {@code analysis.parameters} entry that is spelled correctly but that this
   * configuration does not have (a {@code mediator[k].*} without {@code physics.mediators}, {@code sterile.*}
   * without {@code physics.sterile}, {@code ngi.<structure>.mass_mev} of a contact interaction, a universal NGI
   * name whose flavours differ), naming the entry and the parameters the configuration has. Without this check the
   * error came only after the template simulation, with every one of the ~150 names listed.
   *
   * @throws IllegalArgumentException naming {@code analysis.parameters[i]}
   */
  public static void checkParameterNames(AnalysisConfig config, SimulationSetup setup) {
    if (config.parameters().isEmpty()) {
      return;
    }
    CevnsFamily family = null;
    for (int i = 0; i < config.parameters().size(); i++) {
      String n = config.parameters().get(i);
      if (n.equals("mu")) {
        continue;
      }
      if (family == null) {
        family = family(setup);
      }
      FitParameterNames.requirePhysics(n, "analysis.parameters[" + i + "]", family);
    }
  }

  /** Resolves the binning (pilot run if needed) and makes the templates. */
  public static Prepared prepare(SimulationSetup setup, AnalysisConfig config, Options o) throws Exception {
    if (o.templateFile().isEmpty()) {
      checkParameterNames(config, setup);
    }
    FitRangeCheck.check(config, setup);
    FitPeriodsCheck.check(config, setup.model());
    return prepareChecked(setup, config, o);
  }

  /** The recoil floors of the template simulation, or none with the reason ({@link TemplateRecoilFloors}). */
  static TemplateRecoilFloors.Decision recoilFloors(SimulationSetup setup, AnalysisConfig config, Options o) {
    if (!o.recoilFloors()) {
      return TemplateRecoilFloors.none("physics parameters reweight the templates");
    }
    if (!config.parameters().isEmpty()) {
      return TemplateRecoilFloors.none("analysis.parameters reweight the templates");
    }
    return TemplateRecoilFloors.of(setup, config);
  }

  private static Prepared prepareChecked(SimulationSetup setup, AnalysisConfig config, Options o) throws Exception {
    Optional<WindowSpec> windows = windows(setup);
    List<String> detectors = setup.detectors();
    RunExposure configured = RunExposure.of(setup.model());
    GeneratorSettings gs = setup.model().config().generator();
    Map<String, RangeHint> hints = Map.of();
    boolean open = detectors.stream().anyMatch(d -> !config.energyOf(d).isComplete()) || !config.pe().isComplete();
    if (open) {
      o.log().accept("pilot simulation for the default energy ranges");
      hints = SimulatedSpectra.pilot(setup, gs, o.seed() ^ PILOT_STREAM, o.threads(), scratch(detectors));
      Map<String, String> targets = new LinkedHashMap<>();
      setup.model().config().detectors().forEach(d -> targets.put(d.name(), d.target().toString()));
      hints = BinningResolver.pooled(hints, targets);
    }
    Optional<double[]> recorded = setup.detsim().windows().flatMap(w -> w.recordLengthNs().isPresent()
        ? Optional.of(new double[] {w.recordStartNs(), w.recordStartNs() + w.recordLengthNs().getAsDouble()})
        : Optional.empty());
    HistogramBinning binning = BinningResolver.resolve(config, detectors, windows, recorded, configured, hints,
        pePerKeVee(setup));
    TemplateMaker.Templates t;
    TemplateSystematics ts;
    if (o.templateFile().isPresent()) {
      o.log().accept("templates from " + o.templateFile().get());
      checkTemplateFileAllowed(config);
      t = TemplateMaker.fromFiles(o.templateFile().get(), binning, o.threads(),
          SignalProcess.of(setup.model().config()));
      ts = TemplateSystematics.of(config.systematics());
    } else {
      TemplateRecoilFloors.Decision floors = recoilFloors(setup, config, o);
      if (floors.applied()) {
        o.log().accept(floors.log());
      }
      TemplateSizes sizes = TemplateSizes.of(setup, floors.floors(), config.fit().templateFactor(),
          config.fit().minBackgroundTemplateEvents(), o.maxTemplateEvents());
      o.log().accept(sizes.log(floors.applied()));
      if (config.mode() == AnalysisMode.BEAM) {
        RecordSpanNote.of(setup, floors.floors()).ifPresent(o.log());
      }
      SignalEvents events = new SignalEvents();
      long nResponse = config.systematics().entries().stream().filter(e -> e.isRefold()).count();
      if (nResponse > 0) {
        o.log().accept("re-folding the templates for " + nResponse + " response systematic(s) at +-1 sigma");
      }
      // one pass: the variations re-fold the nominal simulation's events (TemplateMaker.simulateFolded)
      TemplateMaker.Folded folded = TemplateMaker.simulateFolded(setup, gs, config.fit(), config.systematics(),
          binning, o.seed() ^ TEMPLATE_STREAM, o.threads(), o.maxTemplateEvents(), events, floors.floors());
      t = folded.templates();
      SignalTemplateCheck.check(setup, config, t.expected(), sizes);
      List<Map<String, SpectrumSet>> v = folded.variations();
      ts = new TemplateSystematics(config.systematics(),
          TemplateMaker.keepMeasuredNominal(v.get(0), t.expected(), config.systematics()),
          TemplateMaker.keepMeasuredNominal(v.get(1), t.expected(), config.systematics()), Optional.of(events),
          Optional.of(family(setup)), periodSources(setup));
    }
    if (!config.fit().templateFiles().isEmpty()) {
      o.log().accept("templates of " + config.fit().templateFiles().size() + " key(s) from analysis.fit.template_files");
      SpectrumSet expected = org.cevns.analysis.pipeline.FileTemplates.apply(config.fit(), t.expected(), t.exposure());
      ts = org.cevns.analysis.pipeline.FileTemplates.apply(config.fit(), ts, expected, t.exposure());
      t = new TemplateMaker.Templates(expected, t.exposure(), t.info());
    }
    return new Prepared(binning, t, windows, ts, SignalProcess.of(setup.model().config()));
  }

  /**
   * {@link #prepare(SimulationSetup, AnalysisConfig, Options)} with the templates simulated at the new-physics
   * point {@code simulated} instead of the configured one (importance sampling for scans, see
   * {@link CevnsFamily#simulationPoint}); the family keeps the configured nominal values and reweights from
   * {@code simulated}. The templates' modifiers (systematic deltas, statistical errors) are those of the simulated
   * point; the signal and {@code eves} expectations of the fit are the reweighted ones.
   */
  public static Prepared prepare(SimulationSetup setup, AnalysisConfig config, Options o,
      org.cevns.physics.xs.bsm.NewPhysics simulated) throws Exception {
    var experiment = setup.model().config();
    if (simulated.equals(experiment.physics().newPhysics())) {
      return prepare(setup, config, o);
    }
    if (o.templateFile().isEmpty()) {
      // the configured point's names: at the simulation point a universal NGI name may not exist
      checkParameterNames(config, setup);
    }
    FitRangeCheck.check(config, setup);
    FitPeriodsCheck.check(config, setup.model());
    o.log().accept("template simulation at " + simulated.nonZeroParameters() + " (reweighted to the configured point)");
    var model = org.cevns.generator.model.ExperimentModel.build(
        experiment.withPhysics(experiment.physics().withNewPhysics(simulated)));
    SimulationSetup at = SimulationSetup.of(model, org.cevns.detsim.setup.DetsimConfig.of(model),
        "templates at the simulation point of a scan");
    Prepared p = prepareChecked(at, config, o.withoutRecoilFloors()); // reweighted from the simulation point
    TemplateSystematics ts = p.systematics().withFamily(f -> family(setup).simulatedAt(simulated));
    return new Prepared(p.binning(), p.templates(), p.windows(), ts, p.signal());
  }

  /** The CEvNS cross-section family of the configuration's physics and target nuclides. */
  public static CevnsFamily family(SimulationSetup setup) {
    return family(setup.model());
  }

  /** The CEvNS cross-section family of the model's physics and target nuclides. */
  public static CevnsFamily family(org.cevns.generator.model.ExperimentModel model) {
    List<org.cevns.physics.nucleus.Isotope> isotopes = new java.util.ArrayList<>();
    List<org.cevns.physics.nucleus.Target> targets = new java.util.ArrayList<>();
    for (var d : model.detectors()) {
      targets.add(d.target());
      for (int i = 0; i < d.target().size(); i++) {
        isotopes.add(d.target().isotope(i));
      }
    }
    return CevnsFamily.of(model.config().physics(), isotopes, targets);
  }

  /** The source name of each period of the configuration. */
  public static Map<String, String> periodSources(SimulationSetup setup) {
    Map<String, String> m = new LinkedHashMap<>();
    var sources = setup.model().config().sources();
    for (var e : setup.model().exposures()) {
      m.putIfAbsent(e.period(), sources.get(e.sourceIndex()).name());
    }
    return m;
  }

  /** Light yield of the detectors whose observed energy is a whole number of PE over it (Poisson light yield). */
  static Map<String, Double> pePerKeVee(SimulationSetup setup) {
    Map<String, Double> out = new LinkedHashMap<>();
    var dets = setup.model().config().detectors();
    var responses = setup.detsim().responses();
    for (int i = 0; i < dets.size() && i < responses.size(); i++) {
      String name = dets.get(i).name();
      responses.get(i).map(r -> r.energy()).ifPresent(e -> {
        if (e instanceof LightYieldResponse ly && ly.smearing() == LightYieldResponse.Smearing.POISSON) {
          out.put(name, ly.lightYieldPePerKeVee());
        }
      });
    }
    return out;
  }

  private static HistogramBinning scratch(List<String> detectors) {
    Map<String, BinEdges> e = new LinkedHashMap<>();
    detectors.forEach(d -> e.put(d, BinEdges.uniform(1, 0, 1)));
    return new HistogramBinning(e, Map.of(), BinEdges.uniform(1, 0, 1), Optional.empty());
  }

  /**
   * Data histograms with the templates and the systematics' templates scaled to the data's exposure.
   *
   * @param data the data histograms
   * @param exposure the data's exposure
   * @param templates templates at the data's exposure
   * @param systematics the systematics at the data's exposure
   * @param windows the beam windows of the files, if any
   */
  public record Scaled(SpectrumSet data, RunExposure exposure, SpectrumSet templates, TemplateSystematics systematics,
      Optional<WindowSpec> windows) {}

  /**
   * Rejects, before the templates are simulated, event files whose recorded exposure ({@code cevns.exposure}: the
   * simulation's, or the import mapping's) names a detector the configuration does not have, or that templates of
   * the configured exposure cannot be scaled to ({@link TemplateScaling#requireComparable}; not checked with
   * {@code templates} from a file, whose exposure is the file's; {@link #read} checks it again), and imported files
   * that lack a window the fit needs or hold no event in its energy range ({@link ImportedDataCheck}).
   *
   * @param warn receives {@link ImportedDataCheck}'s warning line, if any
   * @throws IllegalArgumentException naming the detector (and the file) and the value
   */
  public static void checkData(SimulationSetup setup, AnalysisConfig config, List<EventFile> files,
      boolean templatesFromFile, java.util.function.Consumer<String> warn) {
    Optional<RunExposure> e = EventFileHistogrammer.exposure(files);
    if (e.isEmpty()) {
      return; // no imported file either: ImportedDataCheck needs cevns.exposure
    }
    List<String> detectors = setup.detectors();
    for (String d : e.get().detectors()) {
      if (!detectors.contains(d)) {
        throw new IllegalArgumentException("the event files have detector '" + d + "', the configuration "
            + detectors + " (import: detector)");
      }
    }
    if (!templatesFromFile) {
      TemplateScaling.requireComparable(RunExposure.of(setup.model()), e.get());
    }
    ImportedDataCheck.check(config, setup, files, HadoopFiles.configuration(), warn);
  }

  /** Reads event files (listed, footers read) and scales the prepared templates to their exposure. */
  public static Scaled read(AnalysisConfig config, Prepared p, List<EventFile> files, Options o) throws Exception {
    o.log().accept("reading " + files.size() + " event file(s)");
    var read = EventFileHistogrammer.histogram(files, p.binning(), o.threads(), HadoopFiles.configuration(),
        p.signal());
    o.log().accept(String.format(java.util.Locale.ROOT, "read %d rows (%d detected) in %.2f s", read.rowsRead(),
        read.rowsDetected(), read.seconds()));
    if (config.mode() == AnalysisMode.BEAM && read.windows().isPresent() && p.windows().isPresent()
        && !read.windows().get().sameAs(p.windows().get())) {
      throw new IllegalArgumentException("the event files were made with beam windows " + read.windows().get()
          + ", the configuration has " + p.windows().get());
    }
    RunExposure exposure = read.exposure().orElse(p.templates().exposure());
    TemplateScaling.requireComparable(p.templates().exposure(), exposure);
    SpectrumSet templates = TemplateScaling.toExposure(p.templates().expected(), p.templates().exposure(), exposure);
    TemplateSystematics ts = p.systematics().mapTemplates(
        s -> TemplateScaling.toExposure(s, p.templates().exposure(), exposure));
    return new Scaled(read.spectra(), exposure, templates, ts, read.windows());
  }

  /** Analyses event files (listed, footers read) with prepared templates. */
  public static AnalysisResult analyze(SimulationSetup setup, AnalysisConfig config, Prepared p, List<EventFile> files,
      Options o) throws Exception {
    Scaled d = read(config, p, files, o);
    AnalysisInputs in = new AnalysisInputs(setup.model().config().name(), config, d.data(), d.exposure(),
        d.templates(), p.templates().info(), p.windows().or(d::windows), o.seed() ^ TOY_STREAM,
        java.util.Optional.of(org.cevns.generator.Provenance.of(setup.model().config(), o.seed())), d.systematics(),
        files.stream().anyMatch(f -> f.metadata().containsKey(org.cevns.analysis.importer.EventImporter.META_MAPPING)),
        p.signal());
    o.log().accept("fitting");
    return AnalysisResult.of(in, o.remedy());
  }

  /**
   * The sensitivity scan of the configured exposure; its template-statistics warning names the options of
   * {@code remedy} (the command's, {@link Options#remedy}).
   */
  public static SensitivityReport sensitivity(AnalysisConfig config, Prepared p, long seed,
      TemplateStatistics.Remedy remedy) {
    return SensitivityReport.run(config, p.templates().expected(), p.templates().exposure(), seed ^ TOY_STREAM,
        p.systematics(), remedy);
  }
}
