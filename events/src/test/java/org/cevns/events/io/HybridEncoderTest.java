package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;

/**
 * {@link HybridEncoder}, fed runs, against parquet-java's {@link RunLengthBitPackingHybridEncoder} fed the same values
 * one by one: the same bytes, and the same buffered size after every run (parquet-java's page size checks read it).
 */
class HybridEncoderTest {
  @Test
  void runsGiveParquetJavasBytesAndSizes() throws IOException {
    SplittableRandom rng = new SplittableRandom(5);
    HybridEncoder ours = new HybridEncoder();
    for (int bitWidth : new int[] {0, 1, 2, 3, 5, 8, 9, 12, 17, 24, 31, 32}) {
      for (int trial = 0; trial < 40; trial++) {
        int prefix = trial % 3 == 0 ? 4 : 1;
        ours.reset(bitWidth, prefix);
        RunLengthBitPackingHybridEncoder parquet = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
            HeapByteBufferAllocator.getInstance());
        long max = bitWidth == 0 ? 0 : (1L << bitWidth) - 1;
        int distinct = 1 + rng.nextInt(trial % 4 == 0 ? 2 : 6);
        int[] palette = new int[distinct];
        for (int k = 0; k < distinct; k++) {
          palette[k] = (int) (k == 0 ? 0 : k == 1 ? max : rng.nextLong(max + 1));
        }
        int runs = trial == 0 ? 0 : 1 + rng.nextInt(trial < 20 ? 30 : 300);
        for (int r = 0; r < runs; r++) {
          int v = palette[rng.nextInt(distinct)];
          // short runs (bit-packed, up to the 63-group limit), runs of 7 to 9 (the RLE threshold), long runs
          int n = switch (rng.nextInt(4)) {
            case 0 -> 1 + rng.nextInt(3);
            case 1 -> 7 + rng.nextInt(3);
            case 2 -> 1 + rng.nextInt(600);
            default -> 1 + rng.nextInt(5000);
          };
          ours.writeRun(v, n);
          for (int k = 0; k < n; k++) {
            parquet.writeInt(v);
          }
          assertEquals(parquet.getBufferedSize(), ours.bufferedSize(), "width " + bitWidth + " run " + r);
        }
        byte[] expected = parquet.toBytes().toByteArray();
        byte[] actual = ours.finish().toByteArray();
        assertArrayEquals(expected, Arrays.copyOfRange(actual, prefix, actual.length),
            "width " + bitWidth + ", " + runs + " runs");
        parquet.close();
      }
    }
  }
}
