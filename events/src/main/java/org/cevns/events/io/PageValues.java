package org.cevns.events.io;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The values of one data page being built by {@link ColumnChunkEncoder}: PLAIN bytes (or dictionary ids,
 * BYTE_STREAM_SPLIT streams of doubles, DELTA_BINARY_PACKED 64-bit integers), the size
 * parquet-java's dictionary writer counts ("raw" PLAIN bytes), and the page's min and max under the column's
 * comparator. Dictionary-encoded strings note only which ids the page holds; their min and max are taken from the
 * dictionary when the page is written. Not thread-safe.
 */
final class PageValues {
  final PrimitiveTypeName primitive;
  final PrimitiveType type;
  private final PrimitiveComparator<?> comparator;
  private byte[] plain;
  /** The values as BYTE_STREAM_SPLIT streams instead of {@link #plain}, or null; {@link #plainSize} counts them. */
  private final SplitStreams split;
  /** The values DELTA_BINARY_PACKED instead of {@link #plain} (INT64 without dictionary), or null. */
  private DeltaBinaryPackingValuesWriterForLong delta;
  private int plainSize;
  private int bits;
  int[] ids;
  int idCount;
  private boolean[] seen = new boolean[16];
  private boolean anySeen;
  private long rawBytes;
  private long stringBytes;
  boolean any;
  long minLong;
  long maxLong;
  double minDouble;
  double maxDouble;
  boolean seenFalse;
  boolean seenTrue;
  Binary minBinary;
  Binary maxBinary;

  /**
   * @param plainBytes initial capacity of the PLAIN values (a page's worth avoids copies as it fills)
   * @param idCount initial capacity of the dictionary ids
   * @param byteStreamSplit true to keep 8-byte values (doubles) as BYTE_STREAM_SPLIT ({@link #byteStreamSplit})
   * @param delta the DELTA_BINARY_PACKED writer of the column's pages (INT64 without dictionary), or null for PLAIN
   */
  PageValues(PrimitiveType type, int plainBytes, int idCount, boolean byteStreamSplit,
      DeltaBinaryPackingValuesWriterForLong delta) {
    this.type = type;
    this.primitive = type.getPrimitiveTypeName();
    this.comparator = type.comparator();
    this.split = byteStreamSplit ? new SplitStreams(plainBytes / SplitStreams.STREAMS) : null;
    this.delta = delta;
    this.plain = new byte[byteStreamSplit || delta != null ? 16 : Math.max(16, plainBytes)];
    this.ids = new int[Math.max(16, idCount)];
  }

