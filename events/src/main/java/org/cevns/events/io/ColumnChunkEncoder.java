package org.cevns.events.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.io.ParquetEncodingException;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Encodes one flat column of a row group straight from the block arrays into v1 data pages, without parquet-java's
 * record shredding, and hands them to a {@link PageWriter} (parquet-java's page store compresses them and keeps the
 * statistics, column and offset indexes). The pages are those parquet-java's {@code ColumnWriterV1} writes with
 * cevns' properties (see {@link #supports}):
 *
 * <ul>
 *   <li>no repetition levels; definition levels of an OPTIONAL column RLE/bit-packed (width 1, 4-byte length
 *       prefix), none for a REQUIRED one;
 *   <li>values PLAIN (8- or 4-byte little-endian numbers, bit-packed booleans, 4-byte length + bytes for strings),
 *       BYTE_STREAM_SPLIT for doubles that enable it ({@link SplitStreams}; those have no dictionary),
 *       DELTA_BINARY_PACKED for 64-bit integers without dictionary ({@link DeltaLongs}: parquet-java's bytes), or, with
 *       dictionary encoding, PLAIN_DICTIONARY ids (bit-width byte, then RLE/bit-packed) and one PLAIN
 *       dictionary page with the entries in order of first appearance; the dictionary is abandoned as parquet-java
 *       does: for the whole chunk if the first page is not smaller with it ({@code ids + dictionary < plain}), from
 *       the current page on if it grows beyond the dictionary page size;
 *   <li>pages end where the caller says ({@link PageSchedule}: where parquet-java's size checks end them);
 *   <li>page statistics (min, max, null count) as parquet-java's, size statistics (string bytes), no bloom filter.
 * </ul>
 *
 * Not thread-safe; one per column and row group.
 */
final class ColumnChunkEncoder<B> {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final BlockColumn<B> column;
  private final PrimitiveType type;
  private final PrimitiveTypeName primitive;
  private final PageWriter pages;
  private final boolean optional;
  private final int pageSizeBytes;
  private final int maxDictionaryBytes;
  private final boolean statistics;
  private final boolean sizeStatistics;
  private final ColumnValues<B> values;
  /** Values BYTE_STREAM_SPLIT instead of PLAIN (doubles without dictionary, see {@link #supports}). */
  private final boolean byteStreamSplit;
  private final ChunkDictionary dictionary;
  /** The current page's values; null once handed back by {@link #takePageValues()}. */
  private PageValues page;
  /** Definition levels of an OPTIONAL column (a 4-byte length, then RLE/bit-packed, width 1), else null. */
  private final HybridEncoder levels;
  private boolean dictionaryActive;
  private boolean dictionaryUsed;
  private boolean firstPage = true;
  private int lastUsedDictionarySize;
  private int pageRows;
  private int pageNulls;
  private long rowsWritten;

  ColumnChunkEncoder(BlockColumn<B> column, ColumnDescriptor descriptor, PageWriter pages, ParquetProperties props) {
    this(column, descriptor, pages, props, null);
  }

  /**
   * As above, filling {@code recycled} (empty, from {@link #takePageValues()} of an encoder of the same column and
   * properties) instead of new page buffers when it is not null.
   */
  ColumnChunkEncoder(BlockColumn<B> column, ColumnDescriptor descriptor, PageWriter pages, ParquetProperties props,
      PageValues recycled) {
    this.column = column;
    this.type = descriptor.getPrimitiveType();
    this.primitive = type.getPrimitiveTypeName();
    this.pages = pages;
    this.optional = descriptor.getMaxDefinitionLevel() > 0;
    this.pageSizeBytes = props.getPageSizeThreshold();
    this.maxDictionaryBytes = props.getDictionaryPageSizeThreshold();
    this.statistics = props.getStatisticsEnabled(descriptor);
    this.sizeStatistics = props.getSizeStatisticsEnabled(descriptor);
    this.values = new ColumnValues<>(column, primitive);
    boolean dict = primitive != PrimitiveTypeName.BOOLEAN && props.isDictionaryEnabled(descriptor);
    this.dictionary = dict ? new ChunkDictionary(primitive, values.strings()) : null;
    this.dictionaryActive = dict;
    this.byteStreamSplit = primitive == PrimitiveTypeName.DOUBLE && props.isByteStreamSplitEnabled(descriptor);
    int width = switch (primitive) {
      case INT64, DOUBLE -> 8;
      case INT32 -> 4;
      case BOOLEAN -> 1;
      default -> 16;
    };
    int pageRowLimit = props.getPageRowCountLimit();
    int plainBytes = dict ? 1 << 12 : (int) Math.min((long) pageRowLimit * width, pageSizeBytes + 64L);
    if (recycled != null) {
      // parquet-java's delta writer keeps the first value of its last page through reset() and writes it in the
      // header of a page without values (and stale deltas and bit widths, see DeltaLongs): a writer of another row
      // group (whichever finished first) would make such pages depend on the threads; parquet-java's record writer
      // starts every row group with a new one
      recycled.renewDelta();
    }
    this.page = recycled != null ? recycled : new PageValues(type, plainBytes, byteStreamSplit,
        PlainValuesWriters.deltaEncoded(descriptor, props) ? new DeltaLongs(props.getInitialSlabSize()) : null);
    this.levels = optional ? new HybridEncoder() : null;
    if (optional) {
      levels.reset(1, 4);
    }
  }

  /**
   * True if every column can be encoded here: flat INT32, INT64, DOUBLE, BOOLEAN or BINARY columns, v1 pages,
   * byte-stream split only for doubles without dictionary, no bloom filter, no encryption; otherwise the caller
   * shreds records with parquet-java.
   */
  static boolean supports(List<ColumnDescriptor> columns, ParquetProperties props) {
    if (props.getWriterVersion() != ParquetProperties.WriterVersion.PARQUET_1_0) {
      return false;
    }
    for (ColumnDescriptor d : columns) {
      switch (d.getPrimitiveType().getPrimitiveTypeName()) {
        case INT32, INT64, DOUBLE, BOOLEAN, BINARY -> { }
        default -> {
          return false;
        }
      }
      boolean split = props.isByteStreamSplitEnabled(d);
      if (split && (d.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.DOUBLE
          || props.isDictionaryEnabled(d))) {
        return false;
      }
      if (d.getMaxRepetitionLevel() != 0 || d.getMaxDefinitionLevel() > 1 || props.isBloomFilterEnabled(d)) {
        return false;
      }
    }
    return true;
  }

  /** Adds rows {@code [from, to)} of {@code block} to the current page (the caller decides when pages end). */
  void write(B block, int from, int to) {
    if (optional) {
      // a run of nulls or of values at a time: the levels as a run, the values as a range of a REQUIRED column
      for (int row = from; row < to; ) {
        boolean isNull = column.isNull(block, row);
        int end = row + 1;
        while (end < to && column.isNull(block, end) == isNull) {
          end++;
        }
        levels.writeRun(isNull ? 0 : 1, end - row);
        if (isNull) {
          pageNulls += end - row;
        } else {
          writeValues(block, row, end);
        }
        row = end;
      }
    } else {
      writeValues(block, from, to);
    }
    pageRows += to - from;
  }

  /** Adds the values of rows {@code [from, to)}, none null. */
  private void writeValues(B block, int from, int to) {
    int row = from;
    if (dictionaryActive && (values.hasCodes() || values.hasInts())) {
      row = values.hasCodes() ? values.addCodes(block, from, to, dictionary, page, maxDictionaryBytes)
          : values.addIntIds(block, from, to, dictionary, page, maxDictionaryBytes);
      if (dictionary.byteSize() > maxDictionaryBytes) {
        fallBack();
      }
    }
    if (dictionaryActive) {
      for (; row < to; row++) {
        addValue(block, row);
      }
    } else if (!values.addPlainRange(block, row, to, page)) {
      for (; row < to; row++) {
        values.addPlain(block, row, page);
      }
    }
  }

  /** Rows of the current page. */
  int pageRows() {
    return pageRows;
  }

  /** Rows in pages written so far. */
  long rowsWritten() {
    return rowsWritten;
  }

  private void addValue(B block, int row) {
    if (!dictionaryActive) {
      values.addPlain(block, row, page);
      return;
    }
    int id = values.addToDictionary(block, row, dictionary, page);
    page.addIds(id, 1);
    if (dictionary.byteSize() > maxDictionaryBytes) {
      fallBack();
    }
  }

  /** Bytes buffered for the current page, as parquet-java counts them for its page size check. */
  long bufferedPageBytes() {
    long v = page == null ? 0 : dictionary != null ? page.rawBytes() : page.plainBytes();
    return optional ? v + levels.bufferedSize() : v;
  }

  /** Bytes buffered, encoded but not yet in a page, for row group size limits. */
  long bufferedBytes() {
    return bufferedPageBytes() + pages.getMemSize();
  }

  /** The current page's dictionary ids re-encoded PLAIN; the chunk continues without dictionary. */
  private void fallBack() {
    dictionaryActive = false;
    page.idsToPlain(dictionary);
    if (lastUsedDictionarySize == 0) {
      dictionary.clear();
    }
  }

  /** Writes the current page, if it holds rows. */
  void writePage() {
    if (pageRows == 0) {
      return;
    }
    try {
      BytesInput data;
      Encoding encoding = Encoding.PLAIN;
      if (dictionaryActive) {
        int bitWidth = BytesUtils.getWidthFromMaxInt(dictionary.size() - 1);
        data = page.ids(bitWidth);
        int usedSize = dictionary.size();
        if (firstPage && data.size() + dictionary.byteSize() >= page.rawBytes()) {
          lastUsedDictionarySize = usedSize; // as parquet-java, whose check comes after encoding the ids
          fallBack();
          data = page.plain();
        } else {
          lastUsedDictionarySize = usedSize;
          dictionaryUsed = true;
          encoding = Encoding.PLAIN_DICTIONARY;
        }
      } else if (byteStreamSplit) {
        data = page.byteStreamSplit();
        encoding = Encoding.BYTE_STREAM_SPLIT;
      } else if (page.isDelta()) {
        data = page.deltaBinaryPacked();
        encoding = Encoding.DELTA_BINARY_PACKED;
      } else {
        data = page.plain();
      }
      BytesInput bytes = optional ? BytesInput.concat(levels(), data) : data;
      pages.writePage(bytes, pageRows, pageRows, page.statistics(statistics, pageNulls, dictionary, type),
          sizeStatistics(), GeospatialStatistics.newBuilder(type).build(), Encoding.BIT_PACKED,
          optional ? Encoding.RLE : Encoding.BIT_PACKED, encoding);
    } catch (IOException e) {
      throw new ParquetEncodingException("could not write page for " + column.name(), e);
    }
    if (optional) {
      levels.reset(1, 4);
    }
    page.reset();
    rowsWritten += pageRows;
    pageRows = 0;
    pageNulls = 0;
    firstPage = false;
  }

  /** The definition levels of the page: their length (4 bytes, little-endian), then the levels. */
  private BytesInput levels() {
    BytesInput b = levels.finish();
    int n = (int) levels.bufferedSize();
    for (int k = 0; k < 4; k++) {
      levels.setPrefix(k, (byte) (n >>> (8 * k)));
    }
    return b;
  }

  private SizeStatistics sizeStatistics() {
    if (!sizeStatistics) {
      return SizeStatistics.noopBuilder(type, 0, optional ? 1 : 0).build();
    }
    return new SizeStatistics(type, primitive == PrimitiveTypeName.BINARY ? page.stringBytes() : 0, List.of(),
        List.of());
  }

  /** Writes the last page and the dictionary page (if any page used it); no rows can be added after. */
  void finish() {
    writePage();
    if (dictionaryUsed) {
      try {
        pages.writeDictionaryPage(new DictionaryPage(dictionary.page(lastUsedDictionarySize), lastUsedDictionarySize,
            Encoding.PLAIN_DICTIONARY));
      } catch (IOException e) {
        throw new ParquetEncodingException("could not write dictionary page for " + column.name(), e);
      }
    }
  }

  /**
   * After {@link #finish}: the (empty) page buffers, for an encoder of the same column in a later row group; this
   * encoder keeps none.
   */
  PageValues takePageValues() {
    PageValues p = page;
    page = null;
    return p;
  }

  /** Frees the level buffers; idempotent (nothing is held outside the Java heap). */
  void release() {
  }

  static void putLong(byte[] bytes, int at, long v) {
    LONGS.set(bytes, at, v);
  }

  static void putInt(byte[] bytes, int at, int v) {
    INTS.set(bytes, at, v);
  }
}
