package org.cevns.events.io;

import org.apache.parquet.bytes.BytesInput;

/**
 * The values of one BYTE_STREAM_SPLIT page of 8-byte numbers (doubles) being built by {@link PageValues}: byte
 * {@code k} (little-endian order) of value {@code i} is stored at {@code k * stride + i} of one array, so a value
 * is scattered straight into its 8 streams and the page is the 8 stream prefixes one after the other, without a
 * PLAIN copy first. The bytes are those of parquet-java's {@code ByteStreamSplitValuesWriter} (Parquet format
 * "BYTE_STREAM_SPLIT": K streams of N bytes, stream k holding byte k of every value in order). Not thread-safe.
 */
final class SplitStreams {
  /** Bytes per value, and hence streams: 8 for DOUBLE. */
  static final int STREAMS = 8;

  private static final long POSITIVE_INFINITY_KEY = orderKey(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
  private static final long NEGATIVE_INFINITY_KEY = orderKey(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY));

  private byte[] bytes;
  private int stride;
  private long minKey;
  private long maxKey;

  /** @param capacityValues initial number of values each stream holds (grown as needed) */
  SplitStreams(int capacityValues) {
    this.stride = Math.max(16, capacityValues);
    this.bytes = new byte[STREAMS * stride];
  }

  /** Makes room for {@code values} values in total (those held are kept). */
  void ensure(int values, int held) {
    if (values <= stride) {
      return;
    }
    int newStride = Math.max(values, 2 * stride);
    byte[] grown = new byte[STREAMS * newStride];
    for (int k = 0; k < STREAMS; k++) {
      System.arraycopy(bytes, k * stride, grown, k * newStride, held);
    }
    bytes = grown;
    stride = newStride;
  }

  /** Stores value {@code index} ({@link #ensure}d) given by its 8 bytes as a little-endian long. */
  void put(int index, long bits) {
    byte[] b = bytes;
    int s = stride;
    b[index] = (byte) bits;
    b[s + index] = (byte) (bits >>> 8);
    b[2 * s + index] = (byte) (bits >>> 16);
    b[3 * s + index] = (byte) (bits >>> 24);
    b[4 * s + index] = (byte) (bits >>> 32);
    b[5 * s + index] = (byte) (bits >>> 40);
    b[6 * s + index] = (byte) (bits >>> 48);
    b[7 * s + index] = (byte) (bits >>> 56);
  }

  /** Stores {@code count} copies of the value of bits {@code bits} as values {@code index ..} ({@link #ensure}d). */
  void fill(int index, int count, long bits) {
    for (int k = 0; k < STREAMS; k++) {
      int at = k * stride + index;
      java.util.Arrays.fill(bytes, at, at + count, (byte) (bits >>> (8 * k)));
    }
  }

