package org.cevns.events.io;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The values of one data page being built by {@link ColumnChunkEncoder}: PLAIN bytes (or dictionary ids,
 * BYTE_STREAM_SPLIT streams of doubles, DELTA_BINARY_PACKED 64-bit integers), the size
 * parquet-java's dictionary writer counts ("raw" PLAIN bytes), and the page's min and max under the column's
 * comparator ({@link PageMinMax}); dictionary ids as runs ({@link PageIds}). Not thread-safe.
 */
final class PageValues {
  /** Values from which {@link #addDoubles} looks for a range of one repeated value. */
  static final int MIN_CONSTANT_RUN = 16;

  private final PrimitiveTypeName primitive;
  private final PageMinMax minMax;
  private byte[] plain;
  /** The values as BYTE_STREAM_SPLIT streams instead of {@link #plain}, or null; {@link #plainSize} counts them. */
  private final SplitStreams split;
  /** The values DELTA_BINARY_PACKED instead of {@link #plain} (INT64 without dictionary), or null. */
  private final DeltaLongs delta;
  private int plainSize;
  private int bits;
  private final PageIds ids = new PageIds();
  private long rawBytes;
  private long stringBytes;

  /**
   * @param plainBytes initial capacity of the PLAIN values (a page's worth avoids copies as it fills)
   * @param byteStreamSplit true to keep 8-byte values (doubles) as BYTE_STREAM_SPLIT ({@link #byteStreamSplit})
   * @param delta the DELTA_BINARY_PACKED writer of the column's pages (INT64 without dictionary), or null for PLAIN
   */
  PageValues(PrimitiveType type, int plainBytes, boolean byteStreamSplit,
      DeltaLongs delta) {
    this.primitive = type.getPrimitiveTypeName();
    this.minMax = new PageMinMax(type);
    this.split = byteStreamSplit ? new SplitStreams(plainBytes / SplitStreams.STREAMS) : null;
    this.delta = delta;
    this.plain = new byte[byteStreamSplit || delta != null ? 16 : Math.max(16, plainBytes)];
  }

  /**
   * Adds {@code values[from, to)} of a REQUIRED double column as PLAIN (or split), min and max by Double.compare; a
   * range of one repeated value (same bits) without per-value work ({@link #addConstantDoubles}).
   */
  void addDoubles(double[] values, int from, int to) {
    if (from >= to) {
      return;
    }
    if (to - from >= MIN_CONSTANT_RUN && sameBits(values, from, to)) {
      addConstantDoubles(values[from], to - from);
      return;
    }
    int n = plainSize >>> 3;
    if (split != null) {
      split.ensure(n + to - from, n);
    } else {
      ensure(8 * (to - from));
    }
    byte[] out = plain;
    SplitStreams streams = split;
    double min = values[from];
    double max = min;
    int row = from;
    int whole = (to - from) & ~7;
    if (streams != null && whole > 0) {
      streams.put8s(n, values, from, from + whole);
      long lo = streams.minKey();
      long hi = streams.maxKey();
      if (!SplitStreams.hasNaN(lo, hi)) {
        // without NaN, raw bits are doubleToLongBits' and keys of equal values are equal bits: the same min, max
        min = Double.longBitsToDouble(SplitStreams.orderKey(lo));
        max = Double.longBitsToDouble(SplitStreams.orderKey(hi));
        row += whole;
        n += whole;
      }
    }
    // the values left (a range with a NaN: canonical bits and Double.compare's order; the last < 8): one by one
    for (; row < to; row++) {
      double v = values[row];
      if (streams != null) {
        streams.put(n, Double.doubleToLongBits(v));
      } else {
        ColumnChunkEncoder.putLong(out, n << 3, Double.doubleToLongBits(v));
      }
      n++;
      if (Double.compare(v, min) < 0) {
        min = v;
      }
      if (Double.compare(v, max) > 0) {
        max = v;
      }
    }
    plainSize = n << 3;
    rawBytes += 8L * (to - from);
    minMax.doubles(min, max);
  }

