package org.cevns.generator.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cevns.generator.config.ConfigLoader;
import org.cevns.generator.config.ExperimentConfig;
import org.cevns.generator.event.EventBlock;
import org.cevns.generator.io.TruthParquetSink;
import org.cevns.generator.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;

/**
 * Benchmark of truth generation, run from the shaded jar:
 * {@code java -cp cli/target/cevns.jar org.cevns.generator.run.GenerateBench CONFIG EVENTS THREADS [CODEC]}.
 *
 * <p>Prints, from one run: events/s of generation without output (blocks are filled and dropped), of
 * generation into a Parquet file, and of a bare Parquet write of the same columns (16 generated blocks written
 * over and over, so the values have the same distributions: the I/O ceiling), and the ratio of the last two.
 * Each phase is repeated and the best repetition reported, since the machine may be shared.
 */
public final class GenerateBench {
  private static final int DISTINCT_BLOCKS = 16;
  private static final int REPETITIONS = 3;

  private GenerateBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: GenerateBench CONFIG EVENTS THREADS [zstd|snappy|uncompressed]");
      System.exit(2);
    }
    ExperimentConfig cfg = ConfigLoader.load(Path.of(args[0]));
    long events = Long.parseLong(args[1]);
    int threads = Integer.parseInt(args[2]);
    WriteOptions options = WriteOptions.defaults().withOverwrite(true)
        .withCompression(args.length > 3 ? args[3] : "zstd");
    ExperimentModel model = ExperimentModel.build(cfg);
    long t0 = System.nanoTime();
    TruthGenerator gen = TruthGenerator.of(model, cfg.generator(), 1L, events, threads);
    System.out.printf(Locale.ROOT, "config %s: %d channels, tables built in %.2f s, %d threads, %d events, %s%n",
        args[0], gen.channels().size(), (System.nanoTime() - t0) / 1e9, threads, events, options.compression());

    double noOutput = 0;
    for (int r = 0; r < REPETITIONS; r++) {
      AtomicLong sink = new AtomicLong();
      long s = System.nanoTime();
      ParallelRunner.run(0, gen.blockCount(), threads, EventBlock::new, gen,
          (k, b) -> sink.addAndGet(b.size()), null);
      noOutput = Math.max(noOutput, sink.get() / ((System.nanoTime() - s) / 1e9));
    }
    System.out.printf(Locale.ROOT, "generate, no output:      %.3e events/s%n", noOutput);

    Path dir = Files.createTempDirectory("cevns-bench");
    Path file = dir.resolve("truth.parquet");
    double toParquet = 0;
    long bytes = 0;
    for (int r = 0; r < REPETITIONS; r++) {
      long s = System.nanoTime();
      TruthParquetSink out = TruthParquetSink.open(file.toString(), model.dictionary(), Map.of(), options);
      GenerateJob.run(gen, threads, out, null);
      toParquet = Math.max(toParquet, events / ((System.nanoTime() - s) / 1e9));
      bytes = Files.size(file);
    }
    System.out.printf(Locale.ROOT, "generate to Parquet:      %.3e events/s (%.1f bytes/event)%n", toParquet,
        (double) bytes / events);

    EventBlock[] blocks = new EventBlock[DISTINCT_BLOCKS];
    for (int i = 0; i < DISTINCT_BLOCKS; i++) {
      blocks[i] = new EventBlock();
      gen.fill(i % Math.max(1, gen.blockCount()), blocks[i]);
    }
    double bare = 0;
    for (int r = 0; r < REPETITIONS; r++) {
      long s = System.nanoTime();
      TruthParquetSink out = TruthParquetSink.open(file.toString(), model.dictionary(), Map.of(), options);
      long written = 0;
      for (long k = 0; written < events; k++) {
        EventBlock b = blocks[(int) (k % DISTINCT_BLOCKS)];
        int n = (int) Math.min(b.size(), events - written);
        int keep = b.size();
        b.setSize(n);
        out.accept(k, b);
        b.setSize(keep);
        written += n;
      }
      out.close();
      bare = Math.max(bare, written / ((System.nanoTime() - s) / 1e9));
    }
    System.out.printf(Locale.ROOT, "bare Parquet write:       %.3e events/s%n", bare);
    System.out.printf(Locale.ROOT, "generate to Parquet / bare write: %.0f %%%n", 100 * toParquet / bare);
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }
}