  /** Adds {@code values[from, to)} of a REQUIRED double column as PLAIN (or split), min and max by Double.compare. */
  void addDoubles(double[] values, int from, int to) {
    if (from >= to) {
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
    double min = any ? minDouble : values[from];
    double max = any ? maxDouble : min;
    int row = from;
    if (streams != null) {
      for (; row + 8 <= to; row += 8, n += 8) {
        for (int j = 0; j < 8; j++) {
          double v = values[row + j];
          if (Double.compare(v, min) < 0) {
            min = v;
          }
          if (Double.compare(v, max) > 0) {
            max = v;
          }
        }
        streams.put8(n, values, row);
      }
    }
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
    minDouble = min;
    maxDouble = max;
    any = true;
  }

  /** As {@link #addDoubles} for a REQUIRED INT64 column (signed order). */
  void addLongs(long[] values, int from, int to) {
    if (from >= to) {
      return;
    }
    DeltaBinaryPackingValuesWriterForLong d = delta;
    if (d == null) {
      ensure(8 * (to - from));
    }
    byte[] out = plain;
    int at = plainSize;
    long min = any ? minLong : values[from];
    long max = any ? maxLong : min;
    for (int row = from; row < to; row++) {
      long v = values[row];
      if (d != null) {
        d.writeLong(v);
      } else {
        ColumnChunkEncoder.putLong(out, at, v);
        at += 8;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    plainSize = at;
    rawBytes += 8L * (to - from);
    minLong = min;
    maxLong = max;
    any = true;
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

  @SuppressWarnings("unchecked")
  void statLong(long v) {
    rawBytes += 8;
    if (!any || ((PrimitiveComparator<Long>) comparator).compare(v, minLong) < 0) {
      minLong = v;
    }
    if (!any || ((PrimitiveComparator<Long>) comparator).compare(v, maxLong) > 0) {
      maxLong = v;
    }
    any = true;
  }

  @SuppressWarnings("unchecked")
  void statInt(int v) {
    rawBytes += 4;
    if (!any || ((PrimitiveComparator<Integer>) comparator).compare(v, (int) minLong) < 0) {
      minLong = v;
    }
    if (!any || ((PrimitiveComparator<Integer>) comparator).compare(v, (int) maxLong) > 0) {
      maxLong = v;
    }
    any = true;
  }

  /** As {@link #statInt} for a column in signed order (no comparator call). */
  void statIntSigned(int v, int count) {
    rawBytes += 4L * count;
    if (!any) {
      minLong = v;
      maxLong = v;
      any = true;
    } else if (v < minLong) {
      minLong = v;
    } else if (v > maxLong) {
      maxLong = v;
    }
  }

  @SuppressWarnings("unchecked")
  void statDouble(double v) {
    rawBytes += 8;
    if (!any || ((PrimitiveComparator<Double>) comparator).compare(v, minDouble) < 0) {
      minDouble = v;
    }
    if (!any || ((PrimitiveComparator<Double>) comparator).compare(v, maxDouble) > 0) {
      maxDouble = v;
    }
    any = true;
  }

  void statBoolean(boolean v) {
    if (v) {
      seenTrue = true;
    } else {
      seenFalse = true;
    }
    any = true;
  }

  void statBinary(Binary v) {
    rawBytes += 4L + v.length();
    stringBytes += v.length();
    minMax(v);
  }

  @SuppressWarnings("unchecked")
  private void minMax(Binary v) {
    PrimitiveComparator<Binary> c = (PrimitiveComparator<Binary>) comparator;
    if (minBinary == null || c.compare(v, minBinary) < 0) {
      minBinary = v.copy();
    }
    if (maxBinary == null || c.compare(v, maxBinary) > 0) {
      maxBinary = v.copy();
    }
  }

  /** {@code count} dictionary strings of {@code length} bytes with id {@code id} are on this page (statistics, sizes). */
  void seenString(int id, int length, int count) {
    rawBytes += (4L + length) * count;
    stringBytes += (long) length * count;
    if (id >= seen.length) {
      seen = Arrays.copyOf(seen, Math.max(id + 1, 2 * seen.length));
    }
    seen[id] = true;
    anySeen = true;
  }

  /** Adds {@code count} times the dictionary id {@code id}. */
  void addIds(int id, int count) {
    if (idCount + count > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(idCount + count, 2 * ids.length));
    }
    Arrays.fill(ids, idCount, idCount + count, id);
    idCount += count;
  }

  /** The dictionary ids so far written again as PLAIN values (the column abandons its dictionary). */
  void idsToPlain(ChunkDictionary dictionary) {
    PageStatistics.idsToPlain(this, dictionary);
  }

  /** PLAIN (or split) bytes buffered (booleans: complete bytes), as parquet-java's values writers count them. */
  long plainBytes() {
    if (delta != null) {
      return delta.getBufferedSize();
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

  /** Replaces the delta writer by {@code fresh}, for a new row group (see {@link ColumnChunkEncoder}). */
  void renewDelta(DeltaBinaryPackingValuesWriterForLong fresh) {
    if (delta != null) {
      delta.close();
      delta = fresh;
    }
  }

  /** True if the values are DELTA_BINARY_PACKED ({@link #deltaBinaryPacked}), not PLAIN. */
  boolean isDelta() {
    return delta != null;
  }

  /** The values DELTA_BINARY_PACKED (a page made with a delta writer), valid until {@link #reset}. */
  BytesInput deltaBinaryPacked() {
    return delta.getBytes();
  }

  /** The values as BYTE_STREAM_SPLIT (a page made with {@code byteStreamSplit}), valid until {@link #reset}. */
  BytesInput byteStreamSplit() {
    return split.bytes(plainSize >>> 3);
  }

  /** The ids: the bit width byte, then the ids RLE/bit-packed by {@code encoder} (closed by the caller). */
  BytesInput ids(int bitWidth, RunLengthBitPackingHybridEncoder encoder) {
    return PageStatistics.ids(this, bitWidth, encoder);
  }

  /** The page statistics (parquet-java's, or its no-op statistics if disabled; {@link PageStatistics}). */
  Statistics<?> statistics(boolean enabled, int nulls, ChunkDictionary dictionary) {
    return PageStatistics.of(this, enabled, nulls, dictionary);
  }

  /** Takes the strings of the ids seen into the min and max (before the dictionary may be cleared). */
  void foldSeen(ChunkDictionary dictionary) {
    if (anySeen) {
      for (int id = 0; id < seen.length; id++) {
        if (seen[id]) {
          minMax(dictionary.binary(id));
          seen[id] = false;
        }
      }
      anySeen = false;
    }
  }

  /** Empties the page. */
  void reset() {
    if (delta != null) {
      delta.reset();
    }
    plainSize = 0;
    bits = 0;
    idCount = 0;
    if (anySeen) {
      Arrays.fill(seen, false);
      anySeen = false;
    }
    rawBytes = 0;
    stringBytes = 0;
    any = false;
    seenFalse = false;
    seenTrue = false;
    minBinary = null;
    maxBinary = null;
  }
}
