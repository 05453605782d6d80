package org.cevns.events.io;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the value of one row of a {@link BlockColumn} for {@link ColumnChunkEncoder}: through the getter of a
 * factory column ({@link BlockColumn#values()}), or, for a column that only implements
 * {@link BlockColumn#write}, from that call into a capturing {@link RecordConsumer}. Not thread-safe.
 *
 * @param <B> the block type
 */
final class ColumnValues<B> {
  private final BlockColumn<B> column;
  private final PrimitiveTypeName primitive;
  private final BlockColumn.Values<B> direct;
  private final Capture capture;
  /** True if the column's order is the plain one of its type (no logical type), so min and max need no comparator. */
  private final boolean naturalOrder;
  /** Values per pass when a getter without array is read into {@link #doubleChunk} or {@link #longChunk}. */
  private static final int CHUNK = 256;
  private double[] doubleChunk;
  private long[] longChunk;

  ColumnValues(BlockColumn<B> column, PrimitiveTypeName primitive) {
    this.column = column;
    this.primitive = primitive;
    BlockColumn.Values<B> v = column.values();
    this.direct = v != null && matches(v, primitive) ? v : null;
    this.capture = direct == null ? new Capture() : null;
    this.naturalOrder = column.parquetType().getLogicalTypeAnnotation() == null;
  }

  /**
   * Adds rows {@code [from, to)} of a REQUIRED column without dictionary as PLAIN in one loop, if it is a factory
   * double or long column in natural order; false (nothing added) otherwise.
   */
  boolean addPlainRange(B block, int from, int to, PageValues page) {
    if (direct == null || !naturalOrder) {
      return false;
    }
    if (primitive == PrimitiveTypeName.DOUBLE) {
      BlockColumn.DoubleGetter<B> getter = direct.doubles();
      double[] array = getter.array(block);
      if (array != null) {
        page.addDoubles(array, from, to);
        return true;
      }
      if (getter instanceof Getters.Scaled<B> scaled) {
        addScaled(scaled.source(block), scaled.scale(), from, to, page);
        return true;
      }
      double[] chunk = doubleChunk == null ? doubleChunk = new double[CHUNK] : doubleChunk;
      for (int at = from; at < to; at += CHUNK) {
        int n = Math.min(CHUNK, to - at);
        for (int k = 0; k < n; k++) {
          chunk[k] = getter.get(block, at + k);
        }
        page.addDoubles(chunk, 0, n);
      }
      return true;
    }
    if (primitive == PrimitiveTypeName.INT64) {
      long[] array = direct.longs().array(block);
      if (array != null) {
        page.addLongs(array, from, to);
        return true;
      }
      long[] chunk = longChunk == null ? longChunk = new long[CHUNK] : longChunk;
      for (int at = from; at < to; at += CHUNK) {
        int n = Math.min(CHUNK, to - at);
        for (int k = 0; k < n; k++) {
          chunk[k] = direct.longs().get(block, at + k);
        }
        page.addLongs(chunk, 0, n);
      }
      return true;
    }
    return false;
  }

  /** Adds {@code source[from, to) * scale}: one value if the source range repeats one value, else in chunks. */
  private void addScaled(double[] source, double scale, int from, int to, PageValues page) {
    if (to - from >= PageValues.MIN_CONSTANT_RUN && PageValues.sameBits(source, from, to)) {
      page.addConstantDoubles(source[from] * scale, to - from);
      return;
    }
    double[] chunk = doubleChunk == null ? doubleChunk = new double[CHUNK] : doubleChunk;
    for (int at = from; at < to; at += CHUNK) {
      int n = Math.min(CHUNK, to - at);
      for (int k = 0; k < n; k++) {
        chunk[k] = source[at + k] * scale;
      }
      page.addDoubles(chunk, 0, n);
    }
  }

  /** True for a factory INT32 column in natural (signed) order. */
  boolean hasInts() {
    return direct != null && naturalOrder && primitive == PrimitiveTypeName.INT32;
  }

  /**
   * Adds rows {@code [from, to)} of a REQUIRED INT32 column ({@link #hasInts()}) to {@code dictionary} and
   * {@code page}, up to and including the first row whose new entry takes the dictionary over
   * {@code maxDictionaryBytes}; the row after the last one added.
   */
  int addIntIds(B block, int from, int to, ChunkDictionary dictionary, PageValues page, long maxDictionaryBytes) {
    BlockColumn.IntGetter<B> ints = direct.ints();
    int[] array = ints.array(block);
    if (array != null) {
      return addIntIdRuns(array, from, to, dictionary, page, maxDictionaryBytes);
    }
    int row = from;
    while (row < to) {
      int v = ints.get(block, row++);
      page.statIntSigned(v, 1);
      page.addIds(dictionary.idOf(v), 1);
      if (dictionary.byteSize() > maxDictionaryBytes) {
        break;
      }
    }
    return row;
  }

  /**
   * {@link #addIntIds} from the column's array, a run of equal values at a time: the first row of a run as above,
   * the rest of it (a value already in the dictionary, so the dictionary does not change) added in bulk. The same
   * ids, statistics and sizes as one row at a time.
   */
  private static int addIntIdRuns(int[] array, int from, int to, ChunkDictionary dictionary, PageValues page,
      long maxDictionaryBytes) {
    int row = from;
    while (row < to) {
      int v = array[row];
      int end = row + 1;
      while (end < to && array[end] == v) {
        end++;
      }
      page.statIntSigned(v, 1);
      int id = dictionary.idOf(v);
      page.addIds(id, 1);
      row++;
      if (dictionary.byteSize() > maxDictionaryBytes) {
        break;
      }
      if (end > row) {
        page.statIntSigned(v, end - row);
        page.addIds(id, end - row);
        row = end;
      }
    }
    return row;
  }

  /** True for a factory string column (its rows are codes into {@link #strings()}). */
  boolean hasCodes() {
    return direct != null && primitive == PrimitiveTypeName.BINARY;
  }

  /**
   * Adds rows {@code [from, to)} of a REQUIRED string column ({@link #hasCodes()}) to {@code dictionary} and
   * {@code page}, up to and including the first row whose new entry takes the dictionary over
   * {@code maxDictionaryBytes}; the row after the last one added.
   */
  int addCodes(B block, int from, int to, ChunkDictionary dictionary, PageValues page, long maxDictionaryBytes) {
    BlockColumn.IntGetter<B> codes = direct.code();
    Binary[] strings = direct.strings();
    int[] ints = codes.array(block);
    byte[] bytes = ints == null ? codes.bytes(block) : null;
    if (ints != null || bytes != null) {
      return addCodeRuns(block, ints, bytes, from, to, dictionary, page, maxDictionaryBytes);
    }
    for (int row = from; row < to; row++) {
      int c = codes.get(block, row);
      if (c < 0 || c >= strings.length) {
        code(block, row); // throws
      }
      int id = dictionary.idOfCode(c);
      page.addIds(id, 1);
      page.seenString(id, strings[c].length(), 1);
      if (dictionary.byteSize() > maxDictionaryBytes) {
        return row + 1;
      }
    }
    return to;
  }

  /**
   * {@link #addCodes} from the column's int or byte array, a run of equal codes at a time (as
   * {@link #addIntIdRuns}): the same ids, statistics and sizes as one row at a time.
   */
  private int addCodeRuns(B block, int[] ints, byte[] bytes, int from, int to, ChunkDictionary dictionary,
      PageValues page, long maxDictionaryBytes) {
    Binary[] strings = direct.strings();
    int row = from;
    while (row < to) {
      int c = ints != null ? ints[row] : bytes[row];
      int end = row + 1;
      if (ints != null) {
        while (end < to && ints[end] == c) {
          end++;
        }
      } else {
        while (end < to && bytes[end] == c) {
          end++;
        }
      }
      if (c < 0 || c >= strings.length) {
        code(block, row); // throws
      }
      int id = dictionary.idOfCode(c);
      int length = strings[c].length();
      page.addIds(id, 1);
      page.seenString(id, length, 1);
      row++;
      if (dictionary.byteSize() > maxDictionaryBytes) {
        return row;
      }
      if (end > row) {
        page.addIds(id, end - row);
        page.seenString(id, length, end - row);
        row = end;
      }
    }
    return to;
  }

  private static boolean matches(BlockColumn.Values<?> v, PrimitiveTypeName primitive) {
    return switch (primitive) {
      case INT64 -> v.longs() != null;
      case INT32 -> v.ints() != null;
      case DOUBLE -> v.doubles() != null;
      case BOOLEAN -> v.booleans() != null;
      case BINARY -> v.code() != null;
      default -> false;
    };
  }

  /** The strings of a string column by code, else null. */
  Binary[] strings() {
    return direct == null ? null : direct.strings();
  }

  /** Adds the value of {@code row} to {@code page} as PLAIN. */
  void addPlain(B block, int row, PageValues page) {
    switch (primitive) {
      case INT64 -> {
        long v = direct != null ? direct.longs().get(block, row) : capture(block, row).longValue;
        page.statLong(v);
        page.writeLong(v);
      }
      case INT32 -> {
        int v = direct != null ? direct.ints().get(block, row) : capture(block, row).intValue;
        page.statInt(v);
        page.writeInt(v);
      }
      case DOUBLE -> {
        double v = direct != null ? direct.doubles().get(block, row) : capture(block, row).doubleValue;
        page.statDouble(v);
        page.writeLong(Double.doubleToLongBits(v));
      }
      case BOOLEAN -> {
        boolean v = direct != null ? direct.booleans().get(block, row) : capture(block, row).booleanValue;
        page.statBoolean(v);
        page.writeBoolean(v);
      }
      default -> {
        Binary v = direct != null ? direct.strings()[code(block, row)] : capture(block, row).binaryValue;
        page.statBinary(v);
        page.writeBinary(v);
      }
    }
  }

  /** Adds the value of {@code row} to {@code dictionary} (if new) and to {@code page}'s statistics; its id. */
  int addToDictionary(B block, int row, ChunkDictionary dictionary, PageValues page) {
    switch (primitive) {
      case INT64 -> {
        long v = direct != null ? direct.longs().get(block, row) : capture(block, row).longValue;
        page.statLong(v);
        return dictionary.idOf(v);
      }
      case INT32 -> {
        int v = direct != null ? direct.ints().get(block, row) : capture(block, row).intValue;
        page.statInt(v);
        return dictionary.idOf(v);
      }
      case DOUBLE -> {
        double v = direct != null ? direct.doubles().get(block, row) : capture(block, row).doubleValue;
        page.statDouble(v);
        return dictionary.idOf(Double.doubleToLongBits(v));
      }
      default -> {
        if (direct != null) {
          int c = code(block, row);
          int id = dictionary.idOfCode(c);
          page.seenString(id, direct.strings()[c].length(), 1);
          return id;
        }
        Binary v = capture(block, row).binaryValue;
        page.statBinary(v);
        return dictionary.idOf(v);
      }
    }
  }

  private int code(B block, int row) {
    int c = direct.code().get(block, row);
    if (c < 0 || c >= direct.strings().length) {
      throw new IllegalArgumentException("column " + column.name() + ": code " + c + " at row " + row
          + " is outside the " + direct.strings().length + " dictionary values");
    }
    return c;
  }

  private Capture capture(B block, int row) {
    capture.count = 0;
    column.write(block, row, capture);
    if (capture.count != 1) {
      throw new IllegalStateException("column " + column.name() + ": write() must add exactly one value, added "
          + capture.count + " at row " + row);
    }
    return capture;
  }
}
