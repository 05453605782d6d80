package org.cevns.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.report.SensitivityOutputs;
import org.cevns.analysis.report.ToyOutputs;
import org.cevns.analysis.report.ToyTable;
import org.cevns.analysis.stat.ToySummary;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SensitivityRanges;
import org.cevns.analysis.sim.SimulationSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns sensitivity}: median expected significance and μ uncertainty vs exposure (Asimov). */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns sensitivity configs/coherent-lar.yaml",
        "  cevns sensitivity configs/ess.yaml -o out/ess-sensitivity --coverage-toys 200",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Median expected significance and mu uncertainty versus exposure (Asimov).",
      "Asimov datasets of the fit model, templates from a high-statistics",
      "simulation; the toy coverage of the 68.27 %% interval on request. Prints a",
      "table; with -o writes sensitivity.json, sensitivity.csv and",
      "plots/sensitivity.{png,svg}.",
      "With --toy-results DIR (the table of `cevns toys` or `cevns mapreduce",
      "toys`): summarises the toys instead (coverage, mu_hat, median expected",
      "significance with its +-1/2 sigma band; coverage, mean, spread and median",
      "interval of each physics POI of analysis.parameters); with -o writes",
      "toys.json and plots/toys-mu.*, plots/toys-z.*, plots/toys-POI.*",
      "(png, svg, pdf)."
    })
