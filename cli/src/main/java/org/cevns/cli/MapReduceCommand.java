package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cevns.events.io.HadoopFiles;
import org.cevns.mapreduce.RunSetupException;
import org.cevns.mapreduce.ShardedRun;
import org.cevns.mapreduce.ToysRun;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns mapreduce generate|simulate}: a run split into shards, one Hadoop map task per shard. */
@Command(
    name = "mapreduce",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns mapreduce generate configs/coherent-lar.yaml --shards 8 \\",
        "      --events 100000000 -o lar-shards",
        "  cevns mapreduce simulate configs/coherent-csi.yaml --shards 4 -o csi-shards",
        "",
        HelpText.EXIT_CODES},
    description = {
      "Runs generate, simulate or toys as a Hadoop MapReduce job, one Parquet file per shard.",
      "N map tasks: task I makes shard I/N (as --shard I/N would) and writes it as DIR/part-m-IIIII.parquet;",
      "DIR/_SUCCESS marks a complete run. Without cluster configuration the job runs here with Hadoop's",
      "local job runner; on a cluster use `hadoop jar` (docs/scale.md)."
    },
    subcommands = {MapReduceCommand.Generate.class, MapReduceCommand.Simulate.class, MapReduceCommand.Toys.class,
        CommandLine.HelpCommand.class})
