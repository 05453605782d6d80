package org.cevns.cli;

import org.cevns.schema.GeneratorSettings;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.run.EventCount;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of the commands that make events ({@code generate}, {@code simulate}), declared once. */
final class RunOptions {
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "output Parquet file (local path or Hadoop URI such as hdfs://...)")
  String output;

  @ArgGroup(exclusive = true)
  CountOptions count = new CountOptions();

  static final class CountOptions {
    @Option(names = "--events", paramLabel = "N", description = "make exactly N events (a count such as 2000000 or 2e6, at most 10^12; each"
        + " weight is then expected / N, so the weights sum to the expected events of the exposure)")
    Long events;

    @Option(names = "--mean", description = "make the expected number of events of every channel (largest-remainder"
        + " rounding), not a Poisson draw; weights sum to the expectation")
    boolean mean;
  }

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and recorded)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--weighted", description = {"weighted signal events (E from the flux, T uniform; weights sum to the"
      + " expectation); background rows get the run's average weight"})
  boolean weighted;

  @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression: zstd (default), snappy, uncompressed, gzip")
  String compression = "zstd";

  @Option(names = "--shard", paramLabel = "I/N", description = {"make only shard I of N of the run, numbered from 0"
      + " (0 <= I < N, e.g. 0/3, 1/3, 2/3):"
      + " the N shards together hold exactly the events of the unsharded run; needs a fixed seed"})
  String shard;

  @Option(names = "--overwrite", description = "replace FILE if it exists")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress bar or summary")
  boolean quiet;

  /** Checks the numbers and returns the Parquet write options; user errors exit 2. */
  WriteOptions validate() {
    ThreadCount.check("--threads", threads);
    if (count.events != null && (count.events < 0 || count.events > EventCount.MAX_EVENTS)) {
      throw new UserException("--events: must be in [0, " + EventCount.MAX_EVENTS + "] (10^12), got " + count.events);
    }
    try {
      return WriteOptions.defaults().withCompression(compression).withOverwrite(overwrite);
    } catch (IllegalArgumentException e) {
      throw new UserException("--compression: " + e.getMessage());
    }
  }

  /** The run's event count: {@code --events}, {@code --mean}, or a Poisson draw around {@code expected}. */
  EventCount eventCount(double expected, long runSeed) {
    try {
      return count.events != null ? EventCount.fixed(count.events, expected)
          : count.mean ? EventCount.mean(expected) : EventCount.poisson(expected, runSeed);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** The configuration's generator settings, weighted when {@code --weighted} is given. */
  GeneratorSettings settings(GeneratorSettings fromConfig) {
    return weighted && !fromConfig.weighted()
        ? new GeneratorSettings(true, fromConfig.energyNodes(), fromConfig.recoilNodes()) : fromConfig;
  }
}
