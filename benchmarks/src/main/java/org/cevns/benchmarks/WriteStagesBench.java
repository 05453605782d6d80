package org.cevns.benchmarks;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.TruthGenerator;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;

/**
 * CPU time of each stage of {@code cevns generate} on one thread, measured with the thread's own CPU clock (so other
 * load on the machine changes it little), warmed up, run from the benchmarks jar:
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.cevns.benchmarks.WriteStagesBench CONFIG BLOCKS
 *     [--reps R] [--levels 1,3] [--columns]
 * </pre>
 *
 * <p>Prints ns per event of: filling blocks ({@code TruthGenerator.fill}); encoding and compressing a block into its
 * row group ({@code TruthParquetSink.prepare}, what the worker threads do) and appending it to the file
 * ({@code accept}, what the one writer thread does), for UNCOMPRESSED and ZSTD at each level (parquet's
 * {@code parquet.compression.codec.zstd.level}; its default is 3), with the file's bytes per event. Then the double
 * columns alone: each column's page of a block (64 Ki values, 512 KiB) compressed the way parquet-java compresses a
 * page (a new {@code ZstdOutputStream} per page), PLAIN against BYTE_STREAM_SPLIT (the 8 bytes of each value
 * scattered to 8 streams), with the cost of the split itself: the size and compression CPU that BYTE_STREAM_SPLIT
 * would give these columns, without writing such a file. With {@code --columns}, each truth column alone
 * ({@link ColumnStages}): its encoding, its compression and its bytes per event, as written by {@code generate}.
 */
public final class WriteStagesBench {
  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
      long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Values per tile of the byte-stream split. */
  private static final int SPLIT_TILE = 512;

