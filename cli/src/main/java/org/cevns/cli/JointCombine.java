package org.cevns.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.pipeline.JointFit;
import org.cevns.analysis.pipeline.PoiScan;
import org.cevns.analysis.report.JointOutputs;
import org.cevns.analysis.report.ScanOutputs;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.generator.Provenance;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cevns combine --joint CONFIG... [-i DATA]...}: one likelihood of several experiments ({@link JointFit}).
 * Every configuration is checked (names, POIs, grids) before any template is made; each configuration's templates are
 * then made as {@code cevns scan} makes them, from its own seed ({@code --seed}, else its {@code seed}, else drawn),
 * one after the other; the joint scan is written as {@code scan}'s outputs, with {@code summary.json} gaining
 * {@code joint}: the experiments (configuration, data, provenance), the shared nuisances and the renamed norms; and
 * {@code workspace.json}, the joint model as one pyhf workspace ({@link JointOutputs}). {@code --toys N} calibrates
 * the critical values with toys of the joint model, seeded by {@code --seed}, else the first configuration's seed.
 */
final class JointCombine {
  private JointCombine() {}

  /** The command-line settings of a joint combination. */
  record Settings(List<Path> configs, List<String> data, Path output, List<String> pois, List<String> noShare,
      Long seed, int threads, Long maxTemplateEvents, boolean overwrite, boolean quiet, Integer toys) {}

  /** One configuration, checked. */
  private record Checked(Path path, ConfigSupport.Loaded loaded, AnalysisConfig analysis, SimulationSetup setup,
      long seed) {}

