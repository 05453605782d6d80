package org.cevns.events.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** {@link ColumnTarget}s of string columns, stored as integer codes. */
final class StringTargets {
  private StringTargets() {}

  /** String column: dictionary-aware conversion of values to codes. */
  abstract static class Strings extends ColumnTarget {
    private final ToIntFunction<String> codeOf;
    private int[] dictionaryCodes = new int[0];
    private byte[] lastBytes = new byte[0];
    private int lastLength = -1;
    private int lastCode;

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

    /**
     * Stores the code of the UTF-8 string at {@code [offset, offset + length)} of {@code page} (a PLAIN page) and
     * advances. Runs of equal strings, the normal case of low-cardinality columns, are recognised by comparing
     * bytes with the previous value, without decoding a String.
     */
    final void addUtf8(ByteBuffer page, int offset, int length) {
      notNull();
      if (length == lastLength && sameBytes(page, offset, lastBytes)) {
        store(lastCode);
        return;
      }
      byte[] bytes = new byte[length];
      page.get(offset, bytes);
      int code = codeOf.applyAsInt(new String(bytes, StandardCharsets.UTF_8));
      lastBytes = bytes;
      lastLength = length;
      lastCode = code;
      store(code);
    }

    private static boolean sameBytes(ByteBuffer page, int offset, byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        if (page.get(offset + i) != bytes[i]) {
          return false;
        }
      }
      return true;
    }

    /** Codes of the current dictionary's entries, indexed by dictionary id. */
    final int[] dictionaryCodes() {
      return dictionaryCodes;
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
    void putDictionaryIds(int[] ids, int m) {
      int[] c = dictionaryCodes();
      int[] d = dst;
      int p = pos;
      for (int i = 0; i < m; i++) {
        d[p + i] = c[ids[i]];
      }
      pos = p + m;
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
    void putDictionaryIds(int[] ids, int m) {
      int[] c = dictionaryCodes();
      byte[] d = dst;
      int p = pos;
      for (int i = 0; i < m; i++) {
        d[p + i] = (byte) c[ids[i]];
      }
      pos = p + m;
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
