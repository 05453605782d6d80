package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.junit.jupiter.api.Test;

/** The fast PLAIN writer gives the bytes of parquet-java's own PLAIN writer, across growth and reset. */
class PlainValuesWritersTest {
  @Test
  void doublesAndLongsAreWrittenAsParquetJavaWritesThem() throws IOException {
    SplittableRandom rng = new SplittableRandom(5);
    double[] specials = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000123L), -0.0, 0.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
    PlainValuesWriters.Plain64 fast = new PlainValuesWriters.Plain64();
    PlainValuesWriter parquet = new PlainValuesWriter(64, 1 << 20, new HeapByteBufferAllocator());
    for (int page = 0; page < 3; page++) {
      int n = 10_000 * (page + 1); // grows past the initial 64 KiB array
      for (int i = 0; i < n; i++) {
        if (i % 3 == 0) {
          long v = rng.nextLong();
          fast.writeLong(v);
          parquet.writeLong(v);
        } else {
          double v = i % 97 == 0 ? specials[i % specials.length] : rng.nextDouble() * 1e3 - 5e2;
          fast.writeDouble(v);
          parquet.writeDouble(v);
        }
      }
      assertEquals(parquet.getBufferedSize(), fast.getBufferedSize());
      assertArrayEquals(parquet.getBytes().toByteArray(), fast.getBytes().toByteArray(), "page " + page);
      assertEquals(Encoding.PLAIN, fast.getEncoding());
      fast.reset();
      parquet.reset();
    }
    parquet.close();
  }
}
