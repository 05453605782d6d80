package org.cevns.events.io;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/**
 * DELTA_BINARY_PACKED 64-bit integers of the data pages of one column chunk (Parquet format, "Delta encoding"):
 * the bytes of parquet-java's {@code DeltaBinaryPackingValuesWriterForLong} with its defaults (blocks of 128 deltas,
 * 4 miniblocks of 32), with a bulk {@link #writeLongs} that takes a range of a block array at a time. parquet-java's
 * state that reaches the bytes is kept as it keeps it:
 *
 * <ul>
 *   <li>the first value and the previous one survive {@link #reset}: a page without values writes the first value
 *       of the page before it in its header;
 *   <li>the delta buffer is not cleared between blocks: the last miniblock of a partial block is packed 32 values
 *       wide, its tail from earlier blocks' deltas (less their min delta), masked to the miniblock's width;
 *   <li>the four bit widths are always written: those of miniblocks a partial block does not reach are an earlier
 *       block's.
 * </ul>
 *
 * A new writer (or {@link #renew}) has all of these zero, as parquet-java's record writer has at the start of a
 * row group. Not thread-safe.
 */
final class DeltaLongs {
  /** Deltas per block (parquet-java's {@code DEFAULT_NUM_BLOCK_VALUES}). */
  static final int BLOCK_VALUES = 128;
  /** Miniblocks per block (parquet-java's {@code DEFAULT_NUM_MINIBLOCKS}). */
  static final int MINIBLOCKS = 4;
  static final int MINIBLOCK_VALUES = BLOCK_VALUES / MINIBLOCKS;
  /** Most bytes one block takes: a zig-zag varint min delta, the widths, four miniblocks 64 bits wide. */
  private static final int MAX_BLOCK_BYTES = 10 + MINIBLOCKS + BLOCK_VALUES * Long.BYTES;
  private static final int VARINT_PAYLOAD_BITS = 7;
  private static final int VARINT_MORE = 0x80;

  private final long[] deltas = new long[BLOCK_VALUES];
  private final int[] bitWidths = new int[MINIBLOCKS];
  /** The blocks flushed so far (parquet-java's buffered bytes). */
  private byte[] out;
  private int size;
  private int totalValues;
  private int pending;
  private long firstValue;
  private long previousValue;
  private long minDelta = Long.MAX_VALUE;

  /** @param initialBytes initial capacity of the flushed blocks (grown as needed) */
  DeltaLongs(int initialBytes) {
    this.out = new byte[Math.max(2 * MAX_BLOCK_BYTES, initialBytes)];
  }

  /** Adds one value. */
  void writeLong(long v) {
    totalValues++;
    if (totalValues == 1) {
      firstValue = v;
      previousValue = v;
      return;
    }
    long delta = v - previousValue;
    previousValue = v;
    deltas[pending++] = delta;
    if (delta < minDelta) {
      minDelta = delta;
    }
    if (pending == BLOCK_VALUES) {
      flushBlock();
    }
  }

  /** Adds {@code values[from, to)}, as many {@link #writeLong} calls would. */
  void writeLongs(long[] values, int from, int to) {
    int row = from;
    if (row < to && totalValues == 0) {
      writeLong(values[row++]);
    }
    long[] d = deltas;
    while (row < to) {
      int p = pending;
      int n = Math.min(BLOCK_VALUES - p, to - row);
      long min = minDelta;
      long previous = previousValue;
      for (int i = 0; i < n; i++) {
        long v = values[row + i];
        long delta = v - previous;
        previous = v;
        d[p + i] = delta;
        min = Math.min(min, delta);
      }
      previousValue = previous;
      minDelta = min;
      pending = p + n;
      totalValues += n;
      row += n;
      if (pending == BLOCK_VALUES) {
        flushBlock();
      }
    }
  }

