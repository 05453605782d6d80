package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** {@link ColumnTarget}s of INT64, INT32 and BOOLEAN columns. */
final class IntegerTargets {
  private IntegerTargets() {}

  static final class Longs extends ColumnTarget {
    private long[] dst;
    private long[] dictionary = new long[0];

    Longs(String column, long[] values, boolean[] nulls) {
      super(column, nulls);
      this.dst = Objects.requireNonNull(values, "values");
    }

    @Override
    PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.INT64;
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (long[]) values;
      nulls = nullFlags;
    }

    @Override
    void storeNull(int row) {
      dst[row] = 0L;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    public void addLong(long value) {
      notNull();
      dst[pos++] = value;
    }

    @Override
    public void setDictionary(Dictionary d) {
      long[] v = new long[d.getMaxId() + 1];
      for (int id = 0; id < v.length; id++) {
        v[id] = d.decodeToLong(id);
      }
      dictionary = v;
    }

    @Override
    public void addValueFromDictionary(int id) {
      addLong(dictionary[id]);
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      long[] d = dst;
      long[] v = dictionary;
      int p = pos;
      for (int i = 0; i < m; i++) {
        d[p + i] = v[ids[i]];
      }
      pos = p + m;
    }

    @Override
    boolean takesPlain() {
      return true;
    }

    @Override
    void putPlain(ByteBuffer values, int m) {
      values.asLongBuffer().get(dst, pos, m);
      values.position(values.position() + m * Long.BYTES);
      pos += m;
    }

  }

  static final class Ints extends ColumnTarget {
    private int[] dst;
    private int[] dictionary = new int[0];

    Ints(String column, int[] values, boolean[] nulls) {
      super(column, nulls);
      this.dst = Objects.requireNonNull(values, "values");
    }

    @Override
    PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.INT32;
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (int[]) values;
      nulls = nullFlags;
    }

    @Override
    void storeNull(int row) {
      dst[row] = 0;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    public void addInt(int value) {
      notNull();
      dst[pos++] = value;
    }

    @Override
    public void setDictionary(Dictionary d) {
      int[] v = new int[d.getMaxId() + 1];
      for (int id = 0; id < v.length; id++) {
        v[id] = d.decodeToInt(id);
      }
      dictionary = v;
    }

    @Override
    public void addValueFromDictionary(int id) {
      addInt(dictionary[id]);
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      int[] d = dst;
      int[] v = dictionary;
      int p = pos;
      for (int i = 0; i < m; i++) {
        d[p + i] = v[ids[i]];
      }
      pos = p + m;
    }

    @Override
    boolean takesPlain() {
      return true;
    }

    @Override
    void putPlain(ByteBuffer values, int m) {
      values.asIntBuffer().get(dst, pos, m);
      values.position(values.position() + m * Integer.BYTES);
      pos += m;
    }

  }

  static final class Booleans extends ColumnTarget {
    private boolean[] dst;

    Booleans(String column, boolean[] values, boolean[] nulls) {
      super(column, nulls);
      this.dst = Objects.requireNonNull(values, "values");
    }

    @Override
    PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.BOOLEAN;
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (boolean[]) values;
      nulls = nullFlags;
    }

    @Override
    void storeNull(int row) {
      dst[row] = false;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    public void addBoolean(boolean value) {
      notNull();
      dst[pos++] = value;
    }

    /**
     * Stores {@code m} PLAIN booleans (bit-packed, least significant bit first) from bit {@code firstBit} of
     * {@code bits} at the position, a byte (eight rows) at a time: the per-row {@link #addBoolean} with a buffer
     * read per bit was ~4 % of a warm {@code analyze} profile (the {@code detected} column, 2026-12-07). Null flags
     * are the caller's ({@link #clearNulls}, {@link #spread}).
     */
    void putPlainBits(ByteBuffer bits, long firstBit, int m) {
      boolean[] d = dst;
      int p = pos;
      long bit = firstBit;
      int i = 0;
      for (; i < m && (bit & 7) != 0; i++, bit++) {
        d[p + i] = (bits.get((int) (bit >>> 3)) >>> (int) (bit & 7) & 1) != 0;
      }
      for (int at = (int) (bit >>> 3); i <= m - Byte.SIZE; i += Byte.SIZE, at++) {
        int b = bits.get(at);
        d[p + i] = (b & 1) != 0;
        d[p + i + 1] = (b & 2) != 0;
        d[p + i + 2] = (b & 4) != 0;
        d[p + i + 3] = (b & 8) != 0;
        d[p + i + 4] = (b & 16) != 0;
        d[p + i + 5] = (b & 32) != 0;
        d[p + i + 6] = (b & 64) != 0;
        d[p + i + 7] = (b & 128) != 0;
      }
      bit = firstBit + i;
      for (; i < m; i++, bit++) {
        d[p + i] = (bits.get((int) (bit >>> 3)) >>> (int) (bit & 7) & 1) != 0;
      }
      pos = p + m;
    }

    @Override
    public boolean hasDictionarySupport() {
      return false; // Parquet never dictionary-encodes booleans
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      throw new UnsupportedOperationException("column " + column() + ": boolean columns have no dictionary");
    }
  }
}
