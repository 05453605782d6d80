package org.cevns.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.io.LocalOutputFile;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.BlockColumn;
import org.cevns.events.io.ParquetBlockWriter;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;

/**
 * The per-column part of {@link WriteStagesBench} ({@code --columns}): every truth column written alone, as
 * {@code generate} writes it (one row group per block, local file, no Hadoop), uncompressed and ZSTD at cevns'
 * level; prints per column the thread CPU of encoding (ns/event, best of the repetitions), of encoding + compression,
 * their difference (the compression) and the bytes per event of the column chunk (file size less that of an empty
 * file). The columns' sum is above the whole file's: every file has its own per-page and per-row-group costs.
 */
final class ColumnStages {
  private ColumnStages() {}

  static void print(ExperimentModel model, EventBlock[] blocks, Path file, int reps) throws IOException {
    double events = (double) blocks.length * EventBlock.CAPACITY;
    System.out.println("per column (alone): encode, encode+zstd, zstd, bytes/event uncompressed, zstd");
    double[] sum = new double[5];
    for (BlockColumn<EventBlock> c : TruthColumns.of(model.dictionary())) {
      double[] plain = write(c, blocks, file, reps, "uncompressed");
      double[] zstd = write(c, blocks, file, reps, "zstd");
      double[] row = {plain[0], zstd[0], zstd[0] - plain[0], plain[1] / events, zstd[1] / events};
      for (int i = 0; i < row.length; i++) {
        sum[i] += row[i];
      }
      System.out.printf(Locale.ROOT, "  %-14s %7.1f %7.1f %7.1f %8.2f %8.2f%n", c.name(), row[0], row[1], row[2],
          row[3], row[4]);
    }
    System.out.printf(Locale.ROOT, "  %-14s %7.1f %7.1f %7.1f %8.2f %8.2f%n", "sum", sum[0], sum[1], sum[2], sum[3],
        sum[4]);
  }

  /** {ns/event of encode (+ compression), bytes of the file}: best CPU of {@code reps} runs. */
  private static double[] write(BlockColumn<EventBlock> column, EventBlock[] blocks, Path file, int reps,
      String codec) throws IOException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    long bytes = 0;
    for (int r = 0; r < reps; r++) {
      Files.deleteIfExists(file);
      long ns = 0;
      try (ParquetBlockWriter<EventBlock> w = ParquetBlockWriter.open(new LocalOutputFile(file), "t",
          List.of(column), Map.of(), WriteOptions.defaults().withCompression(codec))) {
        for (EventBlock b : blocks) {
          long t0 = cpu.getCurrentThreadCpuTime();
          ParquetBlockWriter.EncodedRowGroup g = w.encode(b, b.size());
          ns += cpu.getCurrentThreadCpuTime() - t0;
          w.append(g);
        }
      }
      bytes = Files.size(file);
      best = Math.min(best, ns / ((double) blocks.length * EventBlock.CAPACITY));
    }
    return new double[] {best, bytes};
  }
}