  /**
   * Stores {@code values[from, to)} ({@code to - from} a multiple of 8) as values {@code index ..} ({@link #ensure}d),
   * eight at a time: the 8x8 byte matrix of 8 values transposed in registers (three rounds of block swaps), then
   * one 8-byte store per stream instead of 64 byte stores. It also keeps the least and greatest {@link #orderKey} of their raw bits
   * ({@link #minKey}, {@link #maxKey}): one pass over the values for the bytes and for min and max, without
   * branches. The raw bits are stored, so the bytes are those of {@link #put}{@code (doubleToLongBits)} only if no
   * value is a NaN ({@link #hasNaN} of the keys); the caller then stores the range again, value by value.
   */
  void put8s(int index, double[] values, int from, int to) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    byte[] b = bytes;
    int s = stride;
    for (int row = from; row < to; row += 8, index += 8) {
      long v0 = Double.doubleToRawLongBits(values[row]);
      long v1 = Double.doubleToRawLongBits(values[row + 1]);
      long v2 = Double.doubleToRawLongBits(values[row + 2]);
      long v3 = Double.doubleToRawLongBits(values[row + 3]);
      long v4 = Double.doubleToRawLongBits(values[row + 4]);
      long v5 = Double.doubleToRawLongBits(values[row + 5]);
      long v6 = Double.doubleToRawLongBits(values[row + 6]);
      long v7 = Double.doubleToRawLongBits(values[row + 7]);
      long k;
      k = orderKey(v0); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v1); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v2); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v3); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v4); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v5); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v6); lo = Math.min(lo, k); hi = Math.max(hi, k);
      k = orderKey(v7); lo = Math.min(lo, k); hi = Math.max(hi, k);
      long t;
      t = ((v0 >>> 32) ^ v4) & 0x00000000FFFFFFFFL; v4 ^= t; v0 ^= t << 32;
      t = ((v1 >>> 32) ^ v5) & 0x00000000FFFFFFFFL; v5 ^= t; v1 ^= t << 32;
      t = ((v2 >>> 32) ^ v6) & 0x00000000FFFFFFFFL; v6 ^= t; v2 ^= t << 32;
      t = ((v3 >>> 32) ^ v7) & 0x00000000FFFFFFFFL; v7 ^= t; v3 ^= t << 32;
      t = ((v0 >>> 16) ^ v2) & 0x0000FFFF0000FFFFL; v2 ^= t; v0 ^= t << 16;
      t = ((v1 >>> 16) ^ v3) & 0x0000FFFF0000FFFFL; v3 ^= t; v1 ^= t << 16;
      t = ((v4 >>> 16) ^ v6) & 0x0000FFFF0000FFFFL; v6 ^= t; v4 ^= t << 16;
      t = ((v5 >>> 16) ^ v7) & 0x0000FFFF0000FFFFL; v7 ^= t; v5 ^= t << 16;
      t = ((v0 >>> 8) ^ v1) & 0x00FF00FF00FF00FFL; v1 ^= t; v0 ^= t << 8;
      t = ((v2 >>> 8) ^ v3) & 0x00FF00FF00FF00FFL; v3 ^= t; v2 ^= t << 8;
      t = ((v4 >>> 8) ^ v5) & 0x00FF00FF00FF00FFL; v5 ^= t; v4 ^= t << 8;
      t = ((v6 >>> 8) ^ v7) & 0x00FF00FF00FF00FFL; v7 ^= t; v6 ^= t << 8;
      ColumnChunkEncoder.putLong(b, index, v0);
      ColumnChunkEncoder.putLong(b, s + index, v1);
      ColumnChunkEncoder.putLong(b, 2 * s + index, v2);
      ColumnChunkEncoder.putLong(b, 3 * s + index, v3);
      ColumnChunkEncoder.putLong(b, 4 * s + index, v4);
      ColumnChunkEncoder.putLong(b, 5 * s + index, v5);
      ColumnChunkEncoder.putLong(b, 6 * s + index, v6);
      ColumnChunkEncoder.putLong(b, 7 * s + index, v7);
    }
    minKey = lo;
    maxKey = hi;
  }

  /** The least {@link #orderKey} of the last {@link #put8s}. */
  long minKey() {
    return minKey;
  }

  /** The greatest {@link #orderKey} of the last {@link #put8s}. */
  long maxKey() {
    return maxKey;
  }

  /**
   * A signed 64-bit key of the raw bits of a double, in {@code Double.compare}'s order for every value but NaN
   * (-0.0 below 0.0; the sign bit kept, the other bits of a negative value inverted); its own inverse. A NaN's key
   * lies above that of +infinity (positive sign) or below that of -infinity (negative sign).
   */
  static long orderKey(long rawBits) {
    return rawBits ^ ((rawBits >> 63) >>> 1);
  }

  /** True if keys from {@code lo} to {@code hi} ({@link #orderKey}) include that of a NaN. */
  static boolean hasNaN(long lo, long hi) {
    return lo < NEGATIVE_INFINITY_KEY || hi > POSITIVE_INFINITY_KEY;
  }

  /**
   * The page values: the first {@code count} bytes of each stream, stream 0 first, moved together in place (one
   * array for the compressor); valid until the next {@link #put}, which must then start again at index 0.
   */
  BytesInput bytes(int count) {
    for (int k = 1; k < STREAMS && count < stride; k++) {
      System.arraycopy(bytes, k * stride, bytes, k * count, count);
    }
    return BytesInput.from(bytes, 0, STREAMS * count);
  }
}
