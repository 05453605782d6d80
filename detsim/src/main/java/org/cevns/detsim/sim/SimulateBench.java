package org.cevns.detsim.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cevns.detsim.config.DetsimConfig;
import org.cevns.generator.config.ConfigLoader;
import org.cevns.generator.event.EventBlock;
import org.cevns.generator.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.BenchTiming;
import org.cevns.generator.run.BenchTiming.Rate;
import org.cevns.generator.run.ParallelRunner;

/**
 * Benchmark of {@code cevns simulate}, run from the shaded jar:
 * <pre>
 * java -cp cli/target/cevns.jar org.cevns.detsim.sim.SimulateBench CONFIG EVENTS THREADS [CODEC]
 *     [--phases none,parquet,bare] [--reps R] [--dir DIR]
 * </pre>
 *
 * <p>Prints, from one run: events/s of the simulation (signal, backgrounds, response) without output
 * ({@code none}), of the simulation into a Parquet file of all columns ({@code parquet}, as {@code cevns
 * simulate}), and of a bare Parquet write of the same columns ({@code bare}: 16 simulated blocks written over
 * and over, so the values have the same distributions: the I/O ceiling), and the ratio of the last two. Best
 * of R repetitions (default 3); each line also gives events per CPU-second of the process. The configuration
 * needs a detector response (e.g. {@code configs/coherent-csi.yaml}).
 */
public final class SimulateBench {
  private static final int DISTINCT_BLOCKS = 16;

  private SimulateBench() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    List<String> phases = List.of("none", "parquet", "bare");
    int reps = 3;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--phases" -> phases = Arrays.asList(args[++i].split(","));
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() < 3 || reps < 1) {
      System.err.println("usage: SimulateBench CONFIG EVENTS THREADS [zstd|snappy|uncompressed]"
          + " [--phases none,parquet,bare] [--reps R] [--dir DIR]");
      System.exit(2);
    }
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(Path.of(positional.get(0))));
    DetsimConfig detsim = DetsimConfig.of(model).requireResponses("SimulateBench needs a detector response");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    long events = (long) Double.parseDouble(positional.get(1));
    int threads = Integer.parseInt(positional.get(2));
    WriteOptions options = WriteOptions.defaults().withOverwrite(true)
        .withCompression(positional.size() > 3 ? positional.get(3) : "zstd");
    long t0 = System.nanoTime();
    DetectorSimulation sim = DetectorSimulation.of(model, detsim, backgrounds, model.config().generator(), 1L,
        events, threads, false);
    System.out.printf(Locale.ROOT, "config %s: %d background components, tables built in %.2f s, %d threads,"
        + " %d events, %s, %d columns%n", positional.get(0), backgrounds.componentNames().size() - 1,
        (System.nanoTime() - t0) / 1e9, threads, events, options.compression(),
        SimColumns.of(model.dictionary(), backgrounds.componentNames()).size());

    Rate toParquet = null;
    Rate bare = null;
    Path tmp = dir == null ? Files.createTempDirectory("cevns-bench") : Files.createDirectories(dir);
    Path file = tmp.resolve("simulate-bench.parquet");
    int reps0 = reps;
    try {
      for (String phase : phases) {
        Rate best = Rate.NONE;
        switch (phase) {
          case "none" -> {
            for (int r = 0; r < reps0; r++) {
              AtomicLong n = new AtomicLong();
              best = best.best(BenchTiming.timed(() -> ParallelRunner.run(0, sim.blockCount(), threads,
                  SimBlock::new, sim, (k, b) -> n.addAndGet(b.size()), null), events));
            }
            System.out.println("simulate, no output:      " + best.format());
          }
          case "parquet" -> {
            for (int r = 0; r < reps0; r++) {
              best = best.best(BenchTiming.timed(() -> SimJobs.simulate(sim, threads, open(file, model,
                  backgrounds, options), null), events));
            }
            toParquet = best;
            System.out.printf(Locale.ROOT, "simulate to Parquet:      %s, %.1f bytes/event%n", best.format(),
                (double) Files.size(file) / Math.max(1, events));
          }
          case "bare" -> {
            SimBlock[] blocks = new SimBlock[DISTINCT_BLOCKS];
            for (int i = 0; i < DISTINCT_BLOCKS; i++) {
              blocks[i] = new SimBlock();
              sim.fill(i % Math.max(1, sim.blockCount()), blocks[i]);
            }
            for (int r = 0; r < reps0; r++) {
              best = best.best(BenchTiming.timed(() -> bareWrite(open(file, model, backgrounds, options), blocks,
                  events), events));
            }
            bare = best;
            System.out.println("bare Parquet write:       " + best.format());
          }
          default -> throw new IllegalArgumentException("unknown phase '" + phase + "', allowed: none, parquet, bare");
        }
      }
      if (toParquet != null && bare != null) {
        System.out.printf(Locale.ROOT, "simulate to Parquet / bare write: %.0f %%%n",
            100 * toParquet.eventsPerSecond() / bare.eventsPerSecond());
      }
    } finally {
      Files.deleteIfExists(file);
      if (dir == null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static SimParquetSink open(Path file, ExperimentModel model, BackgroundChannels backgrounds,
      WriteOptions options) throws java.io.IOException {
    return SimParquetSink.open(file.toString(), model.dictionary(), backgrounds.componentNames(), Map.of(), options);
  }

  /** Writes {@code events} events cycling through {@code blocks} (event ids rewritten to stay unique). */
  private static void bareWrite(SimParquetSink out, SimBlock[] blocks, long events) throws Exception {
    long written = 0;
    for (long k = 0; written < events; k++) {
      SimBlock b = blocks[(int) (k % blocks.length)];
      EventBlock t = b.truth;
      int n = (int) Math.min(t.size(), events - written);
      int keep = t.size();
      t.setSize(n);
      for (int i = 0; i < n; i++) {
        t.eventId[i] = written + i;
      }
      out.accept(k, b);
      t.setSize(keep);
      written += n;
    }
    out.close();
  }
}
