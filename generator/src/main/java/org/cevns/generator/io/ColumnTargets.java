package org.cevns.generator.io;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** The {@link ColumnTarget} implementations, one per destination array type. */
final class ColumnTargets {
  private ColumnTargets() {}

  static final class Doubles extends ColumnTarget {
    private double[] dst;
    private double[] dictionary = new double[0];

    Doubles(String column, double[] values, boolean[] nulls) {
      super(column, nulls);
      this.dst = Objects.requireNonNull(values, "values");
    }

    @Override
    PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.DOUBLE;
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (double[]) values;
      nulls = nullFlags;
    }

    @Override
    void storeNull(int row) {
      dst[row] = Double.NaN;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    public void addDouble(double value) {
      notNull();
      dst[pos++] = value;
    }

    @Override
    public void setDictionary(Dictionary d) {
      double[] v = new double[d.getMaxId() + 1];
      for (int id = 0; id < v.length; id++) {
        v[id] = d.decodeToDouble(id);
      }
      dictionary = v;
    }

    @Override
    public void addValueFromDictionary(int id) {
      addDouble(dictionary[id]);
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      double[] d = dst;
      double[] v = dictionary;
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
      values.asDoubleBuffer().get(dst, pos, m);
      values.position(values.position() + m * Double.BYTES);
      pos += m;
    }

    @Override
    void read(ColumnReader reader, int n, int maxDefinition) {
      if (maxDefinition != 0) {
        super.read(reader, n, maxDefinition);
        return;
      }
      clearNulls(pos, n);
      double[] d = dst;
      int p = pos;
      for (int end = p + n; p < end; p++) {
        d[p] = reader.getDouble();
        reader.consume();
      }
      pos = p;
    }
  }

  static final class Floats extends ColumnTarget {
    private float[] dst;
    private float[] dictionary = new float[0];

    Floats(String column, float[] values, boolean[] nulls) {
      super(column, nulls);
      this.dst = Objects.requireNonNull(values, "values");
    }

    @Override
    PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.FLOAT;
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (float[]) values;
      nulls = nullFlags;
    }

    @Override
    void storeNull(int row) {
      dst[row] = Float.NaN;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    public void addFloat(float value) {
      notNull();
      dst[pos++] = value;
    }

    @Override
    public void setDictionary(Dictionary d) {
      float[] v = new float[d.getMaxId() + 1];
      for (int id = 0; id < v.length; id++) {
        v[id] = d.decodeToFloat(id);
      }
      dictionary = v;
    }

    @Override
    public void addValueFromDictionary(int id) {
      addFloat(dictionary[id]);
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      for (int i = 0; i < m; i++) {
        dst[pos + i] = dictionary[ids[i]];
      }
      pos += m;
    }

    @Override
    boolean takesPlain() {
      return true;
    }

    @Override
    void putPlain(ByteBuffer values, int m) {
      values.asFloatBuffer().get(dst, pos, m);
      values.position(values.position() + m * Float.BYTES);
      pos += m;
    }
  }

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

    @Override
    void read(ColumnReader reader, int n, int maxDefinition) {
      if (maxDefinition != 0) {
        super.read(reader, n, maxDefinition);
        return;
      }
      clearNulls(pos, n);
      long[] d = dst;
      int p = pos;
      for (int end = p + n; p < end; p++) {
        d[p] = reader.getLong();
        reader.consume();
      }
      pos = p;
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

    @Override
    void read(ColumnReader reader, int n, int maxDefinition) {
      if (maxDefinition != 0) {
        super.read(reader, n, maxDefinition);
        return;
      }
      clearNulls(pos, n);
      int[] d = dst;
      int p = pos;
      for (int end = p + n; p < end; p++) {
        d[p] = reader.getInteger();
        reader.consume();
      }
      pos = p;
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

    @Override
    public boolean hasDictionarySupport() {
      return false; // Parquet never dictionary-encodes booleans
    }

    @Override
    void putDictionaryIds(int[] ids, int m) {
      throw new UnsupportedOperationException("column " + column() + ": boolean columns have no dictionary");
    }
  }

  /** String column: dictionary-aware conversion of values to codes. */
  abstract static class Strings extends ColumnTarget {
    private final ToIntFunction<String> codeOf;
    private int[] dictionaryCodes = new int[0];

    Strings(String column, ToIntFunction<String> codeOf, boolean[] nulls) {
      super(column, nulls);
      this.codeOf = Objects.requireNonNull(codeOf, "codeOf");
    }

    /** Stores a code at the current position and advances. */
    abstract void store(int code);

    @Override
    final PrimitiveTypeName primitiveType() {
      return PrimitiveTypeName.BINARY;
    }

    @Override
    final void checkType(PrimitiveType type) {
      super.checkType(type);
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      if (!(logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation)) {
        throw new IllegalArgumentException("column " + column() + " is " + type + ", not a string column");
      }
    }

    @Override
    public final void setDictionary(Dictionary dictionary) {
      int[] c = new int[dictionary.getMaxId() + 1];
      for (int id = 0; id < c.length; id++) {
        c[id] = codeOf.applyAsInt(dictionary.decodeToBinary(id).toStringUsingUTF8());
      }
      dictionaryCodes = c;
    }

    @Override
    public final void addValueFromDictionary(int dictionaryId) {
      notNull();
      store(dictionaryCodes[dictionaryId]);
    }

    @Override
    public final void addBinary(Binary value) {
      notNull();
      store(codeOf.applyAsInt(value.toStringUsingUTF8()));
    }

    @Override
    final void putDictionaryIds(int[] ids, int m) {
      int[] c = dictionaryCodes;
      for (int i = 0; i < m; i++) {
        store(c[ids[i]]);
      }
    }
  }

  static final class IntCodes extends Strings {
    private int[] dst;

    IntCodes(String column, int[] codes, ToIntFunction<String> codeOf, boolean[] nulls) {
      super(column, codeOf, nulls);
      this.dst = Objects.requireNonNull(codes, "codes");
    }

    @Override
    void store(int code) {
      dst[pos++] = code;
    }

    @Override
    void storeNull(int row) {
      dst[row] = -1;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
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
  }

  static final class ByteCodes extends Strings {
    private byte[] dst;

    ByteCodes(String column, byte[] codes, ToIntFunction<String> codeOf) {
      super(column, s -> checkedByte(column, s, codeOf), null);
      this.dst = Objects.requireNonNull(codes, "codes");
    }

    private static int checkedByte(String column, String s, ToIntFunction<String> codeOf) {
      int c = codeOf.applyAsInt(s);
      if (c < 0 || c > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("column " + column + ": code " + c + " of '" + s + "' is outside [0, 127]");
      }
      return c;
    }

    @Override
    void store(int code) {
      dst[pos++] = (byte) code;
    }

    @Override
    void storeNull(int row) {
      dst[row] = -1;
    }

    @Override
    void move(int from, int to) {
      dst[to] = dst[from];
    }

    @Override
    int capacity() {
      return dst.length;
    }

    @Override
    void retarget(Object values, boolean[] nullFlags) {
      dst = (byte[]) values;
      nulls = nullFlags;
    }
  }
}