final class SensitivityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--coverage-toys", paramLabel = "N", description = "toys of the coverage check (default: the config's analysis.sensitivity.coverage_toys)")
  Integer coverageToys;

  @Option(names = "--templates", paramLabel = "FILE_OR_DIR", description = "high-statistics cevns simulate output to use as templates")
  String templates;

  @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the events of the template simulation (default 1e7); fewer than one template event per expected data event is warned about (stderr, sensitivity.json)")
  Long maxTemplateEvents;

  @Option(names = "--seed", paramLabel = "S", description = "seed of templates and toys (default: the config's seed; else drawn)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--toy-results", paramLabel = "DIR", description = "summarise this toy table instead of the Asimov scan (the warning of cevns toys about too few template events, if it gave one, is repeated)")
  String toyResults;

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    if (toyResults != null) {
      return summariseToys(loaded.config().name());
    }
    AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, null, coverageToys);
    SimulationSetup setup = AnalysisSupport.setup(loaded, "sensitivity");
    long runSeed = ConfigSupport.seed(seed, loaded.config());
    AnalysisJob.Options o = AnalysisSupport.options(threads, runSeed, templates, maxTemplateEvents,
        AnalysisSupport.log(spec.commandLine().getErr(), quiet), AnalysisSupport.remedy(spec));
    if (output != null) {
      List<String> all = new ArrayList<>();
      all.add(config.toString());
      all.add(templates);
      OutputFiles.refuseInputs(output.toString(), all);
      StagedDirectory.checkReplaceable(output, overwrite);
    }
    // before the templates and the scan: an output directory that cannot be written is one line at once; the hidden
    // staging directory is removed if the work fails
    StagedDirectory staged = output == null ? null : StagedDirectory.create(output, overwrite);
    SensitivityReport s;
    try {
      AnalysisJob.checkParameterNames(analysis, setup);
      var configured = loaded.config().physics().newPhysics();
      // default ranges of the new-physics parameters from the expected sensitivity (SensitivityRanges)
      List<SensitivityRanges.Choice> chosen = SensitivityRanges.choose(setup, analysis, AnalysisJob.family(setup),
          analysis.parameters(), o.log());
      var simulated = templates != null ? configured
          : ScanCommand.Inference.simulationPoint(setup, oneOverT(analysis.parameters()), List.of(), chosen);
      AnalysisConfig muOnly = simulated.equals(configured) ? analysis : analysis.withParameters(List.of());
      AnalysisJob.Prepared p = SensitivityRanges.apply(AnalysisJob.prepare(setup, muOnly, o), chosen);
      o.log().accept("Asimov scan" + (analysis.sensitivity().coverageToys() > 0
          ? " and " + analysis.sensitivity().coverageToys() + " coverage toys" : ""));
      s = AnalysisJob.sensitivity(muOnly, p, runSeed, o.remedy());
      if (!simulated.equals(configured)) {
        // importance sampling, as for a scan: a magnetic moment's (millicharge's, non-interfering coupling's)
        // precision from templates simulated at the far end of its range and reweighted, not from
        // Standard-Model events that hardly reach where its term lives (CONUS+ mu_nu: the interval hit the range)
        AnalysisJob.Prepared atPoint = SensitivityRanges.apply(AnalysisJob.prepare(setup, analysis, o, simulated),
            chosen);
        AnalysisConfig noToys = analysis.withSensitivity(
            new org.cevns.analysis.config.SensitivitySettings(analysis.sensitivity().exposureFactors(), 0));
        s = SensitivityReport.withParameters(s, AnalysisJob.sensitivity(noToys, atPoint, runSeed, o.remedy()));
      }
    } catch (IllegalArgumentException e) {
      abort(staged);
      throw new UserException(e.getMessage(), e);
    } catch (Exception | Error e) {
      abort(staged);
      throw e;
    }
    String name = loaded.config().name();
    if (staged != null) {
      try {
        SensitivityOutputs.write(s, name, runSeed, org.cevns.generator.Provenance.of(loaded.config(), runSeed),
            staged.path());
        staged.commit();
      } catch (Exception | Error e) {
        throw staged.fail(e);
      }
    }
    AnalysisSupport.warnTemplateStatistics(spec.commandLine().getErr(), "sensitivity", s.templateWarning());
    spec.commandLine().getOut().print(SensitivityOutputs.render(s, name));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static void abort(StagedDirectory staged) {
    if (staged != null) {
      staged.abort();
    }
  }

  /**
   * The magnetic moments and millicharges of {@code names}: their 1/T terms live where the Standard-Model
   * simulation has almost no events (CONUS+ sub-keV electron recoils), so their precision needs templates simulated
   * at the far end of the default range (from the expected sensitivity, {@link SensitivityRanges}; xenon-solar-er's
   * μ_ν: 2.56e-11 μ_B). Not the non-interfering couplings a scan also simulates at
   * its grid's end (tensor, scalar, flavour-changing): their default range ends far beyond any sensitivity (ε = 1,
   * 3.4 times the CsI rate), and the template systematics of that point widened the CsI tensor precision to ±0.071
   * where the scan of docs/new-physics.md gives ±0.052 (the configured point's templates: ±0.051).
   */
  static List<String> oneOverT(List<String> names) {
    return names.stream().filter(n -> n.startsWith("magnetic_moment_mub.") || n.startsWith("millicharge_e."))
        .toList();
  }

  private int summariseToys(String name) throws Exception {
    if (output != null) {
      OutputFiles.refuseInputs(output.toString(), List.of(config.toString(), toyResults));
      StagedDirectory.checkReplaceable(output, overwrite);
    }
    ToyTable.Columns table;
    try {
      table = ToyTable.read(toyResults);
    } catch (java.io.FileNotFoundException e) {
      throw new UserException("--toy-results: " + toyResults + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserException("--toy-results: " + e.getMessage(), e);
    }
    ToySummary summary = ToyOutputs.summarise(table);
    if (output != null) {
      StagedDirectory staged = StagedDirectory.create(output, overwrite);
      try {
        ToyOutputs.write(summary, table, name, staged.path());
        staged.commit();
      } catch (Exception | Error e) {
        throw staged.fail(e);
      }
    }
    AnalysisSupport.warnToyTemplateStatistics(spec.commandLine().getErr(), "sensitivity", table);
    spec.commandLine().getOut().print(ToyOutputs.render(summary, name));
    spec.commandLine().getOut().print(ToyOutputs.renderPois(ToyOutputs.summarisePois(table)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
