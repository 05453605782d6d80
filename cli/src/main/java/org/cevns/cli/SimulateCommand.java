package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cevns.detsim.config.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.detsim.sim.SimJobs;
import org.cevns.detsim.sim.SimMetadata;
import org.cevns.detsim.sim.SimParquetSink;
import org.cevns.generator.config.ExperimentConfig;
import org.cevns.generator.config.GeneratorSettings;
import org.cevns.generator.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.RunMetadata;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns simulate}: generation, backgrounds and detector response in one pass, into a Parquet file. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates signal and background events and applies the detector response in one streaming pass, with no"
          + " intermediate file.",
      "Output: every truth column plus quenched_kevee, observed_kevee, npe, detected, window, component.",
      "Without --events the run is one toy experiment: the total is Poisson-distributed around the expected"
          + " signal plus background events of the configured exposure (--mean: the expectation, unfluctuated).",
      "The same configuration and seed give the same file for any --threads."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "output Parquet file (local path or Hadoop URI such as hdfs://...)")
  String output;

  @ArgGroup(exclusive = true)
  GenerateCommand.CountOptions count = new GenerateCommand.CountOptions();

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and recorded)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--weighted", description = "weighted signal events (E from the flux, T uniform); backgrounds get the average weight")
  boolean weighted;

  @Option(names = "--drop-undetected", description = "keep only detected events")
  boolean dropUndetected;

  @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression: zstd (default), snappy, uncompressed, gzip")
  String compression = "zstd";

  @Option(names = "--overwrite", description = "replace FILE if it exists")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress bar or summary")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new UserException("--threads: must be >= 1, got " + threads);
    }
    if (count.events != null && count.events < 0) {
      throw new UserException("--events: must be >= 0, got " + count.events);
    }
    WriteOptions options;
    try {
      options = WriteOptions.defaults().withCompression(compression).withOverwrite(overwrite);
    } catch (IllegalArgumentException e) {
      throw new UserException("--compression: " + e.getMessage());
    }
    ConfigSupport.Loaded loaded = ConfigSupport.load(config);
    ExperimentModel model = loaded.model();
    DetsimConfig detsim = loaded.detsim().requireResponses("cevns simulate needs the response of every detector");
    ExperimentConfig cfg = model.config();
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    long runSeed = ConfigSupport.seed(seed, cfg);
    double expected = DetectorSimulation.expectedEvents(model, backgrounds);
    EventCount n = count.events != null ? EventCount.fixed(count.events, expected)
        : count.mean ? EventCount.mean(expected) : EventCount.poisson(expected, runSeed);
    GeneratorSettings gs = cfg.generator();
    if (weighted && !gs.weighted()) {
      gs = new GeneratorSettings(true, gs.energyNodes(), gs.recoilNodes());
    }
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    Map<String, String> metadata = RunMetadata.of(model, runSeed, n, gs.weighted());
    SimMetadata.put(metadata, model, detsim, backgrounds, "simulate", dropUndetected);
    // open (and check) the output before the sampling tables are built
    SimParquetSink sink = OutputFiles.openEvents(output, model.dictionary(), backgrounds.componentNames(), metadata,
        options);
    DetectorSimulation simulation;
    try {
      simulation = DetectorSimulation.of(model, detsim, backgrounds, gs, runSeed, n.events(), threads, dropUndetected);
    } catch (RuntimeException e) {
      sink.abort();
      if (e instanceof IllegalArgumentException) {
        throw new UserException(e.getMessage(), e);
      }
      throw e;
    }
    Progress progress = Progress.forTerminal(err, "simulate", n.events(), quiet);
    SimJobs.simulate(simulation, threads, sink, progress);
    progress.finish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!quiet) {
      err.printf(Locale.ROOT, "cevns: simulated %d events (%s, expected %.6g: signal %.6g, backgrounds %.6g), wrote %d"
              + " to %s in %.1f s, seed %d%n", n.events(), n.mode().name().toLowerCase(Locale.ROOT), expected,
          model.totalExpectedEvents(), backgrounds.totalExpected(), sink.events(), sink.target(), seconds, runSeed);
      err.flush();
    }
    return 0;
  }
}