  /**
   * Adds {@code count} times the double {@code v}: the bytes, sizes, min and max of {@link #addDoubles} of as many
   * copies, each stream (or the PLAIN bytes) filled at once.
   */
  void addConstantDoubles(double v, int count) {
    if (count <= 0) {
      return;
    }
    int n = plainSize >>> 3;
    long bits = Double.doubleToLongBits(v);
    if (split != null) {
      split.ensure(n + count, n);
      split.fill(n, count, bits);
    } else {
      ensure(8 * count);
      for (int i = 0; i < count; i++) {
        ColumnChunkEncoder.putLong(plain, (n + i) << 3, bits);
      }
    }
    plainSize = (n + count) << 3;
    rawBytes += 8L * count;
    minMax.doubles(v, v);
  }

  /**
   * True if {@code values[from, to)} all have the bits of {@code values[from]} (so they are one value for the
   * PLAIN and split bytes and for min and max); stops at the first other value, so a random range costs one
   * comparison.
   */
  static boolean sameBits(double[] values, int from, int to) {
    long first = Double.doubleToRawLongBits(values[from]);
    for (int i = from + 1; i < to; i++) {
      if (Double.doubleToRawLongBits(values[i]) != first) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #addDoubles} for a REQUIRED INT64 column (signed order). */
  void addLongs(long[] values, int from, int to) {
    if (from >= to) {
      return;
    }
    long min = values[from];
    long max = min;
    for (int row = from + 1; row < to; row++) {
      long v = values[row];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (delta != null) {
      delta.writeLongs(values, from, to);
    } else {
      ensure(8 * (to - from));
      byte[] out = plain;
      int at = plainSize;
      for (int row = from; row < to; row++, at += 8) {
        ColumnChunkEncoder.putLong(out, at, values[row]);
      }
      plainSize = at;
    }
    rawBytes += 8L * (to - from);
    minMax.signedLongs(min, max);
  }

  private void ensure(int more) {
    if (plainSize + more > plain.length) {
      plain = Arrays.copyOf(plain, Math.max(plainSize + more, 2 * plain.length));
    }
  }

  void writeLong(long v) {
    if (delta != null) {
      delta.writeLong(v);
      return;
    }
    if (split != null) {
      split.ensure((plainSize >>> 3) + 1, plainSize >>> 3);
      split.put(plainSize >>> 3, v);
      plainSize += 8;
      return;
    }
    ensure(8);
    ColumnChunkEncoder.putLong(plain, plainSize, v);
    plainSize += 8;
  }

  void writeInt(int v) {
    ensure(4);
    ColumnChunkEncoder.putInt(plain, plainSize, v);
    plainSize += 4;
  }

  /** Booleans bit-packed, least significant bit first (parquet-java's PLAIN booleans). */
  void writeBoolean(boolean v) {
    int at = bits >>> 3;
    if (at == plain.length) {
      plain = Arrays.copyOf(plain, 2 * plain.length);
    }
    if ((bits & 7) == 0) {
      plain[at] = 0;
    }
    if (v) {
      plain[at] |= (byte) (1 << (bits & 7));
    }
    bits++;
  }

  void writeBinary(Binary v) {
    int n = v.length();
    ensure(4 + n);
    ColumnChunkEncoder.putInt(plain, plainSize, n);
    System.arraycopy(v.getBytesUnsafe(), 0, plain, plainSize + 4, n);
    plainSize += 4 + n;
  }

  void statLong(long v) {
    rawBytes += 8;
    minMax.longValue(v);
  }

  void statInt(int v) {
    rawBytes += 4;
    minMax.intValue(v);
  }

  /** As {@link #statInt} for {@code count} copies of {@code v} in a column in signed order (no comparator call). */
  void statIntSigned(int v, int count) {
    rawBytes += 4L * count;
    minMax.signedLongs(v, v);
  }

  void statDouble(double v) {
    rawBytes += 8;
    minMax.doubleValue(v);
  }

  void statBoolean(boolean v) {
    minMax.booleanValue(v);
  }

  void statBinary(Binary v) {
    rawBytes += 4L + v.length();
    stringBytes += v.length();
    minMax.binaryValue(v);
  }

  /** {@code count} dictionary strings of {@code length} bytes with id {@code id} are on this page (statistics, sizes). */
  void seenString(int id, int length, int count) {
    rawBytes += (4L + length) * count;
    stringBytes += (long) length * count;
    ids.seen(id);
  }

  /** Adds {@code count} times the dictionary id {@code id}. */
  void addIds(int id, int count) {
    ids.add(id, count);
  }

  /** The dictionary ids so far written again as PLAIN values (the column abandons its dictionary). */
  void idsToPlain(ChunkDictionary dictionary) {
    ids.foldSeen(dictionary, minMax);
    for (int r = 0; r < ids.runs(); r++) {
      int id = ids.id(r);
      for (int k = ids.count(r); k > 0; k--) {
        switch (primitive) {
          case INT32 -> writeInt((int) dictionary.key(id));
          case BINARY -> writeBinary(dictionary.binary(id));
          default -> writeLong(dictionary.key(id));
        }
      }
    }
    ids.clearRuns();
  }

  /** PLAIN (or split) bytes buffered (booleans: complete bytes), as parquet-java's values writers count them. */
  long plainBytes() {
    if (delta != null) {
      return delta.bufferedSize();
    }
    return primitive == PrimitiveTypeName.BOOLEAN ? bits >>> 3 : plainSize;
  }

  /** PLAIN bytes of all values of the page, whatever their encoding (parquet-java's fallback writer's size). */
  long rawBytes() {
    return rawBytes;
  }

  /** Bytes of the string values (size statistics). */
  long stringBytes() {
    return stringBytes;
  }

  /** The PLAIN values, valid until {@link #reset}. */
  BytesInput plain() {
    return BytesInput.from(plain, 0, primitive == PrimitiveTypeName.BOOLEAN ? (bits + 7) >>> 3 : plainSize);
  }

  /** Starts the delta writer (if any) again as a new one, for a new row group (see {@link ColumnChunkEncoder}). */
  void renewDelta() {
    if (delta != null) {
      delta.renew();
    }
  }

  /** True if the values are DELTA_BINARY_PACKED ({@link #deltaBinaryPacked}), not PLAIN. */
  boolean isDelta() {
    return delta != null;
  }

  /** The values DELTA_BINARY_PACKED (a page made with a delta writer), valid until {@link #reset}. */
  BytesInput deltaBinaryPacked() {
    return delta.bytes();
  }

  /** The values as BYTE_STREAM_SPLIT (a page made with {@code byteStreamSplit}), valid until {@link #reset}. */
  BytesInput byteStreamSplit() {
    return split.bytes(plainSize >>> 3);
  }

  /** The ids: the bit width byte, then the ids RLE/bit-packed a run at a time; valid until the next call. */
  BytesInput ids(int bitWidth) {
    return ids.encode(bitWidth);
  }

  /** The page statistics (parquet-java's, or its no-op statistics if disabled). */
  Statistics<?> statistics(boolean enabled, int nulls, ChunkDictionary dictionary, PrimitiveType type) {
    if (!enabled) {
      return Statistics.noopStats(type);
    }
    ids.foldSeen(dictionary, minMax);
    return minMax.statistics(nulls);
  }

  /** Empties the page. */
  void reset() {
    if (delta != null) {
      delta.reset();
    }
    plainSize = 0;
    bits = 0;
    ids.reset();
    rawBytes = 0;
    stringBytes = 0;
    minMax.reset();
  }
}