  static int run(CommandSpec spec, Settings s) throws Exception {
    List<PoiScan.Grid> grids = InferenceOptions.grids(s.pois() == null ? List.of() : s.pois());
    if (s.configs().size() < 2) {
      throw new UserException("combine --joint: need at least two configurations, got " + s.configs().size());
    }
    List<String> data = s.data() == null ? List.of() : s.data();
    if (!data.isEmpty() && data.size() != s.configs().size()) {
      throw new UserException("combine --joint: " + s.configs().size() + " configurations but " + data.size()
          + " -i inputs; give one -i per configuration, in the same order (or none: the Asimov datasets)");
    }
    List<String> names = grids.stream().map(PoiScan.Grid::name).toList();
    for (String n : s.noShare() == null ? List.<String>of() : s.noShare()) {
      if (names.contains(n)) {
        throw new UserException("--no-share: '" + n + "' is the scanned parameter, one parameter of the joint fit");
      }
    }
    ScanCommand.checkToys(s.toys());
    List<Checked> checked = new ArrayList<>();
    LinkedHashSet<String> experiments = new LinkedHashSet<>();
    for (Path c : s.configs()) {
      ConfigSupport.Loaded loaded = ConfigSupport.load(c, new ConfigOverrides());
      AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, null, null);
      SimulationSetup setup = AnalysisSupport.setup(loaded, "combine");
      var family = AnalysisJob.family(setup);
      try {
        org.cevns.analysis.sim.FitParameterNames.checkPois(names, analysis, setup, family);
      } catch (IllegalArgumentException e) {
        throw new UserException(c + ": " + e.getMessage(), e);
      }
      InferenceOptions.checkGridDomains(grids, family);
      if (!experiments.add(loaded.config().name())) {
        throw new UserException(c + ": experiment " + loaded.config().name() + " given twice (its likelihood would"
            + " count twice)");
      }
      checked.add(new Checked(c, loaded, analysis, setup, ConfigSupport.seed(s.seed(), loaded.config())));
    }
    List<String> read = new ArrayList<>(data);
    s.configs().forEach(c -> read.add(c.toString()));
    OutputFiles.refuseInputs(s.output().toString(), read);
    Consumer<String> log = AnalysisSupport.log(spec.commandLine().getErr(), s.quiet());
    StagedDirectory staged = StagedDirectory.create(s.output(), s.overwrite());
    JointFit fit;
    String experiment = String.join("+", experiments);
    try {
      List<JointFit.Experiment> parts = new ArrayList<>();
      try {
        for (int k = 0; k < checked.size(); k++) {
          try {
            parts.add(prepare(checked.get(k), data.isEmpty() ? null : data.get(k), names, grids, s, log,
                AnalysisSupport.warn(spec.commandLine().getErr(), "combine")));
          } catch (IllegalArgumentException e) { // name the pair: "the event files have detector 'lar'" named neither
            throw new IllegalArgumentException(checked.get(k).path() + (data.isEmpty() ? "" : " -i " + data.get(k))
                + ": " + e.getMessage(), e);
          }
        }
        log.accept("joint scan of " + names + " over " + experiment);
        long t0 = System.nanoTime();
        var toys = java.util.Optional.ofNullable(s.toys()).map(n -> new org.cevns.analysis.pipeline.ToyCalibration
            .Settings(n, checked.get(0).seed(), Math.max(s.threads(), 1)));
        fit = JointFit.run(parts, names, grids, new LinkedHashSet<>(s.noShare() == null ? List.of() : s.noShare()),
            toys);
        log.accept(String.format(java.util.Locale.ROOT, "joint scan: %d points, %d floating parameters, in %.2f s",
            fit.scan().deltaChi2().length, fit.scan().best().names().size() - names.size(),
            (System.nanoTime() - t0) / 1e9));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      String label = "joint fit: " + String.join(" + ", experiments) + (data.isEmpty() ? " (Asimov)" : "");
      List<JointOutputs.Experiment> described = new ArrayList<>();
      for (int k = 0; k < checked.size(); k++) {
        Checked c = checked.get(k);
        described.add(new JointOutputs.Experiment(c.loaded().config().name(), c.path().toString(),
            data.isEmpty() ? null : data.get(k), Provenance.of(c.loaded().config(), c.seed())));
      }
      JointOutputs.write(fit, described, label, staged.path());
      staged.commit();
    } catch (Exception | Error e) {
      throw staged.fail(e);
    }
    var err = spec.commandLine().getErr();
    fit.sharedNuisances().forEach((n, o) -> log.accept("shared across " + String.join(", ", o) + ": " + n));
    AnalysisSupport.warnTemplateStatistics(err, "combine", fit.scan().templateWarning());
    AnalysisSupport.warnTemplateStatistics(err, "combine", JointOutputs.workspaceWarning(fit));
    spec.commandLine().getOut().print(ScanOutputs.render(fit.scan(), experiment));
    spec.commandLine().getOut().flush();
    log.accept("wrote " + s.output());
    return 0;
  }

  /** One configuration's templates, data and systematics, as {@code cevns scan} prepares them. */
  private static JointFit.Experiment prepare(Checked c, String input, List<String> names, List<PoiScan.Grid> grids,
      Settings s, Consumer<String> log, Consumer<String> warn) throws Exception {
    String name = c.loaded().config().name();
    AnalysisJob.Options o = AnalysisSupport.options(s.threads(), c.seed(), null, s.maxTemplateEvents(),
        m -> log.accept(name + ": " + m), org.cevns.analysis.pipeline.TemplateStatistics.Remedy.MAX_EVENTS);
    if (names.stream().anyMatch(n -> !n.equals("mu"))) {
      o = o.withoutRecoilFloors(); // physics POIs reweight the templates' events
    }
    var files = input == null ? null : AnalysisSupport.dataInputs(List.of(input));
    if (files != null) {
      AnalysisJob.checkData(c.setup(), c.analysis(), files, false, warn);
    }
    AnalysisJob.Prepared p = AnalysisJob.prepare(c.setup(), c.analysis(), o,
        ScanCommand.Inference.simulationPoint(c.setup(), names, grids));
    if (files == null) {
      return new JointFit.Experiment(name, c.analysis(), p.templates().expected(), null, p.systematics());
    }
    AnalysisJob.Scaled d = AnalysisJob.read(c.analysis(), p, files, o);
    return new JointFit.Experiment(name, c.analysis(), d.templates(), d.data(), d.systematics());
  }
}
