package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Where a {@link ColumnarFileReader} puts the values of one column: a primitive array filled from row 0 on
 * each read, and optionally a {@code boolean[]} of null flags for OPTIONAL columns (a null row gets
 * {@code nulls[row] = true} and value NaN / 0 / false / code -1; without a null array a null value is an
 * error). String columns are stored as integer codes given by a {@code codeOf} function (e.g.
 * {@link StringCodes#codeOf}); with Parquet dictionary encoding the function runs once per dictionary entry,
 * not per row.
 *
 * <p>A target is a Parquet {@link PrimitiveConverter} (used by record assembly and by the
 * {@link ColumnReader} path) and also takes bulk values from the page decoder ({@link PageColumnReader}).
 * Implementations are in {@link FloatTargets}, {@link IntegerTargets} and {@link StringTargets}; create them
 * with the factories here.
 */
abstract class ColumnTarget extends PrimitiveConverter {
  private final String column;
  boolean[] nulls;
  int pos;

  ColumnTarget(String column, boolean[] nulls) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("column must be a non-blank name, got '" + column + "'");
    }
    this.column = column;
    this.nulls = nulls;
  }

  /** The column name. */
  public final String column() {
    return column;
  }

  // ---- factories ----

  /** Target for a DOUBLE column; {@code nulls} may be null (REQUIRED column expected). */
  public static ColumnTarget doubles(String column, double[] values, boolean[] nulls) {
    return new FloatTargets.Doubles(column, values, nulls);
  }

  /** Target for a REQUIRED DOUBLE column. */
  public static ColumnTarget doubles(String column, double[] values) {
    return doubles(column, values, null);
  }

  /** Target for a FLOAT column; {@code nulls} may be null. */
  public static ColumnTarget floats(String column, float[] values, boolean[] nulls) {
    return new FloatTargets.Floats(column, values, nulls);
  }

  /** Target for an INT64 column; {@code nulls} may be null. */
  public static ColumnTarget longs(String column, long[] values, boolean[] nulls) {
    return new IntegerTargets.Longs(column, values, nulls);
  }

  /** Target for a REQUIRED INT64 column. */
  public static ColumnTarget longs(String column, long[] values) {
    return longs(column, values, null);
  }

  /** Target for an INT32 column; {@code nulls} may be null. */
  public static ColumnTarget ints(String column, int[] values, boolean[] nulls) {
    return new IntegerTargets.Ints(column, values, nulls);
  }

  /** Target for a REQUIRED INT32 column. */
  public static ColumnTarget ints(String column, int[] values) {
    return ints(column, values, null);
  }

  /** Target for a BOOLEAN column; {@code nulls} may be null. */
  public static ColumnTarget booleans(String column, boolean[] values, boolean[] nulls) {
    return new IntegerTargets.Booleans(column, values, nulls);
  }

  /** Target for a REQUIRED BOOLEAN column. */
  public static ColumnTarget booleans(String column, boolean[] values) {
    return booleans(column, values, null);
  }

  /** Target for a string column stored as {@code codeOf(value)}; {@code nulls} may be null; a null gets -1. */
  public static ColumnTarget strings(String column, int[] codes, ToIntFunction<String> codeOf, boolean[] nulls) {
    return new StringTargets.IntCodes(column, codes, codeOf, nulls);
  }

  /** Target for a REQUIRED string column stored as {@code codeOf(value)}. */
  public static ColumnTarget strings(String column, int[] codes, ToIntFunction<String> codeOf) {
    return strings(column, codes, codeOf, null);
  }

  /** Target for a REQUIRED string column stored as a byte code (e.g. an enum ordinal), {@code codeOf} in [0, 127]. */
  public static ColumnTarget strings(String column, byte[] codes, ToIntFunction<String> codeOf) {
    return new StringTargets.ByteCodes(column, codes, codeOf);
  }

  // ---- contract with the readers (package-private) ----

  /** The Parquet primitive type this target takes. */
  abstract PrimitiveTypeName primitiveType();

  /** Throws if a column of {@code type} cannot be read into this target. */
  void checkType(PrimitiveType type) {
    if (type.getPrimitiveTypeName() != primitiveType()) {
      throw new IllegalArgumentException("column " + column + " is " + type + ", cannot read it as "
          + primitiveType());
    }
  }

  /** Length of the destination array: the most rows one read can deliver. */
  abstract int capacity();

  /** Points the target at another destination array of the same kind (for reuse with another block). */
  abstract void retarget(Object values, boolean[] nullFlags);

  /** Stores the value of a null row (NaN, 0, false or -1). */
  abstract void storeNull(int row);

  /** Copies the value of row {@code from} to row {@code to}. */
  abstract void move(int from, int to);

  /** Stores the dictionary values of {@code ids[0..m)} at the current position and advances (no null flags). */
  abstract void putDictionaryIds(int[] ids, int m);

  /** True if {@link #putPlain} can take PLAIN-encoded values (fixed-width numbers). */
  boolean takesPlain() {
    return false;
  }

  /** Stores {@code m} PLAIN little-endian values from {@code values} (advancing it) and advances (no null flags). */
  void putPlain(ByteBuffer values, int m) {
    throw new UnsupportedOperationException("column " + column + ": no bulk PLAIN decoding for " + primitiveType());
  }

  final void seek(int row) {
    pos = row;
  }

  final int position() {
    return pos;
  }

  /**
   * A null where the reader takes none: a user's message (a file of another tool, e.g. pyarrow's nullable columns), not
   * the API's ("give it a nulls array"), which detsim and convert showed.
   */
  private String nullMessage() {
    return "column " + column + " has a null value but the target takes none (cevns files have no nulls there)";
  }

  final void addNull() {
    if (nulls == null) {
      throw new IllegalStateException(nullMessage());
    }
    nulls[pos] = true;
    storeNull(pos);
    pos++;
  }

  /** Marks the current row as not null (before a value is stored). */
  final void notNull() {
    if (nulls != null) {
      nulls[pos] = false;
    }
  }

  /** Clears the null flags of rows {@code [from, from + n)}. */
  final void clearNulls(int from, int n) {
    if (nulls != null) {
      Arrays.fill(nulls, from, from + n, false);
    }
  }

  /**
   * Spreads {@code m} values stored compactly from row {@code start} over the {@code k} rows from
   * {@code start}, where {@code definitions[i] == maxDefinition} marks a non-null row, and sets the null flags;
   * the position becomes {@code start + k}.
   */
  final void spread(int start, int k, int m, int[] definitions, int maxDefinition) {
    int src = start + m - 1;
    for (int i = k - 1; i >= 0; i--) {
      int row = start + i;
      if (definitions[i] == maxDefinition) {
        if (src != row) {
          move(src, row);
        }
        src--;
        if (nulls != null) {
          nulls[row] = false;
        }
      } else {
        if (nulls == null) {
          throw new IllegalStateException(nullMessage());
        }
        nulls[row] = true;
        storeNull(row);
      }
    }
    pos = start + k;
  }

  /** Reads {@code n} values through a {@link ColumnReader}; {@code maxDefinition} is 0 for a REQUIRED column. */
  void read(ColumnReader reader, int n, int maxDefinition) {
    for (int k = 0; k < n; k++) {
      if (reader.getCurrentDefinitionLevel() == maxDefinition) {
        reader.writeCurrentValueToConverter();
      } else {
        addNull();
      }
      reader.consume();
    }
  }

  @Override
  public boolean hasDictionarySupport() {
    return true;
  }
}
