package org.cevns.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.report.AnalysisOutputs;
import org.cevns.analysis.report.TerminalSummary;
import org.cevns.analysis.report.ToyOutputs;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.stat.ToySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns analyze}: histograms, ON − OFF or C − AC, and the likelihood fit of event files. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns simulate configs/coherent-csi.yaml -o events.parquet",
        "  cevns analyze configs/coherent-csi.yaml -i events.parquet -o out/analysis",
        "  cevns toys configs/coherent-csi.yaml --toys 2000 --seed 1 -o out/toys",
        "  cevns analyze configs/coherent-csi.yaml -i events.parquet -o out/analysis \\",
        "      --toy-results out/toys",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Analyses detector-level event files: spectra, ON - OFF or C - AC, and the fit.",
      "Inputs are cevns simulate or detsim outputs (files or directories of shards);",
      "only the columns needed are read. Histograms of observed energy, PE and time",
      "per detector, period, window and component; ON - OFF or C - AC with",
      "propagated errors; a binned Poisson likelihood fit of mu = sigma_meas/sigma_SM",
      "with background normalisations as constrained nuisances, templates from a",
      "high-statistics simulation of CONFIG (or --templates). Writes summary.json,",
      "summary.txt, csv/, plots/ (PNG, SVG) and workspace.json (pyhf) into DIR.",
      "With --toy-results TOYS (the table of `cevns toys` or `cevns mapreduce toys`)",
      "also summarises the toys (coverage, mu_hat, median expected significance with",
      "its +-1/2 sigma band; coverage and spread of each physics POI) and places the",
      "observed mu_hat and Z among them: toys.json and plots/toys-mu.*, plots/toys-z.*,",
      "plots/toys-POI.* in DIR, the observed values marked."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = "event files or directories of *.parquet shards")
  List<String> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--templates", paramLabel = "FILE_OR_DIR",
      description = "use this high-statistics cevns simulate output (one run) as templates instead of simulating them")
  String templates;

  @Option(names = "--toys", paramLabel = "N", description = "toys for the toy-based significance (default: the config's analysis.fit.toys)")
  Integer toys;

  @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the events of the template simulation (default 1e7); fewer than one template event per expected data event is warned about")
  Long maxTemplateEvents;

  @Option(names = "--seed", paramLabel = "S", description = "seed of templates and toys (default: the config's seed; else drawn)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--toy-results", paramLabel = "TOYS",
      description = "toy table (file or directory) to summarise and to compare the observed result with (the warning of cevns toys about too few template events, if it gave one, is repeated)")
  String toyResults;

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, toys, null);
    if (templates != null) {
      try {
        AnalysisJob.checkTemplateFileAllowed(analysis);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
    }
    SimulationSetup setup = AnalysisSupport.setup(loaded, "analyze");
    long runSeed = ConfigSupport.seed(seed, loaded.config());
    AnalysisJob.Options o = AnalysisSupport.options(threads, runSeed, templates, maxTemplateEvents,
        AnalysisSupport.log(spec.commandLine().getErr(), quiet), AnalysisSupport.remedy(spec));
    List<String> all = new ArrayList<>(inputs);
    all.add(config.toString());
    all.add(templates);
    all.add(toyResults);
    OutputFiles.refuseInputs(output.toString(), all);
    StagedDirectory.checkReplaceable(output, overwrite);
    List<EventFile> files = AnalysisSupport.dataInputs(inputs);
    ToyTable.Columns toyTable = null;
    if (toyResults != null) {
      try {
        toyTable = ToyTable.read(toyResults);
      } catch (java.io.FileNotFoundException e) {
        throw new UserException("--toy-results: " + toyResults + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new UserException("--toy-results: " + e.getMessage(), e);
      }
    }
    // before the templates and the fit: an output directory that cannot be written (read-only, full) is one line at
    // once, not after minutes of work; the hidden staging directory is removed if the work fails
    StagedDirectory staged = StagedDirectory.create(output, overwrite);
    AnalysisResult r;
    ToySummary toySummary;
    Optional<ToySummary.Observed> observed = Optional.empty();
    try {
      try {
        AnalysisJob.checkData(setup, analysis, files, templates != null,
            AnalysisSupport.warn(spec.commandLine().getErr(), "analyze"));
        // the default ranges of analysis.parameters as in fit and sensitivity (SensitivityRanges)
        AnalysisJob.Prepared p = org.cevns.analysis.sim.SensitivityRanges.prepare(setup, analysis, o);
        r = AnalysisJob.analyze(setup, analysis, p, files, o);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      toySummary = toyTable == null ? null : ToyOutputs.summarise(toyTable);
      if (toyTable != null && r.fit().isPresent()) {
        var f = r.fit().get();
        observed = Optional.of(ToyOutputs.observed(toyTable, f.best().mu(), f.significance().z()));
      }
    } catch (Exception | Error e) {
      staged.abort();
      throw e;
    }
    try {
      AnalysisOutputs.write(r, staged.path());
      if (toyTable != null) {
        ToyOutputs.write(toySummary, toyTable, loaded.config().name(), staged.path(), observed);
      }
      staged.commit();
    } catch (Exception | Error e) {
      throw staged.fail(e);
    }
    AnalysisSupport.warnTemplateStatistics(spec.commandLine().getErr(), "analyze", r);
    if (toyTable != null) { // the toys' own templates (cevns toys), if they held too few events
      AnalysisSupport.warnToyTemplateStatistics(spec.commandLine().getErr(), "analyze", toyTable);
    }
    spec.commandLine().getOut().print(TerminalSummary.render(r));
    if (toyTable != null) {
      spec.commandLine().getOut().print(ToyOutputs.render(toySummary, loaded.config().name()));
      spec.commandLine().getOut().print(ToyOutputs.renderPois(ToyOutputs.summarisePois(toyTable)));
      observed.ifPresent(x -> spec.commandLine().getOut().print(ToyOutputs.renderObserved(x)));
    }
    spec.commandLine().getOut().flush();
    o.log().accept("wrote " + output.resolve(AnalysisOutputs.SUMMARY) + " and the CSV files, plots and workspace");
    return 0;
  }
}
