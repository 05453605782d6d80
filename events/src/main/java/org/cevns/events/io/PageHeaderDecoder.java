package org.cevns.events.io;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decodes a Parquet {@code PageHeader} (parquet-format's {@code parquet.thrift}) from Thrift's compact protocol, into
 * this reused object, for {@link ChunkPages}. Only what the page path needs is kept: the page type, both sizes,
 * the CRC, and the data page (v1, v2) or dictionary page header's counts and encodings. Statistics, the index page
 * header, {@code is_sorted} and fields of ids this reader does not know are skipped by their wire type, as Thrift's
 * generated readers skip them; a known field of an unexpected wire type is skipped too (Thrift does the same).
 *
 * <p>Why not parquet-java's {@code Util.readPageHeader}: it builds a Thrift {@code PageHeader} through
 * {@code TCompactProtocol} and formats a message string with {@code String.format} for every header
 * ({@code MetadataValidator}); that code was most of what the C2 compiler still compiled after the first round of
 * {@code HistogramBench} (docs/performance-history.md, "analyze3" and "analyze4"). The values are the same; errors are
 * one line ("a corrupt page header at file offset N: ...") instead of Thrift's messages with internal class names.
 */
final class PageHeaderDecoder {
  /** parquet.thrift {@code PageType}: DATA_PAGE. */
  static final int DATA_PAGE = 0;
  /** parquet.thrift {@code PageType}: INDEX_PAGE. */
  static final int INDEX_PAGE = 1;
  /** parquet.thrift {@code PageType}: DICTIONARY_PAGE. */
  static final int DICTIONARY_PAGE = 2;
  /** parquet.thrift {@code PageType}: DATA_PAGE_V2. */
  static final int DATA_PAGE_V2 = 3;

  // Thrift compact protocol wire types (Thrift's TCompactProtocol.Types)
  private static final int BOOLEAN_TRUE = 1;
  private static final int BOOLEAN_FALSE = 2;
  private static final int BYTE = 3;
  private static final int I16 = 4;
  private static final int I32 = 5;
  private static final int I64 = 6;
  private static final int DOUBLE = 7;
  private static final int BINARY = 8;
  private static final int LIST = 9;
  private static final int SET = 10;
  private static final int MAP = 11;
  private static final int STRUCT = 12;
  private static final int UUID = 13;
  /** Nesting limit of skipped structs and containers (Thrift's default recursion depth is 64). */
  private static final int MAX_DEPTH = 64;

  /** parquet.thrift {@code Encoding} by value (1, GROUP_VAR_INT, was never used and is not known to parquet-java). */
  private static final Encoding[] ENCODINGS = {Encoding.PLAIN, null, Encoding.PLAIN_DICTIONARY, Encoding.RLE,
      Encoding.BIT_PACKED, Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_LENGTH_BYTE_ARRAY, Encoding.DELTA_BYTE_ARRAY,
      Encoding.RLE_DICTIONARY, Encoding.BYTE_STREAM_SPLIT};

  int type;
  int uncompressedSize;
  int compressedSize;
  boolean hasCrc;
  int crc;
  /** Data pages and dictionary pages: num_values. */
  int numValues;
  /** The values' encoding (data pages), the dictionary's encoding (dictionary pages). */
  Encoding encoding;
  /** v1. */
  Encoding definitionLevelEncoding;
  Encoding repetitionLevelEncoding;
  /** v2. */
  int numNulls;
  int numRows;
  int definitionLevelsBytes;
  int repetitionLevelsBytes;
  boolean compressed;

  private byte[] in;
  private int at;
  private int end;
  private long fileOffset;
  private int start;
  /** The i32 fields and the boolean of the struct {@link #readStruct} read last. */
  private final int[] values = new int[7];
  private boolean flag;
  private int depth;
  private boolean sub;

  /**
   * Decodes the header at {@code bytes[offset, limit)} and returns the offset just after it.
   *
   * @param headerFileOffset the header's offset in its file, for messages
   * @throws ParquetDecodingException one line, if the bytes are not a complete, valid page header
   */
  int decode(byte[] bytes, int offset, int limit, long headerFileOffset) {
    in = bytes;
    at = offset;
    start = offset;
    end = limit;
    fileOffset = headerFileOffset;
    depth = 0;
    type = -1;
    hasCrc = false;
    sub = false;
    boolean hasUncompressed = false;
    boolean hasCompressed = false;
    int last = 0;
    while (true) {
      int b = readByte();
      if (b == 0) {
        break;
      }
      int id = fieldId(b, last);
      int wire = b & 0x0f;
      last = id;
      if (wire == I32 && id >= 1 && id <= 4) {
        int v = readI32();
        switch (id) {
          case 1 -> type = v;
          case 2 -> {
            uncompressedSize = v;
            hasUncompressed = true;
          }
          case 3 -> {
            compressedSize = v;
            hasCompressed = true;
          }
          default -> {
            crc = v;
            hasCrc = true;
          }
        }
      } else if (wire == STRUCT && id == 5) {
        dataPageHeader();
      } else if (wire == STRUCT && id == 7) {
        dictionaryPageHeader();
      } else if (wire == STRUCT && id == 8) {
        dataPageHeaderV2();
      } else {
        skip(wire);
      }
    }
    if (type < DATA_PAGE || type > DATA_PAGE_V2) {
      throw corrupt(type == -1 ? "no page type" : "unknown page type " + type);
    }
    if (!hasUncompressed || !hasCompressed) {
      throw corrupt("no " + (hasUncompressed ? "compressed" : "uncompressed") + " page size");
    }
    if (compressedSize < 0) {
      // parquet-java's message (MetadataValidator), kept
      throw new ParquetDecodingException("Compressed page size must not be negative but was: " + compressedSize);
    }
    if (!sub && type != INDEX_PAGE) {
      throw corrupt("a " + pageTypeName() + " without its " + pageTypeName().replace(' ', '_') + "_header");
    }
    return at;
  }

  private String pageTypeName() {
    return switch (type) {
      case DATA_PAGE -> "data_page";
      case DICTIONARY_PAGE -> "dictionary_page";
      case DATA_PAGE_V2 -> "data_page_v2";
      default -> "index_page";
    };
  }

  /**
   * Reads a struct's i32 fields of ids 1 to {@code count} into {@link #values} and a boolean field of id 7 into
   * {@link #flag}; skips every other field. Returns the set of i32 ids read (bit i for id i).
   */
  private int readStruct(int count) {
    int seen = 0;
    int last = 0;
    while (true) {
      int b = readByte();
      if (b == 0) {
        return seen;
      }
      int id = fieldId(b, last);
      int wire = b & 0x0f;
      last = id;
      if (wire == I32 && id >= 1 && id <= count) {
        values[id] = readI32();
        seen |= 1 << id;
      } else if (id == 7 && (wire == BOOLEAN_TRUE || wire == BOOLEAN_FALSE)) {
        flag = wire == BOOLEAN_TRUE;
      } else {
        skip(wire);
      }
    }
  }

  private void dataPageHeader() {
    if (type != DATA_PAGE) {
      skipStruct();
      return;
    }
    required(readStruct(4), 0b11110, "data_page_header", "num_values", "encoding", "definition_level_encoding",
        "repetition_level_encoding");
    numValues = values[1];
    encoding = encoding(values[2]);
    definitionLevelEncoding = encoding(values[3]);
    repetitionLevelEncoding = encoding(values[4]);
    sub = true;
  }

  private void dictionaryPageHeader() {
    if (type != DICTIONARY_PAGE) {
      skipStruct();
      return;
    }
    required(readStruct(2), 0b110, "dictionary_page_header", "num_values", "encoding");
    numValues = values[1];
    encoding = encoding(values[2]);
    sub = true;
  }

  private void dataPageHeaderV2() {
    if (type != DATA_PAGE_V2) {
      skipStruct();
      return;
    }
    flag = true; // is_compressed: parquet.thrift's default
    required(readStruct(6), 0b1111110, "data_page_header_v2", "num_values", "num_nulls", "num_rows", "encoding",
        "definition_levels_byte_length", "repetition_levels_byte_length");
    numValues = values[1];
    numNulls = values[2];
    numRows = values[3];
    encoding = encoding(values[4]);
    definitionLevelsBytes = values[5];
    repetitionLevelsBytes = values[6];
    compressed = flag;
    sub = true;
  }

  private void required(int seen, int all, String struct, String... names) {
    if (seen != all) {
      for (int i = 0; i < names.length; i++) {
        if ((seen & (1 << (i + 1))) == 0) {
          throw corrupt(struct + " has no " + names[i]);
        }
      }
    }
  }

  private Encoding encoding(int v) {
    Encoding e = v >= 0 && v < ENCODINGS.length ? ENCODINGS[v] : null;
    if (e == null) {
      throw corrupt("unknown encoding " + v);
    }
    return e;
  }

  private int fieldId(int header, int last) {
    int delta = header >>> 4;
    if (delta != 0) {
      return last + delta;
    }
    long id = zigzag(readVarint(3));
    if (id < Short.MIN_VALUE || id > Short.MAX_VALUE) {
      throw corrupt("field id " + id + " out of range");
    }
    return (int) id;
  }

  /** Skips a value of wire type {@code wire} (Thrift's {@code TProtocolUtil.skip}). */
  private void skip(int wire) {
    switch (wire) {
      case BOOLEAN_TRUE, BOOLEAN_FALSE -> { } // the value is in the field header
      case BYTE -> advance(1);
      case I16, I32, I64 -> readVarint(10);
      case DOUBLE -> advance(8);
      case UUID -> advance(16);
      case BINARY -> advance(length());
      case STRUCT -> skipStruct();
      case LIST, SET -> {
        int b = readByte();
        int size = b >>> 4;
        if (size == 15) {
          size = length();
        }
        skipElements(b & 0x0f, size);
      }
      case MAP -> {
        int size = length();
        if (size > 0) {
          int kv = readByte();
          enter();
          for (int i = 0; i < size; i++) {
            skipElement(kv >>> 4);
            skipElement(kv & 0x0f);
          }
          depth--;
        }
      }
      default -> throw corrupt("unknown Thrift field type " + wire);
    }
  }

  private void skipElements(int wire, int size) {
    enter();
    for (int i = 0; i < size; i++) {
      skipElement(wire);
    }
    depth--;
  }

  /** A container's element: booleans are one byte each there. */
  private void skipElement(int wire) {
    if (wire == BOOLEAN_TRUE || wire == BOOLEAN_FALSE) {
      advance(1);
    } else {
      skip(wire);
    }
  }

  private void skipStruct() {
    enter();
    int last = 0;
    while (true) {
      int b = readByte();
      if (b == 0) {
        break;
      }
      last = fieldId(b, last);
      skip(b & 0x0f);
    }
    depth--;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw corrupt("nested deeper than " + MAX_DEPTH);
    }
  }

  private int readByte() {
    if (at >= end) {
      throw truncated();
    }
    return in[at++] & 0xff;
  }

  private void advance(int n) {
    if (n > end - at) {
      throw truncated();
    }
    at += n;
  }

  /** A non-negative varint length (binary, container sizes). */
  private int length() {
    long n = readVarint(5);
    if (n > Integer.MAX_VALUE) {
      throw corrupt("length " + n + " out of range");
    }
    return (int) n;
  }

  private int readI32() {
    long v = zigzag(readVarint(5));
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw corrupt("32-bit value " + v + " out of range");
    }
    return (int) v;
  }

  /** An unsigned varint of at most {@code maxBytes} bytes. */
  private long readVarint(int maxBytes) {
    long v = 0;
    for (int i = 0; i < maxBytes; i++) {
      int b = readByte();
      v |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw corrupt("a varint longer than " + maxBytes + " bytes");
  }

  private static long zigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private ParquetDecodingException truncated() {
    return corrupt("cut short after " + (end - start) + " bytes (its column chunk ends there)");
  }

  private ParquetDecodingException corrupt(String why) {
    return new ParquetDecodingException("a corrupt page header at file offset " + fileOffset + ": " + why);
  }
}
