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

  private byte[] bytes;
  private int stride;

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