final class MapReduceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: generate, simulate or toys");
  }

  /** Options shared by the stages. */
  static final class JobOptions {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML), read here and shipped to the tasks")
    Path config;

    @Mixin ConfigOverrides overrides = new ConfigOverrides();

    @Option(names = "--shards", required = true, paramLabel = "N", description = "number of shards = map tasks")
    int shards;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
        description = "output directory (hdfs://..., or any Hadoop file system URI or local path)")
    String output;

    @ArgGroup(exclusive = true)
    RunOptions.CountOptions count = new RunOptions.CountOptions();

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and recorded)")
    Long seed;

    @Option(names = "--weighted", description = "weighted events")
    boolean weighted;

    @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression: zstd (default), snappy, uncompressed, gzip")
    String compression = "zstd";

    @Option(names = "--threads-per-task", paramLabel = "T",
        description = "worker threads per map task (default: all cores with the local runner, else mapreduce.map.cpu.vcores or 1)")
    Integer threadsPerTask;

    @Option(names = "--overwrite", description = "replace DIR if it holds the output of an earlier cevns MapReduce run"
        + " (only once the new job has succeeded)")
    boolean overwrite;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
        description = "Hadoop property for the job, e.g. -D mapreduce.map.memory.mb=2048 (repeatable)")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--quiet", description = "no progress or summary")
    boolean quiet;
  }

  /** {@code cevns mapreduce generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true, footer = {"", HelpText.EXAMPLES,
      "  cevns mapreduce generate configs/coherent-lar.yaml --shards 8 \\",
      "      --events 100000000 -o lar-shards", "",
      HelpText.EXIT_CODES},
      description = "Truth events (as cevns generate) as a MapReduce job, one Parquet file per shard.")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JobOptions options;

    @Override
    public Integer call() throws Exception {
      return MapReduceCommand.run(spec, ShardedRun.Stage.GENERATE, options, false);
    }
  }

  /** {@code cevns mapreduce simulate}. */
  @Command(name = "simulate", mixinStandardHelpOptions = true, footer = {"", HelpText.EXAMPLES,
      "  cevns mapreduce simulate configs/coherent-csi.yaml --shards 4 -o csi-shards", "", HelpText.EXIT_CODES},
      description = "Signal, backgrounds and detector response (as cevns simulate) as a MapReduce job, one Parquet"
          + " file per shard.")
  static final class Simulate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JobOptions options;

    @Option(names = "--drop-undetected", description = "keep only detected events")
    boolean dropUndetected;

    @Override
    public Integer call() throws Exception {
      return MapReduceCommand.run(spec, ShardedRun.Stage.SIMULATE, options, dropUndetected);
    }
  }

  /** "1 thread" or "N threads". */
  static String threads(int n) {
    return n + (n == 1 ? " thread" : " threads");
  }

  /** {@code cevns mapreduce toys}. */
  @Command(name = "toys", mixinStandardHelpOptions = true,
      description = {"Toy experiments (as cevns toys) as a MapReduce job: task I builds the templates once and",
          "simulates and fits toys [I*N/M, (I+1)*N/M), written as DIR/part-m-0000I.parquet (one row per toy; the",
          "same rows for any --shards)."},
      footer = {"", HelpText.EXAMPLES,
          "  cevns mapreduce toys configs/coherent-csi.yaml --toys 10000 --shards 20 \\",
          "      --seed 7 -o csi-toys",
          "", HelpText.EXIT_CODES})
  static final class Toys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML)")
    Path config;

    @Mixin ConfigOverrides overrides = new ConfigOverrides();

    @Option(names = "--toys", required = true, paramLabel = "N", description = "number of toy experiments")
    long toys;

    @Option(names = "--shards", required = true, paramLabel = "M", description = "number of map tasks")
    int shards;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
    String output;

    @Option(names = "--seed", paramLabel = "S", description = "seed of templates and toys (default: the config's seed; else drawn)")
    Long seed;

    @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the events of the template simulation (default 1e7); fewer than one template event per expected data event is warned about (stderr, the table's footer)")
    Long maxTemplateEvents;

    @Option(names = "--threads-per-task", paramLabel = "T",
        description = "worker threads per map task (default: all cores with the local runner, else mapreduce.map.cpu.vcores or 1)")
    Integer threadsPerTask;

    @Option(names = "--overwrite", description = "replace DIR if it holds the output of an earlier cevns MapReduce run")
    boolean overwrite;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "", description = "Hadoop property for the job (repeatable)")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--quiet", description = "no progress or summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
      long runSeed = ConfigSupport.seed(seed, loaded.config());
      long max = maxTemplateEvents == null ? org.cevns.analysis.sim.TemplateMaker.DEFAULT_MAX_EVENTS : maxTemplateEvents;
      ToysRun.Plan plan;
      try {
        plan = ToysRun.plan(new ToysRun.Request(config, toys, shards, output, runSeed, max, threadsPerTask, overwrite,
            properties, overrides.parsed()), HadoopFiles.configuration());
      } catch (RunSetupException | IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      if (!quiet) {
        err.printf(Locale.ROOT, "cevns: mapreduce toys: %d toys in %d shards, seed %d, %s per task, %s job runner%n",
            toys, shards, runSeed, threads(plan.threadsPerTask()), plan.local() ? "local" : "cluster");
        err.flush();
      }
      ToysRun.Result result = ToysRun.run(plan, quiet ? null : line -> {
        err.println("cevns: " + line);
        err.flush();
      });
      if (!result.success()) {
        err.println("cevns: MapReduce job " + result.jobId() + " failed: " + result.failure());
        err.flush();
        return Main.EXIT_INTERNAL_ERROR;
      }
      // the tasks record the templates' statistics warning in the parts' footers: printed once, as cevns toys does
      AnalysisSupport.warnTemplateStatistics(err, "mapreduce toys", result.templateWarning());
      if (!quiet) {
        err.printf(Locale.ROOT, "cevns: wrote %d toys in %d shards to %s in %.1f s (job %s, seed %d)%n", result.toys(),
            shards, output, result.seconds(), result.jobId(), runSeed);
        err.flush();
      }
      return 0;
    }
  }

  static int run(CommandSpec spec, ShardedRun.Stage stage, JobOptions o, boolean dropUndetected) throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    OutputFiles.refuseInputs(o.output, java.util.List.of(o.config.toString()));
    ConfigSupport.load(o.config, o.overrides); // every stage's sections, as the other commands check them (exit 2)
    ShardedRun.Request request = new ShardedRun.Request(stage, o.config, o.shards, o.output, o.seed, o.count.events,
        o.count.mean, o.weighted, dropUndetected, o.compression, o.threadsPerTask, o.overwrite, o.properties,
        o.overrides.parsed());
    ShardedRun.Plan plan;
    try {
      plan = ShardedRun.plan(request, HadoopFiles.configuration());
    } catch (RunSetupException | IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw OutputFiles.cannotWrite(o.output, e);
    }
    if (!o.quiet) {
      err.printf(Locale.ROOT, "cevns: mapreduce %s: %d events in %d shards, seed %d, %s per task, %s job runner%n",
          stage.command(), plan.count().events(), o.shards, plan.seed(), threads(plan.threadsPerTask()),
          plan.local() ? "local" : "cluster");
      err.flush();
    }
    ShardedRun.Result result = ShardedRun.run(plan, o.quiet ? null : line -> {
      err.println("cevns: " + line);
      err.flush();
    });
    if (!result.success()) {
      err.println("cevns: MapReduce job " + result.jobId() + " failed: " + result.failure());
      err.flush();
      return Main.EXIT_INTERNAL_ERROR;
    }
    if (!o.quiet) {
      // with --drop-undetected the part files keep only the detected events
      String made = result.rows() == result.events() ? "wrote " + result.events() + " events"
          : "simulated " + result.events() + " events, wrote " + result.rows();
      err.printf(Locale.ROOT, "cevns: %s in %d shards to %s in %.1f s (job %s, seed %d)%n",
          made, o.shards, plan.output(), result.seconds(), result.jobId(), plan.seed());
      err.flush();
    }
    return 0;
  }
}
