package org.cevns.events.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Gathers the values of a BYTE_STREAM_SPLIT page (Parquet format spec, "Byte Stream Split": stream k holds byte
 * k of every value) back into PLAIN order, little-endian (value i is byte i of each stream in turn). For 8-byte
 * values, eight values at a time: one 8-byte load from each stream gives an 8 × 8 byte matrix (row k = byte k of
 * the eight values) that three rounds of block swaps transpose into the eight values (the recursive transpose of
 * H. S. Warren, Hacker's Delight, 2nd ed., section 7-3), stored with one 8-byte store each; the values left over
 * and 4-byte values go byte by byte. Stateless.
 */
final class ByteStreamUnsplit {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int BLOCK = Long.BYTES;
  private static final long LOW_HALVES = 0x0000_0000_FFFF_FFFFL;
  private static final long LOW_QUARTERS = 0x0000_FFFF_0000_FFFFL;
  private static final long LOW_EIGHTHS = 0x00FF_00FF_00FF_00FFL;

  private ByteStreamUnsplit() {}

  /**
   * Writes the {@code size / width} values of the split page {@code in[base, base + size)} in PLAIN order to
   * {@code out[0, size)}.
   *
   * @param width bytes per value, 4 or 8; {@code size} a multiple of it
   */
  static void unsplit(byte[] in, int base, int size, int width, byte[] out) {
    if (width != Integer.BYTES && width != Long.BYTES) {
      throw new IllegalArgumentException("width must be 4 or 8 bytes, got " + width);
    }
    if (size % width != 0 || size > out.length || base < 0 || base > in.length - size) {
      throw new IllegalArgumentException("page of " + size + " bytes at " + base + " of " + in.length
          + " (width " + width + ") does not fit an output of " + out.length + " bytes");
    }
    int n = size / width;
    int i = 0;
    if (width == Long.BYTES) {
      // the block transpose shared with unsplitDoubles, its eight values stored as they are
      for (; i <= n - BLOCK; i += BLOCK) {
        transpose8(in, base + i, n, null, out, i);
      }
    }
    for (int k = 0; k < width; k++) {
      for (int j = i, from = base + k * n, to = i * width + k; j < n; j++, to += width) {
        out[to] = in[from + j];
      }
    }
  }

  /**
   * Writes values {@code [first, first + m)} of the split page of {@code n} 8-byte values at {@code in[base]} (stream
   * k at {@code base + k * n}) as doubles to {@code out[to, to + m)}: the same bits as {@link #unsplit} then a
   * little-endian read, without the PLAIN copy in between (the page path reads a page in several batches, so any
   * sub-range).
   */
  static void unsplitDoubles(byte[] in, int base, int n, int first, int m, double[] out, int to) {
    if (n < 0 || base < 0 || base > in.length - (long) n * Long.BYTES || first < 0 || m < 0 || first > n - m
        || to < 0 || to > out.length - m) {
      throw new IllegalArgumentException("values [" + first + ", " + first + " + " + m + ") of a split page of " + n
          + " doubles at " + base + " of " + in.length + " bytes do not fit an output of " + out.length + " at " + to);
    }
    int j = first;
    int end = first + m;
    for (; j <= end - BLOCK; j += BLOCK, to += BLOCK) {
      transpose8(in, base + j, n, out, null, to);
    }
    for (; j < end; j++, to++) {
      long v = 0;
      for (int k = Long.BYTES - 1; k >= 0; k--) {
        v = v << 8 | (in[base + k * n + j] & 0xffL);
      }
      out[to] = Double.longBitsToDouble(v);
    }
  }

  /**
   * The kernel of both paths: eight values of 8-byte streams of {@code n} values (stream k from {@code at + k * n}) as
   * longs: one 8-byte load per stream is row k of an 8 × 8 byte matrix, three rounds of block swaps transpose it
   * into the eight values, stored from their registers as doubles to {@code doubles[to, to + 8)} or, when
   * {@code doubles} is null, as little-endian bytes to {@code bytes} from value {@code to} (the bytes path never goes
   * through a double). One method for both, with the store chosen per block rather than through a {@code long[8]}:
   * the kernel is too large to inline (523 bytes of bytecode), and a block array between it and the doubles' store
   * cost ~3 % of the warm {@code analyze} profile (docs/performance-history.md, "analyze2").
   */
  private static void transpose8(byte[] in, int at, int n, double[] doubles, byte[] bytes, int to) {
    long r0 = (long) LONGS.get(in, at);
    long r1 = (long) LONGS.get(in, at + n);
    long r2 = (long) LONGS.get(in, at + 2 * n);
    long r3 = (long) LONGS.get(in, at + 3 * n);
    long r4 = (long) LONGS.get(in, at + 4 * n);
    long r5 = (long) LONGS.get(in, at + 5 * n);
    long r6 = (long) LONGS.get(in, at + 6 * n);
    long r7 = (long) LONGS.get(in, at + 7 * n);
    // swap the off-diagonal 4 x 4 blocks: bytes 4-7 of rows 0-3 with bytes 0-3 of rows 4-7
    long t = ((r0 >>> 32) ^ r4) & LOW_HALVES;
    r0 ^= t << 32;
    r4 ^= t;
    t = ((r1 >>> 32) ^ r5) & LOW_HALVES;
    r1 ^= t << 32;
    r5 ^= t;
    t = ((r2 >>> 32) ^ r6) & LOW_HALVES;
    r2 ^= t << 32;
    r6 ^= t;
    t = ((r3 >>> 32) ^ r7) & LOW_HALVES;
    r3 ^= t << 32;
    r7 ^= t;
    // then the off-diagonal 2 x 2 blocks inside each 4 x 4 block
    t = ((r0 >>> 16) ^ r2) & LOW_QUARTERS;
    r0 ^= t << 16;
    r2 ^= t;
    t = ((r1 >>> 16) ^ r3) & LOW_QUARTERS;
    r1 ^= t << 16;
    r3 ^= t;
    t = ((r4 >>> 16) ^ r6) & LOW_QUARTERS;
    r4 ^= t << 16;
    r6 ^= t;
    t = ((r5 >>> 16) ^ r7) & LOW_QUARTERS;
    r5 ^= t << 16;
    r7 ^= t;
    // then single bytes inside each 2 x 2 block
    t = ((r0 >>> 8) ^ r1) & LOW_EIGHTHS;
    r0 ^= t << 8;
    r1 ^= t;
    t = ((r2 >>> 8) ^ r3) & LOW_EIGHTHS;
    r2 ^= t << 8;
    r3 ^= t;
    t = ((r4 >>> 8) ^ r5) & LOW_EIGHTHS;
    r4 ^= t << 8;
    r5 ^= t;
    t = ((r6 >>> 8) ^ r7) & LOW_EIGHTHS;
    r6 ^= t << 8;
    r7 ^= t;
    if (doubles != null) {
      doubles[to] = Double.longBitsToDouble(r0);
      doubles[to + 1] = Double.longBitsToDouble(r1);
      doubles[to + 2] = Double.longBitsToDouble(r2);
      doubles[to + 3] = Double.longBitsToDouble(r3);
      doubles[to + 4] = Double.longBitsToDouble(r4);
      doubles[to + 5] = Double.longBitsToDouble(r5);
      doubles[to + 6] = Double.longBitsToDouble(r6);
      doubles[to + 7] = Double.longBitsToDouble(r7);
    } else {
      int b = to * Long.BYTES;
      LONGS.set(bytes, b, r0);
      LONGS.set(bytes, b + Long.BYTES, r1);
      LONGS.set(bytes, b + 2 * Long.BYTES, r2);
      LONGS.set(bytes, b + 3 * Long.BYTES, r3);
      LONGS.set(bytes, b + 4 * Long.BYTES, r4);
      LONGS.set(bytes, b + 5 * Long.BYTES, r5);
      LONGS.set(bytes, b + 6 * Long.BYTES, r6);
      LONGS.set(bytes, b + 7 * Long.BYTES, r7);
    }
  }
}
