package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** {@link ColumnTarget}s of DOUBLE and FLOAT columns. */
final class FloatTargets {
  private FloatTargets() {}

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

    /**
     * Stores values {@code [first, first + m)} of a BYTE_STREAM_SPLIT page of {@code n} doubles at {@code in[base]}
     * ({@link ByteStreamUnsplit#unsplitDoubles}).
     */
    void putSplit(byte[] in, int base, int n, int first, int m) {
      ByteStreamUnsplit.unsplitDoubles(in, base, n, first, m, dst, pos);
      pos += m;
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
}
