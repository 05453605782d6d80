package org.cevns.events.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;

/**
 * A generic columnar batch: one array per selected column, filled by {@link ColumnarFileReader#next}. Arrays
 * are allocated once (length {@link #capacity()}); rows {@code [0, size())} are valid after a read. Types:
 * DOUBLE → {@link #doubles}, FLOAT → {@link #floats}, INT64 → {@link #longs}, INT32 → {@link #ints},
 * BOOLEAN → {@link #booleans}, strings → {@link #codes} into {@link #strings} (a {@link StringCodes} that
 * grows as new strings are read; codes are stable). OPTIONAL columns also have {@link #nulls}.
 */
public final class ColumnBatch {
  private record Column(PrimitiveType type, Object values, boolean[] nulls, StringCodes strings, ColumnTarget target) {}

  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final int capacity;
  private int size;

  private ColumnBatch(int capacity) {
    this.capacity = capacity;
  }

  /** A batch for {@code names} of {@code schema}, with arrays of {@code capacity} rows. */
  static ColumnBatch create(MessageType schema, List<String> names, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("select at least one column, got " + names);
    }
    ColumnBatch b = new ColumnBatch(capacity);
    for (String name : names) {
      if (!schema.containsField(name)) {
        List<String> present = new ArrayList<>();
        schema.getFields().forEach(f -> present.add(f.getName()));
        throw new IllegalArgumentException("no column '" + name + "', columns are " + present);
      }
      if (b.columns.containsKey(name)) {
        throw new IllegalArgumentException("column " + name + " is selected twice");
      }
      Type t = schema.getType(name);
      if (!t.isPrimitive()) {
        throw new IllegalArgumentException("column " + name + " is not a flat column: " + t);
      }
      b.columns.put(name, column(name, t.asPrimitiveType(), capacity));
    }
    return b;
  }

  private static Column column(String name, PrimitiveType type, int capacity) {
    boolean[] nulls = type.isRepetition(Repetition.OPTIONAL) ? new boolean[capacity] : null;
    switch (type.getPrimitiveTypeName()) {
      case DOUBLE -> {
        double[] v = new double[capacity];
        return new Column(type, v, nulls, null, ColumnTarget.doubles(name, v, nulls));
      }
      case FLOAT -> {
        float[] v = new float[capacity];
        return new Column(type, v, nulls, null, ColumnTarget.floats(name, v, nulls));
      }
      case INT64 -> {
        long[] v = new long[capacity];
        return new Column(type, v, nulls, null, ColumnTarget.longs(name, v, nulls));
      }
      case INT32 -> {
        int[] v = new int[capacity];
        return new Column(type, v, nulls, null, ColumnTarget.ints(name, v, nulls));
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[capacity];
        return new Column(type, v, nulls, null, ColumnTarget.booleans(name, v, nulls));
      }
      case BINARY -> {
        int[] v = new int[capacity];
        StringCodes codes = StringCodes.empty();
        return new Column(type, v, nulls, codes, ColumnTarget.strings(name, v, codes::codeOf, nulls));
      }
      default -> throw new IllegalArgumentException("column " + name + " has unsupported type " + type);
    }
  }

  List<ColumnTarget> targets() {
    List<ColumnTarget> t = new ArrayList<>();
    columns.values().forEach(c -> t.add(c.target()));
    return t;
  }

  void setSize(int n) {
    size = n;
  }

  /** Valid rows after the last read. */
  public int size() {
    return size;
  }

  /** Rows the arrays hold. */
  public int capacity() {
    return capacity;
  }

  /** Selected column names, in order. */
  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  /** The Parquet type of a column. */
  public PrimitiveType type(String column) {
    return get(column).type();
  }

  public double[] doubles(String column) {
    return (double[]) values(column, PrimitiveType.PrimitiveTypeName.DOUBLE);
  }

  public float[] floats(String column) {
    return (float[]) values(column, PrimitiveType.PrimitiveTypeName.FLOAT);
  }

  public long[] longs(String column) {
    return (long[]) values(column, PrimitiveType.PrimitiveTypeName.INT64);
  }

  public int[] ints(String column) {
    return (int[]) values(column, PrimitiveType.PrimitiveTypeName.INT32);
  }

  public boolean[] booleans(String column) {
    return (boolean[]) values(column, PrimitiveType.PrimitiveTypeName.BOOLEAN);
  }

  /** Codes of a string column (-1 for null), indexing {@link #strings}. */
  public int[] codes(String column) {
    return (int[]) values(column, PrimitiveType.PrimitiveTypeName.BINARY);
  }

  /** The strings behind {@link #codes} of a string column. */
  public StringCodes strings(String column) {
    values(column, PrimitiveType.PrimitiveTypeName.BINARY);
    return get(column).strings();
  }

  /** Null flags of an OPTIONAL column; null for a REQUIRED one. */
  public boolean[] nulls(String column) {
    return get(column).nulls();
  }

  private Object values(String column, PrimitiveType.PrimitiveTypeName expected) {
    Column c = get(column);
    if (c.type().getPrimitiveTypeName() != expected) {
      throw new IllegalArgumentException("column " + column + " is " + c.type().getPrimitiveTypeName()
          + ", not " + expected);
    }
    return c.values();
  }

  private Column get(String column) {
    Column c = columns.get(column);
    if (c == null) {
      throw new IllegalArgumentException("column '" + column + "' is not selected; selected: " + columns.keySet());
    }
    return c;
  }
}
