package org.cevns.generator.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.sample.TableBytes;
import org.cevns.schema.GeneratorSettings;

/**
 * Heap the sampling tables of {@link TruthGenerator#of} will take for a model, computed without building them
 * (one table per distinct sampler key of the channels with a non-zero expectation, as {@link TruthGenerator#of}
 * shares them), so that a command can stop before building tables that cannot fit.
 *
 * <p>{@link #heapBytes(long)} counts the garbage-first collector's rounding: an array of at least half a heap
 * region is "humongous" and takes whole regions of its own. With the 1 MB regions of heaps below 2 GB, a table of
 * 512 × 256 nodes (2.1 MB of floats) takes 3 MB.
 *
 * @param channels channels with a non-zero expectation
 * @param rowsArrays byte sizes of the large array (the recoil rows) of each distinct table
 * @param otherBytes bytes of the small arrays of all tables
 */
public record TableFootprint(int channels, long[] rowsArrays, long otherBytes) {
  /** The tables {@link TruthGenerator#of} would build for {@code model} with {@code settings}. */
  public static TableFootprint of(ExperimentModel model, GeneratorSettings settings) {
    Map<String, Channel> firstByKey = new LinkedHashMap<>();
    int channels = 0;
    for (Channel c : model.channels()) {
      if (c.expectedEvents() > 0) {
        channels++;
        firstByKey.putIfAbsent(TruthGenerator.key(model, c), c);
      }
    }
    long[] rows = new long[firstByKey.size()];
    long other = 0;
    int i = 0;
    for (Channel c : firstByKey.values()) {
      TableBytes b = TableBytes.of(c.component().spectrum(), c.xs(), settings.energyNodes(), settings.recoilNodes());
      rows[i++] = b.rowsArrayBytes();
      other += b.otherBytes();
    }
    return new TableFootprint(channels, rows, other);
  }

  /** Distinct tables among the channels (channels with the same sampler key share one). */
  public int tables() {
    return rowsArrays.length;
  }

  /** Bytes of the arrays of all tables, before the collector's rounding. */
  public long arrayBytes() {
    long sum = otherBytes;
    for (long b : rowsArrays) {
      sum += b;
    }
    return sum;
  }

  /**
   * Heap the tables occupy in a garbage-first heap of {@code regionBytes} regions: arrays of at least half a region
   * rounded up to whole regions, the rest as they are.
   */
  public long heapBytes(long regionBytes) {
    if (regionBytes <= 0) {
      throw new IllegalArgumentException("regionBytes must be > 0, got " + regionBytes);
    }
    long sum = otherBytes;
    for (long b : rowsArrays) {
      sum += b >= regionBytes / 2 ? (b + regionBytes - 1) / regionBytes * regionBytes : b;
    }
    return sum;
  }

  /**
   * Region size the garbage-first collector of JDK 17 chooses for a maximum heap of {@code maxHeapBytes} without
   * -XX:G1HeapRegionSize: the heap / 2048 rounded up to a power of two, within [1, 32] MB (checked with
   * {@code java -XmxN -XX:+PrintFlagsFinal -version}: 1 MB up to 2047 MB, 2 MB at 2049 MB and 3 GB, 4 MB at 6 GB).
   */
  public static long g1RegionBytes(long maxHeapBytes) {
    long target = Math.max(1L << 20, maxHeapBytes / 2048);
    long region = Long.highestOneBit(target);
    return Math.min(32L << 20, region < target ? 2 * region : region);
  }
}
