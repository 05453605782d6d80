package org.cevns.events.io;

import java.io.ByteArrayInputStream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.io.ParquetDecodingException;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.protocol.TProtocolException;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;
import shaded.parquet.org.apache.thrift.transport.TTransportException;

/**
 * Reads a Parquet {@code PageHeader} with parquet-format's own generated Thrift reader
 * ({@link PageHeader#read} over one reused {@link TCompactProtocol}) and keeps, in this reused object, what
 * {@link ChunkPages} needs: the page type, both sizes, the CRC, and the data page (v1, v2) or dictionary page
 * header's counts and encodings.
 *
 * <p>Why not parquet-java's {@code Util.readPageHeader}: it makes a new protocol and transport for every header and
 * formats a message with {@code String.format} for each ({@code MetadataValidator}); that was most of what the C2
 * compiler still compiled after the first round of {@code HistogramBench} (docs/performance-history.md, "analyze3").
 * Why not a hand-written compact-protocol decoder: "analyze4" measured one and found it no faster than this reader
 * through a reused protocol, so the library's reader is used.
 *
 * <p>What the generated reader does not guard, this class does: the transport's stream ends at {@code limit} (a
 * damaged varint, which Thrift reads without a length bound, cannot read past the column chunk), its message size is
 * set to {@code limit - offset} for each header (a damaged binary or container length is refused before Thrift
 * allocates it), and every failure is one line ("a corrupt page header at file offset N: ...") without Thrift's
 * struct dump; a negative compressed size keeps parquet-java's own message, and a data or dictionary page without
 * its sub-header is refused.
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

  /** parquet-java's {@link Encoding} by parquet-format's encoding ordinal; null where parquet-java has none. */
  private static final Encoding[] ENCODINGS = encodings();

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

  private final Bytes in = new Bytes();
  private final Transport transport = Transport.over(in);
  private final TCompactProtocol protocol = new TCompactProtocol(transport);
  private long fileOffset;

  /** A {@link ByteArrayInputStream} moved over each header's bytes. */
  private static final class Bytes extends ByteArrayInputStream {
    Bytes() {
      super(new byte[0]);
    }

    void set(byte[] bytes, int offset, int limit) {
      buf = bytes;
      pos = offset;
      count = limit;
      mark = offset;
    }

    int position() {
      return pos;
    }
  }

  /** Thrift's stream transport whose message size is reset to each header's bytes. */
  private static final class Transport extends TIOStreamTransport {
    private Transport(ByteArrayInputStream in) throws TTransportException {
      super(in);
    }

    static Transport over(ByteArrayInputStream in) {
      try {
        return new Transport(in);
      } catch (TTransportException e) {
        throw new IllegalStateException(e); // the stream constructor does not throw
      }
    }

    void limit(int bytes) throws TTransportException {
      resetConsumedMessageSize(-1);
      resetConsumedMessageSize(bytes);
    }
  }

  /**
   * Decodes the header at {@code bytes[offset, limit)} and returns the offset just after it.
   *
   * @param headerFileOffset the header's offset in its file, for messages
   * @throws ParquetDecodingException one line, if the bytes are not a complete, valid page header
   */
  int decode(byte[] bytes, int offset, int limit, long headerFileOffset) {
    fileOffset = headerFileOffset;
    in.set(bytes, offset, limit);
    PageHeader h = new PageHeader();
    try {
      transport.limit(limit - offset);
      protocol.reset();
      h.read(protocol);
    } catch (TTransportException e) {
      // the end of the bytes, or a length past them (the transport's message size is limit - offset: its message
      // "Message size exceeds limit: 104857600" would name Thrift's default, not this limit)
      throw corrupt("cut short after " + (limit - offset) + " bytes (its column chunk ends there)");
    } catch (TException | RuntimeException e) {
      throw corrupt(reason(e));
    }
    type = h.getType().getValue();
    uncompressedSize = h.getUncompressed_page_size();
    compressedSize = h.getCompressed_page_size();
    hasCrc = h.isSetCrc();
    crc = h.getCrc();
    if (compressedSize < 0) {
      // parquet-java's message (MetadataValidator), kept
      throw new ParquetDecodingException("Compressed page size must not be negative but was: " + compressedSize);
    }
    switch (type) {
      case DATA_PAGE -> dataPage(h.getData_page_header());
      case DICTIONARY_PAGE -> dictionaryPage(h.getDictionary_page_header());
      case DATA_PAGE_V2 -> dataPageV2(h.getData_page_header_v2());
      default -> { } // INDEX_PAGE: skipped by ChunkPages
    }
    return in.position();
  }

  private void dataPage(DataPageHeader p) {
    if (p == null) {
      throw corrupt("a data_page without its data_page_header");
    }
    numValues = p.getNum_values();
    encoding = encoding(p.getEncoding());
    definitionLevelEncoding = encoding(p.getDefinition_level_encoding());
    repetitionLevelEncoding = encoding(p.getRepetition_level_encoding());
  }

  private void dictionaryPage(DictionaryPageHeader p) {
    if (p == null) {
      throw corrupt("a dictionary_page without its dictionary_page_header");
    }
    numValues = p.getNum_values();
    encoding = encoding(p.getEncoding());
  }

  private void dataPageV2(DataPageHeaderV2 p) {
    if (p == null) {
      throw corrupt("a data_page_v2 without its data_page_v2_header");
    }
    numValues = p.getNum_values();
    numNulls = p.getNum_nulls();
    numRows = p.getNum_rows();
    encoding = encoding(p.getEncoding());
    definitionLevelsBytes = p.getDefinition_levels_byte_length();
    repetitionLevelsBytes = p.getRepetition_levels_byte_length();
    compressed = p.isIs_compressed(); // parquet.thrift's default (true) when absent
  }

  private Encoding encoding(org.apache.parquet.format.Encoding e) {
    Encoding mine = ENCODINGS[e.ordinal()];
    if (mine == null) {
      throw corrupt("unknown encoding " + e.name());
    }
    return mine;
  }

  private static Encoding[] encodings() {
    org.apache.parquet.format.Encoding[] all = org.apache.parquet.format.Encoding.values();
    Encoding[] mine = new Encoding[all.length];
    for (org.apache.parquet.format.Encoding e : all) {
      try {
        mine[e.ordinal()] = Encoding.valueOf(e.name());
      } catch (IllegalArgumentException unknown) {
        mine[e.ordinal()] = null;
      }
    }
    return mine;
  }

  /**
   * Thrift's message, one line, without the struct it dumps after a missing field ("Required field 'x' was not
   * found in serialized data! Struct: ..." keeps the part before "! Struct:").
   */
  private static String reason(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e instanceof TProtocolException ? "not a valid Thrift struct" : "Thrift could not read it";
    }
    int struct = m.indexOf("! Struct:");
    if (struct >= 0) {
      m = m.substring(0, struct);
    }
    int line = m.indexOf('\n');
    return (line >= 0 ? m.substring(0, line) : m).strip();
  }

  private ParquetDecodingException corrupt(String why) {
    return new ParquetDecodingException("a corrupt page header at file offset " + fileOffset + ": " + why);
  }
}
