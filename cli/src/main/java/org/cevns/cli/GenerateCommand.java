package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.generator.config.ExperimentConfig;
import org.cevns.generator.config.GeneratorSettings;
import org.cevns.generator.io.TruthParquetSink;
import org.cevns.generator.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.GenerateJob;
import org.cevns.generator.run.RunMetadata;
import org.cevns.generator.run.TruthGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cevns generate}: truth events into a Parquet file. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Samples CEvNS and EvES events from flux x cross section into a truth Parquet file.",
      "Without --events the run is one toy experiment: the number of events is Poisson-distributed around",
      "the expectation of the configured exposure (--mean: the expectation, unfluctuated).",
      "The same configuration and seed give the same file for any --threads."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
  Path config;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "output Parquet file (local path or Hadoop URI such as hdfs://...)")
  String output;

  @ArgGroup(exclusive = true)
  CountOptions count = new CountOptions();

  static final class CountOptions {
    @Option(names = "--events", paramLabel = "N", description = "make exactly N events")
    Long events;

    @Option(names = "--mean", description = "make the expected number of events (rounded), not a Poisson draw")
    boolean mean;
  }

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and recorded)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--weighted", description = "weighted events (E from the flux, T uniform; weights sum to the expectation)")
  boolean weighted;

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
    ExperimentModel model = ConfigSupport.load(config).model();
    ExperimentConfig cfg = model.config();
    long runSeed = ConfigSupport.seed(seed, cfg);
    double expected = model.totalExpectedEvents();
    EventCount n = count.events != null ? EventCount.fixed(count.events, expected)
        : count.mean ? EventCount.mean(expected) : EventCount.poisson(expected, runSeed);
    GeneratorSettings gs = cfg.generator();
    if (weighted != gs.weighted()) {
      gs = new GeneratorSettings(weighted || gs.weighted(), gs.energyNodes(), gs.recoilNodes());
    }
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    TruthParquetSink sink = OutputFiles.openTruth(output, model.dictionary(),
        RunMetadata.of(model, runSeed, n, gs.weighted()), options);
    TruthGenerator generator;
    try {
      generator = TruthGenerator.of(model, gs, runSeed, n.events(), threads);
    } catch (RuntimeException e) {
      sink.abort();
      if (e instanceof IllegalArgumentException) {
        throw new UserException(e.getMessage(), e);
      }
      throw e;
    }
    Progress progress = Progress.forTerminal(err, "generate", n.events(), quiet);
    GenerateJob.run(generator, threads, sink, progress);
    progress.finish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!quiet) {
      err.printf(Locale.ROOT, "cevns: wrote %d events (%s, expected %.6g) to %s in %.1f s, seed %d%n", n.events(),
          n.mode().name().toLowerCase(Locale.ROOT), expected, sink.target(), seconds, runSeed);
      err.flush();
    }
    return 0;
  }
}
