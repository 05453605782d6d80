package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.junit.jupiter.api.Test;

/**
 * {@link DeltaLongs} writes the bytes of parquet-java's {@code DeltaBinaryPackingValuesWriterForLong} page after
 * page of one writer (stale deltas packed into the last miniblock of a partial block, stale bit widths, the first
 * value kept through a reset for an empty page), with {@code writeLong} and the bulk {@code writeLongs}, for
 * sequential numbers, random numbers of every width and the extremes of 64-bit integers; and {@code renew} is a new
 * writer.
 */
class DeltaLongsTest {
  private static final int[] PAGE_SIZES = {0, 1, 2, 31, 32, 33, 127, 128, 129, 130, 255, 256, 1000, 4097};

  @Test
  void pagesAreParquetJavasBytes() throws IOException {
    SplittableRandom rng = new SplittableRandom(12);
    DeltaLongs ours = new DeltaLongs(16);
    for (int group = 0; group < 60; group++) {
      DeltaBinaryPackingValuesWriterForLong parquet = new DeltaBinaryPackingValuesWriterForLong(64, 1 << 20,
          new HeapByteBufferAllocator());
      if (group % 2 == 0) {
        ours.renew();
      } else {
        ours = new DeltaLongs(16 + group);
      }
      long next = rng.nextLong(1000);
      int pages = 1 + rng.nextInt(6);
      for (int page = 0; page < pages; page++) {
        int n = rng.nextInt(3) == 0 ? rng.nextInt(600) : PAGE_SIZES[rng.nextInt(PAGE_SIZES.length)];
        long[] values = new long[n];
        int kind = rng.nextInt(5);
        int width = rng.nextInt(65);
        for (int i = 0; i < n; i++) {
          values[i] = switch (kind) {
            case 0 -> next++;
            case 1 -> width == 64 ? rng.nextLong() : rng.nextLong(1L << Math.min(width, 62));
            case 2 -> rng.nextInt(4) == 0 ? Long.MIN_VALUE : rng.nextInt(4) == 0 ? Long.MAX_VALUE : rng.nextLong();
            case 3 -> rng.nextInt(3) - 1L + 1_000_000L * (i / 50);
            default -> rng.nextInt(20) == 0 ? -1L : rng.nextLong(1L << 20);
          };
        }
        for (int i = 0; i < n; ) {
          int m = Math.min(n - i, rng.nextInt(3) == 0 ? 1 : 1 + rng.nextInt(300));
          for (int k = i; k < i + m; k++) {
            parquet.writeLong(values[k]);
          }
          if (m == 1 && rng.nextBoolean()) {
            ours.writeLong(values[i]);
          } else {
            ours.writeLongs(values, i, i + m);
          }
          i += m;
          assertEquals(parquet.getBufferedSize(), ours.bufferedSize(), "group " + group + " page " + page + " at " + i);
        }
        String what = "group " + group + ", page " + page + ", " + n + " values of kind " + kind + " width " + width;
        assertArrayEquals(parquet.getBytes().toByteArray(), ours.bytes().toByteArray(), what);
        parquet.reset();
        ours.reset();
      }
      parquet.close();
    }
  }

  @Test
  void packsEveryWidthAsParquetJava() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int width = 0; width <= 64; width++) {
      long[] values = new long[DeltaLongs.MINIBLOCK_VALUES];
      for (int i = 0; i < values.length; i++) {
        values[i] = rng.nextLong(); // wider than the width: only the low bits count
      }
      byte[] want = new byte[4 * width];
      org.apache.parquet.column.values.bitpacking.BytePackerForLong packer =
          org.apache.parquet.column.values.bitpacking.Packer.LITTLE_ENDIAN.newBytePackerForLong(width);
      for (int j = 0; j < values.length; j += 8) {
        packer.pack8Values(values, j, want, j / 8 * width);
      }
      byte[] got = new byte[4 * width + 8];
      assertEquals(4 * width, DeltaLongs.pack(values, 0, width, got, 0), "width " + width);
      assertArrayEquals(want, java.util.Arrays.copyOf(got, 4 * width), "width " + width);
    }
  }
}
