package org.cevns.events.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the pages of one flat (non-repeated) column chunk straight into a {@link ColumnTarget}, in bulk:
 * dictionary ids and definition levels with {@link HybridDecoder}, PLAIN fixed-width numbers with a
 * little-endian buffer copy, BYTE_STREAM_SPLIT numbers (cevns' doubles) gathered from their byte streams into
 * that PLAIN layout first, PLAIN booleans (bit-packed, least significant bit first) and PLAIN strings
 * (4-byte little-endian length, then the UTF-8 bytes; Parquet writes these when it abandons a column chunk's
 * dictionary) straight from the page buffer. Other value encodings (DELTA_*, RLE booleans)
 * go value by value through Parquet's own {@link ValuesReader}. Data pages v1 (RLE levels) and v2 are read.
 * Nulls: the non-null values are decoded compactly and then spread over their rows.
 */
final class PageColumnReader {
  private enum Mode { DICTIONARY, PLAIN, SPLIT_DOUBLES, PLAIN_BOOLEAN, PLAIN_STRING, GENERIC }

  private final ColumnDescriptor descriptor;
  private final PageReader pages;
  private final ColumnTarget target;
  private final int maxDefinition;
  private final int levelBitWidth;
  private final Dictionary dictionary;
  /** Takes back the arrays of decoded pages; null: pages are not recycled. */
  private final ZstdReadCodecs codecs;
  /** The bytes of the current data page (v1: the whole page; v2: its values), handed back on the next page. */
  private ByteBuffer pageBytes;
  private final HybridDecoder ids = new HybridDecoder();
  private final HybridDecoder definitions = new HybridDecoder();
  /**
   * Dictionary ids and definition levels of one call, per thread: filled and consumed within one call of
   * {@link #readValues} or {@link #readLevelled}, so the readers of a thread share them (a reader lives for one
   * row group; arrays of its own were allocated anew for every row group).
   */
  private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][] {new int[0],
      new int[0]});
  /** BYTE_STREAM_SPLIT pages gathered into PLAIN order (lent by the codecs while the page is read, if pooled). */
  private byte[] unsplit = new byte[0];
  private boolean unsplitLent;
  private Mode mode;
  private ByteBuffer plain;
  /**
   * PLAIN_BOOLEAN: index of the next bit in {@link #plain}; PLAIN_STRING: offset of the next value; SPLIT_DOUBLES:
   * index of the next value of the split page.
   */
  private long plainAt;
  /** SPLIT_DOUBLES: the split page's bytes, its first stream's offset in them and its number of values. */
  private byte[] split;
  private int splitBase;
  private int splitValues;
  private ValuesReader generic;
  private long left;

  PageColumnReader(ColumnDescriptor descriptor, PageReader pages, ColumnTarget target) throws IOException {
    this(descriptor, pages, target, null);
  }

  /**
   * A reader whose page arrays go back to {@code codecs} (the reader's codec factory) once decoded; the dictionary
   * page's array is kept by the dictionary and {@link ZstdReadCodecs#forget forgotten}.
   */
  PageColumnReader(ColumnDescriptor descriptor, PageReader pages, ColumnTarget target, ZstdReadCodecs codecs)
      throws IOException {
    if (descriptor.getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("column " + target.column() + " is repeated; only flat columns are read");
    }
    this.descriptor = descriptor;
    this.pages = pages;
    this.target = target;
    this.codecs = codecs;
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    this.levelBitWidth = BytesUtils.getWidthFromMaxInt(maxDefinition);
    DictionaryPage page = pages.readDictionaryPage();
    if (page == null) {
      this.dictionary = null;
    } else {
      // the bytes once (a stream of another codec reads only once), kept by the dictionary: never recycled
      ByteBuffer dictionaryBytes = bytes(page.getBytes());
      if (codecs != null) {
        codecs.forget(dictionaryBytes);
      }
      this.dictionary = page.getEncoding().initDictionary(descriptor,
          new DictionaryPage(BytesInput.from(dictionaryBytes), page.getDictionarySize(), page.getEncoding()));
    }
    if (dictionary != null && target.hasDictionarySupport()) {
      target.setDictionary(dictionary);
    }
  }

  /** Reads the next {@code n} rows into the target at its position. */
  void read(int n) throws IOException {
    while (n > 0) {
      if (left == 0) {
        nextPage();
        continue;
      }
      int k = (int) Math.min(n, left);
      readChunk(k);
      left -= k;
      n -= k;
    }
  }

  private void readChunk(int k) throws IOException {
    int start = target.position();
    if (maxDefinition == 0) {
      readValues(k);
      target.clearNulls(start, k);
      return;
    }
    while (k > 0) {
      // a run of non-null rows (a column without nulls is one run a page): no levels to look at one by one
      int run = definitions.skipRepeated(maxDefinition, k);
      if (run > 0) {
        readValues(run);
        target.clearNulls(start, run);
      } else {
        run = definitions.runLength(k);
        readLevelled(start, run);
      }
      start += run;
      k -= run;
    }
  }

  /** Reads {@code k} rows from {@code start} whose definition levels are read one by one. */
  private void readLevelled(int start, int k) throws IOException {
    int[] defs = scratch(1, k);
    definitions.read(defs, 0, k);
    int m = 0;
    for (int i = 0; i < k; i++) {
      if (defs[i] == maxDefinition) {
        m++;
      }
    }
    readValues(m);
    if (m == k) {
      target.clearNulls(start, k);
    } else {
      target.spread(start, k, m, defs, maxDefinition);
    }
  }

  /** Stores the next {@code m} non-null values compactly at the target's position. */
  private void readValues(int m) throws IOException {
    switch (mode) {
      case DICTIONARY -> {
        int[] idScratch = scratch(0, m);
        ids.read(idScratch, 0, m);
        target.putDictionaryIds(idScratch, m);
      }
      case PLAIN -> target.putPlain(plain, m);
      case SPLIT_DOUBLES -> {
        ((FloatTargets.Doubles) target).putSplit(split, splitBase, splitValues, (int) plainAt, m);
        plainAt += m;
      }
      case PLAIN_BOOLEAN -> {
        ((IntegerTargets.Booleans) target).putPlainBits(plain, plainAt, m);
        plainAt += m;
      }
      case PLAIN_STRING -> {
        ByteBuffer b = plain;
        StringTargets.Strings strings = (StringTargets.Strings) target;
        int at = (int) plainAt;
        for (int i = 0; i < m; i++) {
          int length = b.getInt(at);
          strings.addUtf8(b, at + Integer.BYTES, length);
          at += Integer.BYTES + length;
        }
        plainAt = at;
      }
      case GENERIC -> {
        PrimitiveTypeName type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        for (int i = 0; i < m; i++) {
          switch (type) {
            case DOUBLE -> target.addDouble(generic.readDouble());
            case FLOAT -> target.addFloat(generic.readFloat());
            case INT64 -> target.addLong(generic.readLong());
            case INT32 -> target.addInt(generic.readInteger());
            case BOOLEAN -> target.addBoolean(generic.readBoolean());
            case BINARY -> target.addBinary(generic.readBytes());
            default -> throw new ParquetDecodingException("column " + target.column() + ": unsupported type " + type);
          }
        }
      }
      default -> throw new IllegalStateException("no page");
    }
  }

  /** The calling thread's scratch array {@code which} (0: ids, 1: levels) of at least {@code n} entries. */
  private static int[] scratch(int which, int n) {
    int[][] s = SCRATCH.get();
    if (s[which].length < n) {
      s[which] = new int[Math.max(n, s[which].length + (s[which].length >> 1))];
    }
    return s[which];
  }

  /** Hands the current page's array back to the codecs (the reader reads no more of it). */
  void releasePage() {
    if (codecs != null && pageBytes != null) {
      codecs.recycle(pageBytes);
    }
    if (unsplitLent) {
      codecs.giveBack(unsplit);
      unsplit = new byte[0];
      unsplitLent = false;
    }
    pageBytes = null;
    plain = null;
    split = null;
    generic = null;
  }

  private void nextPage() throws IOException {
    releasePage();
    DataPage page = pages.readPage();
    if (page == null) {
      throw new ParquetDecodingException("column " + target.column() + ": pages hold fewer values than rows");
    }
    left = page.getValueCount();
    if (page instanceof DataPageV1 v1) {
      pageBytes = bytes(v1.getBytes());
      ByteBuffer buf = pageBytes.slice().order(ByteOrder.LITTLE_ENDIAN);
      if (maxDefinition > 0) {
        if (v1.getDlEncoding() != Encoding.RLE) {
          throw new ParquetDecodingException("column " + target.column() + ": definition levels encoded as "
              + v1.getDlEncoding() + " are not supported by ReadPath.PAGES; use ReadPath.COLUMNS");
        }
        int length = buf.getInt();
        ByteBuffer levels = buf.slice();
        levels.limit(length);
        definitions.init(levels, levelBitWidth);
        buf.position(buf.position() + length);
      }
      startValues(v1.getValueEncoding(), buf.slice().order(ByteOrder.LITTLE_ENDIAN), page.getValueCount());
    } else if (page instanceof DataPageV2 v2) {
      if (maxDefinition > 0) {
        definitions.init(bytes(v2.getDefinitionLevels()).slice(), levelBitWidth);
      }
      pageBytes = bytes(v2.getData());
      startValues(v2.getDataEncoding(), pageBytes.slice().order(ByteOrder.LITTLE_ENDIAN),
          page.getValueCount() - v2.getNullCount());
    } else {
      throw new ParquetDecodingException("column " + target.column() + ": unknown page type " + page);
    }
  }

  /**
   * The page bytes as a heap buffer. Uses the deprecated {@code toByteBuffer()}: in Parquet 1.16 its
   * replacement {@code toByteBuffer(ByteBufferReleaser)} fails on LZ4_RAW pages ("all input must be consumed",
   * seen in {@code TruthRoundTripTest}).
   */
  @SuppressWarnings("deprecation")
  private static ByteBuffer bytes(BytesInput in) throws IOException {
    return in.toByteBuffer();
  }

  private void startValues(Encoding encoding, ByteBuffer values, int count) throws IOException {
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new ParquetDecodingException("column " + target.column() + ": dictionary-encoded page without dictionary");
      }
      int bitWidth = values.get() & 0xff;
      ids.init(values, bitWidth);
      mode = Mode.DICTIONARY;
    } else if (encoding == Encoding.PLAIN && target.takesPlain()) {
      plain = values;
      mode = Mode.PLAIN;
    } else if (encoding == Encoding.BYTE_STREAM_SPLIT && target instanceof FloatTargets.Doubles && values.hasArray()
        && descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE) {
      // straight from the streams into the doubles, without the PLAIN copy (cevns' energies and times)
      int size = values.remaining();
      if (size % Double.BYTES != 0) {
        throw new ParquetDecodingException("column " + target.column() + ": BYTE_STREAM_SPLIT page of " + size
            + " bytes is not a multiple of " + Double.BYTES);
      }
      split = values.array();
      splitBase = values.arrayOffset() + values.position();
      splitValues = size / Double.BYTES;
      plainAt = 0;
      mode = Mode.SPLIT_DOUBLES;
    } else if (encoding == Encoding.BYTE_STREAM_SPLIT && target.takesPlain()) {
      plain = gather(values);
      mode = Mode.PLAIN;
    } else if (encoding == Encoding.PLAIN && target instanceof IntegerTargets.Booleans) {
      plain = values.slice();
      plainAt = 0;
      mode = Mode.PLAIN_BOOLEAN;
    } else if (encoding == Encoding.PLAIN && target instanceof StringTargets.Strings) {
      plain = values.slice().order(ByteOrder.LITTLE_ENDIAN);
      plainAt = 0;
      mode = Mode.PLAIN_STRING;
    } else {
      generic = encoding.getValuesReader(descriptor, ValuesType.VALUES);
      generic.initFromPage(count, ByteBufferInputStream.wrap(values));
      mode = Mode.GENERIC;
    }
  }

  /**
   * The values of a BYTE_STREAM_SPLIT page (stream k holds byte k of every value) in PLAIN order, little-endian:
   * value i is byte i of each stream in turn.
   */
  private ByteBuffer gather(ByteBuffer values) {
    int width = switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case DOUBLE, INT64 -> 8;
      case FLOAT, INT32 -> 4;
      default -> throw new ParquetDecodingException("column " + target.column() + ": BYTE_STREAM_SPLIT of "
          + descriptor.getPrimitiveType().getPrimitiveTypeName() + " is not supported by ReadPath.PAGES");
    };
    int size = values.remaining();
    if (size % width != 0) {
      throw new ParquetDecodingException("column " + target.column() + ": BYTE_STREAM_SPLIT page of " + size
          + " bytes is not a multiple of " + width);
    }
    byte[] in;
    int base;
    if (values.hasArray()) {
      in = values.array();
      base = values.arrayOffset() + values.position();
    } else {
      in = new byte[size];
      values.duplicate().get(in);
      base = 0;
    }
    if (codecs != null) {
      unsplit = codecs.take(size); // handed back with the page (releasePage)
      unsplitLent = true;
    } else if (unsplit.length < size) {
      unsplit = new byte[size];
    }
    byte[] out = unsplit;
    ByteStreamUnsplit.unsplit(in, base, size, width, out);
    return ByteBuffer.wrap(out, 0, size).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