  private void flushBlock() {
    if (size + MAX_BLOCK_BYTES > out.length) {
      out = Arrays.copyOf(out, Math.max(size + MAX_BLOCK_BYTES, 2 * out.length));
    }
    long[] d = deltas;
    long min = minDelta;
    int n = pending;
    for (int i = 0; i < n; i++) {
      d[i] -= min;
    }
    int at = putUnsignedVarLong(out, size, (min << 1) ^ (min >> 63));
    int miniblocks = (n + MINIBLOCK_VALUES - 1) / MINIBLOCK_VALUES;
    for (int m = 0; m < miniblocks; m++) {
      long mask = 0;
      int end = Math.min((m + 1) * MINIBLOCK_VALUES, n);
      for (int i = m * MINIBLOCK_VALUES; i < end; i++) {
        mask |= d[i];
      }
      bitWidths[m] = Long.SIZE - Long.numberOfLeadingZeros(mask);
    }
    for (int m = 0; m < MINIBLOCKS; m++) {
      out[at++] = (byte) bitWidths[m];
    }
    for (int m = 0; m < miniblocks; m++) {
      at = pack(d, m * MINIBLOCK_VALUES, bitWidths[m], out, at);
    }
    size = at;
    minDelta = Long.MAX_VALUE;
    pending = 0;
  }

  /**
   * Packs the 32 values {@code d[from ..]}, each masked to {@code width} bits, least significant bit first
   * (parquet-java's little-endian bit packing, 8 values in {@code width} bytes); returns the end in {@code b}.
   */
  static int pack(long[] d, int from, int width, byte[] b, int at) {
    if (width == 0) {
      return at;
    }
    long mask = width == Long.SIZE ? -1L : (1L << width) - 1;
    long word = 0;
    int bits = 0;
    for (int j = from; j < from + MINIBLOCK_VALUES; j++) {
      long v = d[j] & mask;
      word |= v << bits;
      bits += width;
      if (bits >= Long.SIZE) {
        ColumnChunkEncoder.putLong(b, at, word);
        at += Long.BYTES;
        bits -= Long.SIZE;
        word = bits == 0 ? 0 : v >>> (width - bits);
      }
    }
    if (bits > 0) {
      // 32 values of any width end on a 32-bit boundary
      ColumnChunkEncoder.putInt(b, at, (int) word);
      at += Integer.BYTES;
    }
    return at;
  }

  private static int putUnsignedVarLong(byte[] b, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      b[at++] = (byte) ((v & 0x7F) | VARINT_MORE);
      v >>>= VARINT_PAYLOAD_BITS;
    }
    b[at++] = (byte) v;
    return at;
  }

  /** Bytes of the blocks flushed so far (parquet-java's {@code getBufferedSize}). */
  long bufferedSize() {
    return size;
  }

  /**
   * The page: the header (block size, miniblocks, value count, first value), then the blocks, the last one
   * flushed here; valid until {@link #reset}, and no value may be added before it.
   */
  BytesInput bytes() {
    if (pending != 0) {
      flushBlock();
    }
    byte[] header = new byte[2 + 5 + 10 + 2];
    int at = putUnsignedVarLong(header, 0, BLOCK_VALUES);
    at = putUnsignedVarLong(header, at, MINIBLOCKS);
    at = putUnsignedVarLong(header, at, totalValues & 0xFFFFFFFFL);
    at = putUnsignedVarLong(header, at, (firstValue << 1) ^ (firstValue >> 63));
    return BytesInput.concat(BytesInput.from(header, 0, at), BytesInput.from(out, 0, size));
  }

  /** Starts a new page; the first and previous value, the delta buffer and the bit widths are kept. */
  void reset() {
    totalValues = 0;
    size = 0;
    pending = 0;
    minDelta = Long.MAX_VALUE;
  }

  /** As a new writer: a new row group's column chunk. */
  void renew() {
    reset();
    Arrays.fill(deltas, 0);
    Arrays.fill(bitWidths, 0);
    firstValue = 0;
    previousValue = 0;
  }
}
