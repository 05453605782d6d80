package org.cevns.events.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * One flat Parquet column filled from a columnar block of type {@code B}: its name, its Parquet type
 * (primitive type, logical type, REQUIRED or OPTIONAL) and how row {@code i} of a block is written to a
 * {@link RecordConsumer}. A list of columns is the schema of a {@link ParquetBlockWriter}.
 *
 * <p>Factories: {@link #int64}, {@link #int32}, {@link #float64}, {@link #bool} and {@link #string} (a
 * dictionary string column whose UTF-8 values are encoded once, so writing a row allocates nothing).
 * Decorators: {@link #nullWhen} makes a column OPTIONAL, {@link #withDictionaryEncoding} overrides the
 * encoding hint and {@link #adapt} reuses a column of one block type for another (e.g. the truth columns
 * for a detsim block that holds its truth {@code EventBlock}).
 *
 * @param <B> the block type rows are read from
 */
public abstract class BlockColumn<B> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final PrimitiveType type;
  private final boolean dictionaryEncoded;
  private final boolean byteStreamSplit;

  /**
   * @param name column name, {@code [a-z][a-z0-9_]*}
   * @param primitive Parquet primitive type
   * @param logical logical type annotation or null (e.g. {@link LogicalTypeAnnotation#stringType()})
   * @param optional true for an OPTIONAL column whose rows may be null (see {@link #isNull})
   * @param dictionaryEncoded whether Parquet should try dictionary encoding (worth it for few distinct values)
   */
  protected BlockColumn(String name, PrimitiveTypeName primitive, LogicalTypeAnnotation logical,
      boolean optional, boolean dictionaryEncoded) {
    this(name, primitive, logical, optional, dictionaryEncoded, false);
  }

  private BlockColumn(String name, PrimitiveTypeName primitive, LogicalTypeAnnotation logical, boolean optional,
      boolean dictionaryEncoded, boolean byteStreamSplit) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("column name must match [a-z][a-z0-9_]*, got '" + name + "'");
    }
    Objects.requireNonNull(primitive, "primitive");
    this.type = Types.primitive(primitive, optional ? Repetition.OPTIONAL : Repetition.REQUIRED)
        .as(logical).named(name);
    this.dictionaryEncoded = dictionaryEncoded;
    if (byteStreamSplit && (dictionaryEncoded || primitive != PrimitiveTypeName.DOUBLE)) {
      throw new IllegalArgumentException("column " + name + ": BYTE_STREAM_SPLIT is for doubles without dictionary"
          + " encoding, got " + primitive + (dictionaryEncoded ? " with" : " without") + " dictionary");
    }
    this.byteStreamSplit = byteStreamSplit;
  }

  /** Copies the type of {@code base}, with the given repetition and encoding hints (for decorators). */
  private BlockColumn(BlockColumn<?> base, boolean optional, boolean dictionaryEncoded, boolean byteStreamSplit) {
    this(base.name(), base.type.getPrimitiveTypeName(), base.type.getLogicalTypeAnnotation(), optional,
        dictionaryEncoded, byteStreamSplit);
  }

  /** Column name. */
  public final String name() {
    return type.getName();
  }

  /** The Parquet field of this column. */
  public final PrimitiveType parquetType() {
    return type;
  }

  /** True for an OPTIONAL column. */
  public final boolean optional() {
    return type.isRepetition(Repetition.OPTIONAL);
  }

  /** Whether the writer enables dictionary encoding for this column. */
  public final boolean dictionaryEncoded() {
    return dictionaryEncoded;
  }

  /**
   * Whether the writer encodes the values BYTE_STREAM_SPLIT (byte k of every value of a page in stream k; random
   * doubles compress better and faster so, see docs/io.md "Encodings").
   */
  public final boolean byteStreamSplit() {
    return byteStreamSplit;
  }

  /** True when row {@code row} of {@code block} has no value; only asked for OPTIONAL columns. */
  public boolean isNull(B block, int row) {
    return false;
  }

  /**
   * Writes the value of row {@code row} with exactly one {@code add*} call of {@code consumer} (the caller
   * starts and ends the field). Never called for a null row.
   */
  public abstract void write(B block, int row, RecordConsumer consumer);

  /**
   * Direct access to the values for column-wise encoding ({@link ColumnChunkEncoder}), or null for a column that
   * only implements {@link #write} (then each value is taken from that call).
   */
  Values<B> values() {
    return null;
  }

  /**
   * The getter of a factory column: exactly one of the getters is set ({@code code} with {@code strings} for a
   * string column, whose row value is {@code strings[code]}).
   */
  record Values<B>(LongGetter<B> longs, IntGetter<B> ints, DoubleGetter<B> doubles, BooleanGetter<B> booleans,
      IntGetter<B> code, Binary[] strings) {
    /** The same getters reading the {@code B} that {@code view} finds inside a {@code C}. */
    <C> Values<C> adapt(Function<? super C, ? extends B> view) {
      return new Values<>(longs == null ? null : Getters.adapt(longs, view),
          ints == null ? null : Getters.adapt(ints, view),
          doubles == null ? null : Getters.adapt(doubles, view),
          booleans == null ? null : (c, i) -> booleans.get(view.apply(c), i),
          code == null ? null : Getters.adapt(code, view), strings);
    }
  }

  /** This column made OPTIONAL: rows for which {@code isNull} is true are written as null. */
  public final BlockColumn<B> nullWhen(RowPredicate<B> isNull) {
    Objects.requireNonNull(isNull, "isNull");
    BlockColumn<B> base = this;
    return new BlockColumn<>(this, true, dictionaryEncoded, byteStreamSplit) {
      @Override
      public boolean isNull(B block, int row) {
        return isNull.test(block, row);
      }

      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        base.write(block, row, consumer);
      }

      @Override
      Values<B> values() {
        return base.values();
      }
    };
  }

  /** This column with dictionary encoding switched on or off (on switches byte-stream split off). */
  public final BlockColumn<B> withDictionaryEncoding(boolean enabled) {
    return withEncodings(enabled, byteStreamSplit && !enabled);
  }

  /** This DOUBLE column with BYTE_STREAM_SPLIT switched on (then without dictionary) or off (then PLAIN). */
  public final BlockColumn<B> withByteStreamSplit(boolean enabled) {
    return withEncodings(dictionaryEncoded && !enabled, enabled);
  }

  private BlockColumn<B> withEncodings(boolean dictionary, boolean split) {
    BlockColumn<B> base = this;
    return new BlockColumn<>(this, optional(), dictionary, split) {
      @Override
      public boolean isNull(B block, int row) {
        return base.isNull(block, row);
      }

      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        base.write(block, row, consumer);
      }

      @Override
      Values<B> values() {
        return base.values();
      }
    };
  }

  /** This column read from the {@code B} that {@code view} finds inside a block of another type {@code C}. */
  public final <C> BlockColumn<C> adapt(Function<? super C, ? extends B> view) {
    Objects.requireNonNull(view, "view");
    BlockColumn<B> base = this;
    return new BlockColumn<>(this, optional(), dictionaryEncoded, byteStreamSplit) {
      @Override
      public boolean isNull(C block, int row) {
        return base.isNull(view.apply(block), row);
      }

      @Override
      public void write(C block, int row, RecordConsumer consumer) {
        base.write(view.apply(block), row, consumer);
      }

      @Override
      Values<C> values() {
        Values<B> v = base.values();
        return v == null ? null : v.adapt(view);
      }
    };
  }

  /** A REQUIRED int64 column, DELTA_BINARY_PACKED (event and pulse numbers; {@code PlainValuesWriters.deltaEncoded}). */
  public static <B> BlockColumn<B> int64(String name, LongGetter<B> getter) {
    Objects.requireNonNull(getter, "getter");
    return new BlockColumn<>(name, PrimitiveTypeName.INT64, null, false, false) {
      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        consumer.addLong(getter.get(block, row));
      }

      @Override
      Values<B> values() {
        return new Values<>(getter, null, null, null, null, null);
      }
    };
  }

  /** A REQUIRED int32 column, dictionary encoded (small integers with few distinct values: Z, A, counts). */
  public static <B> BlockColumn<B> int32(String name, IntGetter<B> getter) {
    Objects.requireNonNull(getter, "getter");
    return new BlockColumn<>(name, PrimitiveTypeName.INT32, null, false, true) {
      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        consumer.addInteger(getter.get(block, row));
      }

      @Override
      Values<B> values() {
        return new Values<>(null, getter, null, null, null, null);
      }
    };
  }

  /**
   * A REQUIRED double column, BYTE_STREAM_SPLIT encoded (measured quantities: energies, momenta, times, weights,
   * positions; {@code withByteStreamSplit(false)} for PLAIN).
   */
  public static <B> BlockColumn<B> float64(String name, DoubleGetter<B> getter) {
    Objects.requireNonNull(getter, "getter");
    return new BlockColumn<>(name, PrimitiveTypeName.DOUBLE, null, false, false, true) {
      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        consumer.addDouble(getter.get(block, row));
      }

      @Override
      Values<B> values() {
        return new Values<>(null, null, getter, null, null, null);
      }
    };
  }

  /** A REQUIRED boolean column. */
  public static <B> BlockColumn<B> bool(String name, BooleanGetter<B> getter) {
    Objects.requireNonNull(getter, "getter");
    return new BlockColumn<>(name, PrimitiveTypeName.BOOLEAN, null, false, false) {
      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        consumer.addBoolean(getter.get(block, row));
      }

      @Override
      Values<B> values() {
        return new Values<>(null, null, null, getter, null, null);
      }
    };
  }

  /**
   * A REQUIRED, dictionary-encoded UTF-8 string column whose row value is {@code values.get(code)}. The
   * values are encoded once here; writing a row allocates nothing.
   *
   * @param values the strings behind the codes (e.g. {@code EventDictionary.detectors()})
   * @param code the code of a row, in {@code [0, values.size())}
   */
  public static <B> BlockColumn<B> string(String name, List<String> values, IntGetter<B> code) {
    Objects.requireNonNull(code, "code");
    if (values == null) {
      throw new IllegalArgumentException("column " + name + ": values must not be null");
    }
    Binary[] encoded = new Binary[values.size()];
    for (int i = 0; i < encoded.length; i++) {
      String v = values.get(i);
      if (v == null) {
        throw new IllegalArgumentException("column " + name + ": values[" + i + "] must not be null");
      }
      encoded[i] = Binary.fromConstantByteArray(v.getBytes(StandardCharsets.UTF_8));
    }
    return new BlockColumn<>(name, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), false, true) {
      @Override
      public void write(B block, int row, RecordConsumer consumer) {
        int c = code.get(block, row);
        if (c < 0 || c >= encoded.length) {
          throw new IllegalArgumentException("column " + name() + ": code " + c + " at row " + row
              + " is outside the " + encoded.length + " dictionary values");
        }
        consumer.addBinary(encoded[c]);
      }

      @Override
      Values<B> values() {
        return new Values<>(null, null, null, null, code, encoded);
      }
    };
  }

  /** Row value of a long column; {@link #of} also gives the array, for range reads ({@link Getters}). */
  @FunctionalInterface
  public interface LongGetter<B> {
    long get(B block, int row);

    /** The array whose element {@code row} is the row's value, or null (then only {@link #get} is used). */
    default long[] array(B block) {
      return null;
    }

    /** Rows are the elements of the array {@code array} gives for a block. */
    static <B> LongGetter<B> of(Function<? super B, long[]> array) {
      return Getters.longs(array);
    }
  }

  /** Row value of an int column (or the code of a string column); {@link #of}, {@link #ofBytes} give the array. */
  @FunctionalInterface
  public interface IntGetter<B> {
    int get(B block, int row);

    /** The int array whose element {@code row} is the row's value, or null. */
    default int[] array(B block) {
      return null;
    }

    /** The byte array whose element {@code row} is the row's value, or null. */
    default byte[] bytes(B block) {
      return null;
    }

    /** Rows are the elements of the int array {@code array} gives for a block. */
    static <B> IntGetter<B> of(Function<? super B, int[]> array) {
      return Getters.ints(array);
    }

    /** Rows are the (signed) elements of the byte array {@code array} gives for a block. */
    static <B> IntGetter<B> ofBytes(Function<? super B, byte[]> array) {
      return Getters.bytes(array);
    }
  }

  /** Row value of a double column; {@link #of} also gives the array, for range reads ({@link Getters}). */
  @FunctionalInterface
  public interface DoubleGetter<B> {
    double get(B block, int row);

    /** The array whose element {@code row} is the row's value, or null (then only {@link #get} is used). */
    default double[] array(B block) {
      return null;
    }

    /** Rows are the elements of the array {@code array} gives for a block. */
    static <B> DoubleGetter<B> of(Function<? super B, double[]> array) {
      return Getters.doubles(array);
    }
  }

  /** Row value of a boolean column. */
  @FunctionalInterface
  public interface BooleanGetter<B> {
    boolean get(B block, int row);
  }

  /** A per-row condition (e.g. "this row is null"). */
  @FunctionalInterface
  public interface RowPredicate<B> {
    boolean test(B block, int row);
  }
}
