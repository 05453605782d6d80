package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;

class LargeWritesOutputFileTest {
  /** A stream into memory that records the length of every write it receives. */
  private static final class Recording extends PositionOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> writes = new ArrayList<>();
    int closes;

    @Override
    public long getPos() {
      return bytes.size();
    }

    @Override
    public void write(int b) {
      bytes.write(b);
      writes.add(1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      writes.add(len);
    }

    @Override
    public void close() {
      closes++;
    }
  }

  /**
   * Random mixes of single bytes, small writes, writes that straddle the buffer's end and writes larger than the
   * buffer (64 bytes here): the same bytes arrive in the same order, the position is the number of bytes written
   * after every call, and the underlying stream gets at most about two writes per buffer's worth of bytes.
   */
  @Test
  void sameBytesAndPositionsInLargeWrites() throws IOException {
    UniformRandomProvider rnd = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    for (int trial = 0; trial < 200; trial++) {
      Recording under = new Recording();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      LargeWritesOutputFile.Buffered out = new LargeWritesOutputFile.Buffered(under, 64);
      int calls = 1 + rnd.nextInt(40);
      for (int c = 0; c < calls; c++) {
        if (rnd.nextInt(4) == 0) {
          int b = rnd.nextInt(256);
          out.write(b);
          expected.write(b);
        } else {
          byte[] chunk = new byte[rnd.nextInt(150)];
          rnd.nextBytes(chunk);
          int off = chunk.length == 0 ? 0 : rnd.nextInt(chunk.length);
          int len = chunk.length - off;
          out.write(chunk, off, len);
          expected.write(chunk, off, len);
        }
        assertEquals(expected.size(), out.getPos(), "position after call " + c);
      }
      out.close();
      out.close();
      assertArrayEquals(expected.toByteArray(), under.bytes.toByteArray());
      assertEquals(1, under.closes, "closed once");
      // each write passed on, but the last, and the bytes that caused it hold more than the buffer's 64 bytes
      assertTrue(under.writes.size() <= 2 * expected.size() / 64 + 2,
          under.writes.size() + " writes for " + expected.size() + " bytes");
    }
  }

  /** flush() passes the buffered bytes on. */
  @Test
  void flushDrains() throws IOException {
    Recording under = new Recording();
    LargeWritesOutputFile.Buffered out = new LargeWritesOutputFile.Buffered(under, 64);
    out.write(new byte[] {1, 2, 3}, 0, 3);
    assertEquals(0, under.bytes.size());
    out.flush();
    assertArrayEquals(new byte[] {1, 2, 3}, under.bytes.toByteArray());
    assertEquals(3, out.getPos());
  }
}
