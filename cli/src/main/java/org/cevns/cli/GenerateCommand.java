package org.cevns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.GeneratorSettings;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.events.io.WriterWarmUp;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.GenerateJob;
import org.cevns.generator.run.RunMetadata;
import org.cevns.events.run.Shard;
import org.cevns.generator.run.TruthGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cevns generate}: truth events into a Parquet file. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    footer = {"", HelpText.EXAMPLES,
        "  cevns generate configs/coherent-lar.yaml --events 2000000 -o lar.parquet",
        "  cevns generate configs/coherent-csi.yaml --seed 7 -o toy.parquet  # one toy",
        "",
        HelpText.EXIT_CODES},
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

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  @Mixin RunOptions run = new RunOptions();

  @Option(names = "--no-event-record", description = {"rate-only file: leave out the event record for detector"
      + " simulations (four-momenta, vertex, pulse_index, time_s; ~4x smaller, ~2x faster to write); the other"
      + " columns are the same as with it; cevns.event_record = false; cevns detsim and convert need the record"})
  boolean noEventRecord;

  @Override
  public Integer call() throws Exception {
    WriteOptions options = run.validate();
    OutputFiles.refuseInputs(run.output, java.util.List.of(config.toString()));
    Shard part = ShardOption.parse(run.shard);
    ExperimentModel model = ConfigSupport.load(config, overrides).model();
    ExperimentConfig cfg = model.config();
    ShardOption.requireSeed(part, run.seed, cfg);
    long runSeed = ConfigSupport.seed(run.seed, cfg);
    double expected = model.totalExpectedEvents();
    EventCount n = run.eventCount(expected, runSeed);
    GeneratorSettings gs = run.settings(cfg.generator());
    java.util.OptionalInt child = HeapBudget.fit(model, gs, run.threads, 0); // before any table or output
    if (child.isPresent()) {
      return child.getAsInt();
    }
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    // The sampling tables (the largest set-up cost) are built on their own thread while this one makes the file's
    // metadata and opens the output; errors are still reported in the sequential order: the output's first.
    CompletableFuture<TruthGenerator> tables = CompletableFuture.supplyAsync(() -> n.mode() == EventCount.Mode.MEAN
        ? TruthGenerator.ofMean(model, gs, runSeed, run.threads, new double[0])
        : TruthGenerator.of(model, gs, runSeed, n.events(), run.threads),
        r -> ConfigSupport.startDaemon(r, "cevns-tables"));
    WriterWarmUp.start(options); // the writer's native library and classes, beside the tables instead of after them
    long events = part.events(n.events(), EventBlock.CAPACITY);
    // The first event block too (~14 MB of fresh heap pages: the worker's first touch of them was most of the
    // 0.13-0.19 s from the runner's start to its first class in a 10-event run at load 10-12, after the tables): the
    // pool's first block then comes from here.
    CompletableFuture<EventBlock> firstBlock = events == 0 ? null
        : CompletableFuture.supplyAsync(EventBlock::new, r -> ConfigSupport.startDaemon(r, "cevns-first-block"));
    Map<String, String> metadata = new LinkedHashMap<>(
        RunMetadata.putShard(RunMetadata.of(model, runSeed, n, gs.weighted()).toMap(), part, n.events()));
    if (noEventRecord) {
      metadata.put(TruthMetadata.EVENT_RECORD, "false");
    }
    TruthParquetSink sink = OutputFiles.openTruth(run.output, model.dictionary(), metadata, options);
    TruthGenerator generator;
    try {
      generator = ConfigSupport.join(tables);
    } catch (RuntimeException | Error e) {
      sink.abort();
      if (e instanceof IllegalArgumentException) {
        throw new UserException(e.getMessage(), e);
      }
      throw e;
    }
    Progress progress = Progress.forTerminal(err, "generate", events, run.quiet);
    GenerateJob.run(generator, part, run.threads, sink, progress, firstThenNew(firstBlock));
    progress.finish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!run.quiet) {
      err.printf(Locale.ROOT, "cevns: wrote %d events%s (%s, expected %.6g) to %s in %.1f s, seed %d%n", events,
          part.isWhole() ? "" : " of " + n.events() + " (shard " + part + ")",
          n.mode().name().toLowerCase(Locale.ROOT), expected, sink.target(), seconds, runSeed);
      err.flush();
    }
    return 0;
  }

  /**
   * Blocks for the run's pool: {@code first}'s block at the first call (a new one if it could not be made), then new
   * ones; called on the worker threads.
   */
  static Supplier<EventBlock> firstThenNew(CompletableFuture<EventBlock> first) {
    AtomicReference<CompletableFuture<EventBlock>> once = new AtomicReference<>(first);
    return () -> {
      CompletableFuture<EventBlock> f = once.getAndSet(null);
      if (f != null) {
        try {
          return f.join();
        } catch (CompletionException | CancellationException e) {
          // e.g. out of memory on that thread: made here, where a failure is the run's
        }
      }
      return new EventBlock();
    };
  }
}
