package org.cevns.events.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The dictionary of one column chunk as parquet-java's {@code Plain*DictionaryValuesWriter} builds it: ids in order
 * of first appearance, {@link #byteSize()} the size of its PLAIN dictionary page (4 bytes per INT32, 8 per INT64 or
 * DOUBLE, 4 + length per BINARY value). Numbers are keyed by their bits (doubles by
 * {@link Double#doubleToLongBits}, as parquet-java's hash map compares them); the strings of a
 * {@link BlockColumn#string} column by their code, without hashing. Not thread-safe.
 */
final class ChunkDictionary {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final PrimitiveTypeName type;
  private final Binary[] strings;
  private int[] codeToId;
  private long[] keys = new long[16];
  private Binary[] binaries;
  private long[] tableKeys;
  private int[] tableIds;
  private Map<Binary, Integer> binaryIds;
  private int size;
  private long byteSize;
  private long lastKey;
  private int lastId = -1;

  /**
   * @param type the column's physical type (INT32, INT64, DOUBLE or BINARY)
   * @param strings for a string column, its values by code; else null
   */
  ChunkDictionary(PrimitiveTypeName type, Binary[] strings) {
    this.type = type;
    this.strings = strings;
    clear();
  }

  /** Forgets every entry. */
  void clear() {
    size = 0;
    lastId = -1;
    byteSize = 0;
    if (strings != null) {
      codeToId = new int[strings.length];
      Arrays.fill(codeToId, -1);
    }
    if (type == PrimitiveTypeName.BINARY) {
      binaries = new Binary[16];
      binaryIds = strings == null ? new HashMap<>() : null;
    } else {
      tableKeys = new long[64];
      tableIds = new int[64];
    }
  }

  /** Entries. */
  int size() {
    return size;
  }

  /** Bytes of the PLAIN dictionary page of all entries. */
  long byteSize() {
    return byteSize;
  }

  /** The id of string code {@code code} (a string column), added if new. */
  int idOfCode(int code) {
    int id = codeToId[code];
    if (id < 0) {
      id = codeToId[code] = add(strings[code]);
    }
    return id;
  }

  /** The id of a BINARY value, added (copied) if new. */
  int idOf(Binary value) {
    Integer id = binaryIds.get(value);
    if (id == null) {
      Binary copy = value.copy();
      id = add(copy);
      binaryIds.put(copy, id);
    }
    return id;
  }

  private int add(Binary value) {
    if (size == binaries.length) {
      binaries = Arrays.copyOf(binaries, 2 * size);
    }
    binaries[size] = value;
    byteSize += 4L + value.length();
    return size++;
  }

  /** The id of a number (an INT32 sign-extended, an INT64, the bits of a DOUBLE), added if new. */
  int idOf(long key) {
    if (lastId >= 0 && key == lastKey) {
      return lastId; // runs of one value (one target nucleus) need no probing
    }
    lastId = probe(key);
    lastKey = key;
    return lastId;
  }

  private int probe(long key) {
    int mask = tableKeys.length - 1;
    int slot = hash(key) & mask;
    while (true) {
      int stored = tableIds[slot];
      if (stored == 0) {
        break;
      }
      if (tableKeys[slot] == key) {
        return stored - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, 2 * size);
    }
    keys[size] = key;
    byteSize += type == PrimitiveTypeName.INT32 ? 4 : 8;
    tableKeys[slot] = key;
    tableIds[slot] = ++size;
    if (2 * size > tableKeys.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    tableKeys = new long[2 * tableKeys.length];
    tableIds = new int[tableKeys.length];
    int mask = tableKeys.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hash(keys[id]) & mask;
      while (tableIds[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      tableKeys[slot] = keys[id];
      tableIds[slot] = id + 1;
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The number with id {@code id} (see {@link #idOf(long)}). */
  long key(int id) {
    return keys[id];
  }

  /** The BINARY value with id {@code id}. */
  Binary binary(int id) {
    return binaries[id];
  }

  /** The PLAIN dictionary page bytes of entries {@code [0, entries)}. */
  BytesInput page(int entries) {
    int bytes = 0;
    for (int id = 0; id < entries; id++) {
      bytes += type == PrimitiveTypeName.BINARY ? 4 + binaries[id].length()
          : type == PrimitiveTypeName.INT32 ? 4 : 8;
    }
    byte[] out = new byte[bytes];
    int at = 0;
    for (int id = 0; id < entries; id++) {
      switch (type) {
        case INT32 -> {
          INTS.set(out, at, (int) keys[id]);
          at += 4;
        }
        case BINARY -> {
          Binary b = binaries[id];
          INTS.set(out, at, b.length());
          System.arraycopy(b.getBytesUnsafe(), 0, out, at + 4, b.length());
          at += 4 + b.length();
        }
        default -> {
          LONGS.set(out, at, keys[id]);
          at += 8;
        }
      }
    }
    return BytesInput.from(out);
  }
}
