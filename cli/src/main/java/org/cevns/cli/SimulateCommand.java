package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.detsim.sim.SimJobs;
import org.cevns.detsim.sim.SimMetadata;
import org.cevns.events.io.SimParquetSink;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;
import org.cevns.events.run.Shard;
import org.cevns.events.block.EventBlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns simulate}: generation, backgrounds and detector response in one pass, into a Parquet file. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns simulate configs/coherent-csi.yaml -o csi-events.parquet",
        "  cevns simulate configs/conus-plus.yaml --events 10000000 --drop-undetected \\",
        "      -o conus.parquet",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Generates signal and background events and applies the detector response in one streaming pass, with no"
          + " intermediate file.",
      "Output: every truth column plus quenched_kevee, observed_kevee, npe, detected, beam_window, component.",
      "Without --events the run is one toy experiment: the total is Poisson-distributed around the expected"
          + " signal plus background events of the configured exposure (--mean: the expectation, unfluctuated).",
      "The same configuration and seed give the same file for any --threads."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Mixin RunOptions run = new RunOptions();

  @Option(names = "--drop-undetected", description = "keep only detected events")
  boolean dropUndetected;

  @Override
  public Integer call() throws Exception {
    WriteOptions options = run.validate();
    OutputFiles.refuseInputs(run.output, java.util.List.of(config.toString()));
    Shard part = ShardOption.parse(run.shard);
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    ExperimentModel model = loaded.model();
    DetsimConfig detsim = loaded.detsim().requireResponses("cevns simulate needs the response of every detector");
    ExperimentConfig cfg = model.config();
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    ShardOption.requireSeed(part, run.seed, cfg);
    long runSeed = ConfigSupport.seed(run.seed, cfg);
    double expected = DetectorSimulation.expectedEvents(model, backgrounds);
    EventCount n = run.eventCount(expected, runSeed);
    GeneratorSettings gs = run.settings(cfg.generator());
    // before any table or output; simulate also fills a row group in memory (HeapBudget.BUFFERED_ROW_GROUP_MB)
    java.util.OptionalInt child = HeapBudget.fit(model, gs, run.threads, HeapBudget.BUFFERED_ROW_GROUP_MB);
    if (child.isPresent()) {
      return child.getAsInt();
    }
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    Map<String, String> metadata = RunMetadata.of(model, runSeed, n, gs.weighted()).toMap();
    SimMetadata.put(metadata, model, detsim, backgrounds, "simulate", dropUndetected);
    RunMetadata.putShard(metadata, part, n.events());
    // open (and check) the output before the sampling tables are built
    SimParquetSink sink = OutputFiles.openEvents(run.output, model.dictionary(), backgrounds.componentNames(), metadata,
        options);
    DetectorSimulation simulation;
    try {
      simulation = n.mode() == EventCount.Mode.MEAN
          ? DetectorSimulation.ofMean(model, detsim, backgrounds, gs, runSeed, run.threads, dropUndetected)
          : DetectorSimulation.of(model, detsim, backgrounds, gs, runSeed, n.events(), run.threads, dropUndetected);
    } catch (RuntimeException e) {
      sink.abort();
      if (e instanceof IllegalArgumentException) {
        throw new UserException(e.getMessage(), e);
      }
      throw e;
    }
    long generated = part.events(n.events(), EventBlock.CAPACITY);
    Progress progress = Progress.forTerminal(err, "simulate", generated, run.quiet);
    SimJobs.simulate(simulation, part, run.threads, sink, progress);
    progress.finish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!run.quiet) {
      err.printf(Locale.ROOT, "cevns: simulated %d events%s (%s, expected %.6g: signal %.6g, backgrounds %.6g), wrote %d"
              + " to %s in %.1f s, seed %d%n", generated, part.isWhole() ? "" : " of " + n.events() + " (shard " + part + ")",
          n.mode().name().toLowerCase(Locale.ROOT), expected,
          model.totalExpectedEvents(), backgrounds.totalExpected(), sink.events(), sink.target(), seconds, runSeed);
      err.flush();
    }
    return 0;
  }
}
