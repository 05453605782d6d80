package org.cevns.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.benchmarks.BenchTiming.Rate;
import org.cevns.events.run.ParallelRunner;
import org.cevns.generator.run.GenerateJob;
import org.cevns.generator.run.TruthGenerator;

/**
 * Benchmark of truth generation, run from the shaded jar:
 * <pre>
 * java -cp cli/target/cevns.jar org.cevns.benchmarks.GenerateBench CONFIG EVENTS THREADS [CODEC]
 *     [--phases none,parquet,bare] [--reps R] [--dir DIR] [--no-event-record]
 * </pre>
 *
 * <p>Prints, from one run: events/s of generation without output (blocks are filled and dropped:
 * {@code none}), of generation into a Parquet file ({@code parquet}), and of a bare Parquet write of the same
 * columns ({@code bare}: 16 generated blocks written over and over, so the values have the same distributions,
 * encoded on the same THREADS worker threads and appended in order as generate does: the parallel write
 * ceiling), and the ratio of the last two. Each phase is repeated R times (default 3) and the best
 * repetition reported, since the machine may be shared; each line also gives the events per CPU-second of the
 * whole process in that repetition (the rate a quiet single core would reach), which is less sensitive to other
 * load. EVENTS accepts {@code 1e9}. With both phases it also gives the ratio per CPU-second (what the wall-clock
 * ratio is on idle cores, since both phases keep every core busy) and checks from the two files' footers that the
 * bare write wrote the same columns with the same types, codecs and encodings ({@link ColumnChunks}). {@code --no-event-record} writes files without the event-record columns
 * (as {@code cevns generate --no-event-record}).
 */
public final class GenerateBench {
  private static final int DISTINCT_BLOCKS = 16;

  private GenerateBench() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    List<String> phases = List.of("none", "parquet", "bare");
    int reps = 3;
    Path dir = null;
    Map<String, String> metadata = Map.of();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--phases" -> phases = Arrays.asList(args[++i].split(","));
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--no-event-record" -> metadata = Map.of(org.cevns.events.io.TruthMetadata.EVENT_RECORD, "false");
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() < 3 || reps < 1) {
      System.err.println("usage: GenerateBench CONFIG EVENTS THREADS [zstd|snappy|uncompressed]"
          + " [--phases none,parquet,bare] [--reps R] [--dir DIR] [--no-event-record]");
      System.exit(2);
    }
    ExperimentConfig cfg = ConfigLoader.load(Path.of(positional.get(0)));
    long events = (long) Double.parseDouble(positional.get(1));
    int threads = Integer.parseInt(positional.get(2));
    WriteOptions options = WriteOptions.defaults().withOverwrite(true)
        .withCompression(positional.size() > 3 ? positional.get(3) : "zstd");
    ExperimentModel model = ExperimentModel.build(cfg);
    long t0 = System.nanoTime();
    TruthGenerator gen = TruthGenerator.of(model, cfg.generator(), 1L, events, threads);
    System.out.printf(Locale.ROOT, "config %s: %d channels, tables built in %.2f s, %d threads, %d events, %s%n",
        positional.get(0), gen.channels().size(), (System.nanoTime() - t0) / 1e9, threads, events,
        options.compression());

    Map<String, String> fileMetadata = metadata;
    Rate toParquet = null;
    Rate bare = null;
    Map<String, String> generateChunks = null;
    Map<String, String> bareChunks = null;
    Path tmp = dir == null ? Files.createTempDirectory("cevns-bench") : Files.createDirectories(dir);
    Path file = tmp.resolve("truth-bench.parquet");
    try {
      for (String phase : phases) {
        switch (phase) {
          case "none" -> {
            Rate best = Rate.NONE;
            for (int r = 0; r < reps; r++) {
              AtomicLong sink = new AtomicLong();
              best = best.best(BenchTiming.timed(() -> ParallelRunner.run(0, gen.blockCount(), threads, EventBlock::new, gen,
                  (k, b) -> sink.addAndGet(b.size()), null), events));
              if (sink.get() != events) {
                throw new IllegalStateException("generated " + sink.get() + " events, expected " + events);
              }
            }
            System.out.println("generate, no output:      " + best.format());
          }
          case "parquet" -> {
            Rate best = Rate.NONE;
            for (int r = 0; r < reps; r++) {
              best = best.best(BenchTiming.timed(() -> GenerateJob.run(gen, threads,
                  TruthParquetSink.open(file.toString(), model.dictionary(), fileMetadata, options), null), events));
            }
            toParquet = best;
            System.out.printf(Locale.ROOT, "generate to Parquet:      %s, %.1f bytes/event%n", best.format(),
                (double) Files.size(file) / Math.max(1, events));
            generateChunks = ColumnChunks.of(file);
          }
          case "bare" -> {
            EventBlock[] blocks = new EventBlock[DISTINCT_BLOCKS];
            for (int i = 0; i < DISTINCT_BLOCKS; i++) {
              blocks[i] = new EventBlock();
              gen.fill(i % Math.max(1, gen.blockCount()), blocks[i]);
            }
            Rate best = Rate.NONE;
            long whole = Math.max(1, events / EventBlock.CAPACITY) * EventBlock.CAPACITY;
            for (int r = 0; r < reps; r++) {
              best = best.best(BenchTiming.timed(() -> bareWrite(file, model, options, blocks, events, threads,
                  fileMetadata), whole));
            }
            bare = best;
            System.out.printf(Locale.ROOT, "bare Parquet write (%d threads): %s, %.1f bytes/event%n", threads,
                best.format(), (double) Files.size(file) / whole);
            bareChunks = ColumnChunks.of(file);
          }
          default -> throw new IllegalArgumentException("unknown phase '" + phase + "', allowed: none, parquet, bare");
        }
      }
      if (toParquet != null && bare != null) {
        System.out.printf(Locale.ROOT, "generate to Parquet / bare write: %.0f %% (per CPU-s: %.0f %%)%n",
            100 * toParquet.eventsPerSecond() / bare.eventsPerSecond(),
            100 * toParquet.eventsPerCpuSecond() / bare.eventsPerCpuSecond());
        System.out.println("bare write's columns, types, codecs and encodings "
            + (generateChunks.equals(bareChunks) ? "equal generate's" : "DIFFER from generate's: " + generateChunks
            + " against " + bareChunks));
      }
    } finally {
      Files.deleteIfExists(file);
      if (dir == null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Writes whole blocks cycling through {@code blocks} (about {@code events} events) as {@code cevns generate}
   * writes them, without generating: each block encoded into its row group on {@code threads} worker threads and
   * appended in order by one writer (the parallel write ceiling). Returns the number of events written.
   */
  static long bareWrite(Path file, ExperimentModel model, WriteOptions options, EventBlock[] blocks, long events,
      int threads, Map<String, String> metadata) throws Exception {
    TruthParquetSink out = TruthParquetSink.open(file.toString(), model.dictionary(), metadata, options);
    long count = Math.max(1, events / EventBlock.CAPACITY);
    ParallelRunner.run(0, count, threads, () -> new long[1], (k, slot) -> {
      slot[0] = k;
      out.prepare(k, blocks[(int) (k % blocks.length)]);
    }, (k, slot) -> out.accept(k, blocks[(int) (k % blocks.length)]), null);
    out.close();
    return out.events();
  }
}