  private WriteStagesBench() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    int reps = 3;
    int[] levels = {1, 3};
    boolean columns = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--levels" -> levels = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--columns" -> columns = true;
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() != 2 || reps < 1) {
      System.err.println("usage: WriteStagesBench CONFIG BLOCKS [--reps R] [--levels 1,3] [--columns]");
      System.exit(2);
    }
    ExperimentConfig cfg = ConfigLoader.load(Path.of(positional.get(0)));
    int blocks = Integer.parseInt(positional.get(1));
    ExperimentModel model = ExperimentModel.build(cfg);
    TruthGenerator gen = TruthGenerator.of(model, cfg.generator(), 1L, (long) blocks * EventBlock.CAPACITY, 1);
    double events = (double) blocks * EventBlock.CAPACITY;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    EventBlock[] filled = new EventBlock[blocks];
    for (int k = 0; k < blocks; k++) {
      filled[k] = new EventBlock();
    }
    double bestFill = Double.MAX_VALUE;
    for (int r = 0; r < reps; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < blocks; k++) {
        gen.fill(k, filled[k]);
      }
      bestFill = Math.min(bestFill, (cpu.getCurrentThreadCpuTime() - t0) / events);
    }
    System.out.printf(Locale.ROOT, "%s, %d blocks (%.0f events), 1 thread, best of %d, thread CPU ns/event%n",
        positional.get(0), blocks, events, reps);
    System.out.printf(Locale.ROOT, "fill: %.1f%n", bestFill);
    Path dir = Files.createTempDirectory("cevns-stages");
    Path file = dir.resolve("stages.parquet");
    try {
      writeStage(model, filled, "uncompressed", 0, file, reps);
      for (int level : levels) {
        writeStage(model, filled, "zstd", level, file, reps);
      }
      if (columns) {
        ColumnStages.print(model, filled, file, reps);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
    doublePages(filled, levels, reps);
  }

  private static void writeStage(ExperimentModel model, EventBlock[] blocks, String codec, int level, Path file,
      int reps) throws IOException {
    Configuration conf = HadoopFiles.configuration();
    if (level > 0) {
      conf.setInt("parquet.compression.codec.zstd.level", level);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double events = (double) blocks.length * EventBlock.CAPACITY;
    double bestEncode = Double.MAX_VALUE;
    double bestAppend = Double.MAX_VALUE;
    long bytes = 0;
    for (int r = 0; r < reps; r++) {
      Files.deleteIfExists(file);
      TruthParquetSink sink = TruthParquetSink.open(HadoopFiles.path(file.toString()), model.dictionary(), Map.of(),
          WriteOptions.defaults().withCompression(codec), conf);
      long encode = 0;
      long append = 0;
      for (int k = 0; k < blocks.length; k++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        sink.prepare(k, blocks[k]);
        long t1 = cpu.getCurrentThreadCpuTime();
        sink.accept(k, blocks[k]);
        append += cpu.getCurrentThreadCpuTime() - t1;
        encode += t1 - t0;
      }
      sink.close();
      bytes = Files.size(file);
      bestEncode = Math.min(bestEncode, encode / events);
      bestAppend = Math.min(bestAppend, append / events);
    }
    System.out.printf(Locale.ROOT, "%s%s: encode+compress %.1f, append %.1f, file %.2f bytes/event%n", codec,
        level > 0 ? " level " + level : "", bestEncode, bestAppend, bytes / events);
  }

  /** The 16 double columns' pages compressed PLAIN and BYTE_STREAM_SPLIT at each level. */
  private static void doublePages(EventBlock[] blocks, int[] levels, int reps) throws IOException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int n = EventBlock.CAPACITY;
    double events = (double) blocks.length * n;
    byte[] plain = new byte[8 * n];
    byte[] split = new byte[8 * n];
    long[] bits = new long[n];
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * n + 1024);
    double bestSplit = Double.MAX_VALUE;
    double[][] bestCompress = new double[2][levels.length];
    long[][] size = new long[2][levels.length];
    for (double[] row : bestCompress) {
      java.util.Arrays.fill(row, Double.MAX_VALUE);
    }
    for (int r = 0; r < reps; r++) {
      long splitNs = 0;
      long[][] ns = new long[2][levels.length];
      long[][] bytes = new long[2][levels.length];
      for (EventBlock b : blocks) {
        for (double[] v : doubleColumns(b)) {
          for (int i = 0; i < n; i++) {
            bits[i] = Double.doubleToLongBits(v[i]);
            LONGS.set(plain, 8 * i, bits[i]);
          }
          long t0 = cpu.getCurrentThreadCpuTime();
          byteStreamSplit(bits, n, split);
          splitNs += cpu.getCurrentThreadCpuTime() - t0;
          for (int e = 0; e < 2; e++) {
            for (int l = 0; l < levels.length; l++) {
              out.reset();
              long t1 = cpu.getCurrentThreadCpuTime();
              try (ZstdOutputStream z = new ZstdOutputStream(out, levels[l])) {
                z.write(e == 0 ? plain : split);
              }
              ns[e][l] += cpu.getCurrentThreadCpuTime() - t1;
              bytes[e][l] += out.size();
            }
          }
        }
      }
      bestSplit = Math.min(bestSplit, splitNs / events);
      for (int e = 0; e < 2; e++) {
        for (int l = 0; l < levels.length; l++) {
          bestCompress[e][l] = Math.min(bestCompress[e][l], ns[e][l] / events);
          size[e][l] = bytes[e][l];
        }
      }
    }
    System.out.printf(Locale.ROOT, "16 double columns (128 bytes/event raw); byte-stream split itself: %.1f%n",
        bestSplit);
    for (int e = 0; e < 2; e++) {
      for (int l = 0; l < levels.length; l++) {
        System.out.printf(Locale.ROOT, "  %s zstd level %d: compress %.1f, %.2f bytes/event%n",
            e == 0 ? "PLAIN           " : "BYTE_STREAM_SPLIT", levels[l], bestCompress[e][l], size[e][l] / events);
      }
    }
  }

  /**
   * BYTE_STREAM_SPLIT of {@code n} 8-byte values: byte k of value i goes to {@code out[k * n + i]}; in tiles of
   * {@value #SPLIT_TILE} values, so that each tile is read 8 times from the L1 cache.
   */
  static void byteStreamSplit(long[] bits, int n, byte[] out) {
    for (int start = 0; start < n; start += SPLIT_TILE) {
      int end = Math.min(n, start + SPLIT_TILE);
      for (int k = 0; k < 8; k++) {
        int shift = 8 * k;
        int base = k * n;
        for (int i = start; i < end; i++) {
          out[base + i] = (byte) (bits[i] >>> shift);
        }
      }
    }
  }

  private static double[][] doubleColumns(EventBlock b) {
    return new double[][] {b.enuMeV, b.recoilKeV, b.timeNs, b.weight, b.nuOutPxMeV, b.nuOutPyMeV, b.nuOutPzMeV,
        b.nuOutEMeV, b.recoilPxMeV, b.recoilPyMeV, b.recoilPzMeV, b.recoilEMeV, b.vertexXM, b.vertexYM, b.vertexZM,
        b.timeS};
  }
}
