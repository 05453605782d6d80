package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.report.AnalysisOutputs;
import org.cevns.analysis.report.SensitivityOutputs;
import org.cevns.analysis.report.TerminalSummary;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SensitivityRanges;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.ToyExperiment;
import org.cevns.events.io.SimParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.run.EventCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns run}: one toy experiment of the configured exposure, simulated and analysed. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns run configs/coherent-csi.yaml -o out/coherent-csi",
        "  cevns run configs/conus-plus.yaml -o out/conus --seed 42 --threads 4",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Simulates the configured exposure as one toy experiment and analyses it.",
      "Signal and backgrounds with the detector response, Poisson-fluctuated, go to",
      "DIR/events.parquet; then as cevns analyze (ON - OFF or C - AC, likelihood fit",
      "of mu with intervals, significance, goodness of fit) and cevns sensitivity.",
      "Writes summary.json, summary.txt, csv/, plots/ (PNG and SVG), workspace.json",
      "(pyhf), sensitivity.json and sensitivity.csv into DIR; prints the summary."
    })
final class RunCommand implements Callable<Integer> {
  /** Name of the toy's event file in the output directory. */
  static final String EVENTS = "events.parquet";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and recorded)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--toys", paramLabel = "N", description = "toys for the toy-based significance (default: the config's analysis.fit.toys)")
  Integer toys;

  @Option(names = "--coverage-toys", paramLabel = "N", description = "toys of the coverage check (default: the config's analysis.sensitivity.coverage_toys)")
  Integer coverageToys;

  @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the events of the template simulation (default 1e7); fewer than one template event per expected data event is warned about")
  Long maxTemplateEvents;

  @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression of events.parquet: zstd (default), snappy, uncompressed, gzip")
  String compression = "zstd";

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    WriteOptions writeOptions;
    try {
      writeOptions = WriteOptions.defaults().withCompression(compression).withOverwrite(overwrite);
    } catch (IllegalArgumentException e) {
      throw new UserException("--compression: " + e.getMessage());
    }
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    AnalysisConfig analysis = AnalysisSupport.analysisConfig(loaded, toys, coverageToys);
    SimulationSetup setup = AnalysisSupport.setup(loaded, "run");
    long runSeed = ConfigSupport.seed(seed, loaded.config());
    PrintWriter err = spec.commandLine().getErr();
    AnalysisJob.Options o = AnalysisSupport.options(threads, runSeed, null, maxTemplateEvents,
        AnalysisSupport.log(err, quiet), AnalysisSupport.remedy(spec));
    OutputFiles.refuseInputs(output.toString(), List.of(config.toString()));
    try {
      AnalysisJob.checkParameterNames(analysis, setup); // before the toy's simulation, not after it
      org.cevns.analysis.sim.FitRangeCheck.check(analysis, setup);
      org.cevns.analysis.sim.FitPeriodsCheck.check(analysis, setup.model());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    StagedDirectory staged = StagedDirectory.create(output, overwrite);
    long t0 = System.nanoTime();
    AnalysisResult r;
    SensitivityReport s;
    try {
      Path dir = staged.path();
      simulateToy(setup, runSeed, writeOptions, o, dir);
      try {
        // the default ranges of analysis.parameters as in fit and sensitivity (SensitivityRanges)
        AnalysisJob.Prepared p = SensitivityRanges.prepare(setup, analysis, o);
        List<EventFile> files = AnalysisSupport.inputs(List.of(dir.resolve(EVENTS).toString()));
        r = AnalysisJob.analyze(setup, analysis, p, files, o);
        o.log().accept("sensitivity scan");
        s = AnalysisJob.sensitivity(analysis, p, runSeed, o.remedy());
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      AnalysisOutputs.write(r, dir);
      SensitivityOutputs.write(s, loaded.config().name(), runSeed,
          org.cevns.generator.Provenance.of(loaded.config(), runSeed), dir);
      staged.commit();
    } catch (Exception | Error e) {
      throw staged.fail(e);
    }
    AnalysisSupport.warnTemplateStatistics(spec.commandLine().getErr(), "run", r);
    spec.commandLine().getOut().print(TerminalSummary.render(r));
    spec.commandLine().getOut().print(SensitivityOutputs.precision(s.expected(), loaded.config().name()
        + ": expected 68.27 % CL precision (Asimov at the configured exposure, systematics included)"));
    spec.commandLine().getOut().flush();
    o.log().accept(String.format(Locale.ROOT, "done in %.1f s, seed %d; outputs in %s", (System.nanoTime() - t0) / 1e9,
        runSeed, output));
    return 0;
  }

  /** The toy experiment: a Poisson number of signal and background events, as {@code cevns simulate}. */
  private void simulateToy(SimulationSetup setup, long runSeed, WriteOptions writeOptions, AnalysisJob.Options o,
      Path dir) throws Exception {
    ToyExperiment toy;
    try {
      toy = ToyExperiment.of(setup, runSeed, threads);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    EventCount n = toy.count();
    o.log().accept(String.format(Locale.ROOT, "simulating the toy experiment: %d events (expected %.6g)", n.events(),
        n.expected()));
    try {
      toy.prepare();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    SimParquetSink sink = OutputFiles.openEvents(dir.resolve(EVENTS).toString(), setup.model().dictionary(),
        setup.components(), toy.metadata(), writeOptions);
    Progress progress = Progress.forTerminal(spec.commandLine().getErr(), "simulate", n.events(), quiet);
    toy.write(sink, progress);
    progress.finish();
  }
}
