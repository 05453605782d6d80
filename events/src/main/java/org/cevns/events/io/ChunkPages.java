package org.cevns.events.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * The pages of one column chunk held in a heap array, as parquet-java's {@code ParquetFileReader} gives them for a
 * row group it reads whole ({@code Chunk.readAllPages} and {@code ColumnChunkPageReader}), with the page headers read
 * by {@link PageHeaderDecoder}: every header is read, and every page's CRC-32 checked when it has one, when the
 * chunk is opened (pages of unknown or index type skipped); a page is decompressed when it is asked for. The
 * messages of a damaged chunk are parquet-java's where they named the fault (the CRC, a negative size, more than one
 * dictionary page, fewer values than the footer says), and one line naming the header's file offset where parquet-java
 * gave Thrift's internals or a {@code NullPointerException}. Page statistics are not read (null in the pages).
 */
final class ChunkPages implements PageReader {
  private final BytesInputDecompressor decompressor;
  private final long totalValues;
  private final ArrayDeque<DataPage> pages = new ArrayDeque<>();
  private DictionaryPage dictionary;

  /**
   * Reads the headers of the chunk {@code bytes[offset, offset + length)}.
   *
   * @param fileOffset the chunk's offset in its file (messages)
   * @param totalValues the chunk's number of values (its footer metadata)
   * @param column the column's path as parquet-java prints it (messages)
   * @param header a decoder to reuse
   * @param verifyCrc check each page's CRC-32 where its header has one
   */
  ChunkPages(byte[] bytes, int offset, int length, long fileOffset, long totalValues, String column,
      BytesInputDecompressor decompressor, PageHeaderDecoder header, CRC32 crc, boolean verifyCrc)
      throws IOException {
    this.decompressor = decompressor;
    this.totalValues = totalValues;
    int end = offset + length;
    int at = offset;
    long values = 0;
    while (values < totalValues) {
      long headerAt = fileOffset + (at - offset);
      int data = header.decode(bytes, at, end, headerAt);
      int size = header.compressedSize;
      if (header.uncompressedSize < 0) {
        throw new ParquetDecodingException("a corrupt page header at file offset " + headerAt
            + ": negative uncompressed page size " + header.uncompressedSize);
      }
      if (size > end - data) {
        throw new ParquetDecodingException("a corrupt page header at file offset " + headerAt
            + ": a page of " + size + " bytes runs past the end of its column chunk (" + (end - data)
            + " bytes left)");
      }
      at = data + size;
      if (header.type == PageHeaderDecoder.DICTIONARY_PAGE) {
        if (dictionary != null) {
          throw new ParquetDecodingException("more than one dictionary page in column " + column);
        }
        check(verifyCrc, header, crc, bytes, data, size, "could not verify dictionary page integrity, CRC checksum"
            + " verification failed");
        dictionary = new DictionaryPage(BytesInput.from(bytes, data, size), header.uncompressedSize,
            header.numValues, header.encoding);
      } else if (header.type == PageHeaderDecoder.DATA_PAGE) {
        check(verifyCrc, header, crc, bytes, data, size, "could not verify page integrity, CRC checksum verification"
            + " failed");
        pages.add(new DataPageV1(BytesInput.from(bytes, data, size), header.numValues, header.uncompressedSize, null,
            header.repetitionLevelEncoding, header.definitionLevelEncoding, header.encoding));
        values += header.numValues;
      } else if (header.type == PageHeaderDecoder.DATA_PAGE_V2) {
        long levels = (long) header.repetitionLevelsBytes + header.definitionLevelsBytes;
        if (header.repetitionLevelsBytes < 0 || header.definitionLevelsBytes < 0 || levels > size) {
          throw new ParquetDecodingException("a corrupt page header at file offset " + headerAt
              + ": level lengths of " + header.repetitionLevelsBytes + " and " + header.definitionLevelsBytes
              + " bytes in a page of " + size);
        }
        check(verifyCrc, header, crc, bytes, data, size, "could not verify page integrity, CRC checksum verification"
            + " failed");
        int rl = header.repetitionLevelsBytes;
        int dl = header.definitionLevelsBytes;
        pages.add(new DataPageV2(header.numRows, header.numNulls, header.numValues, BytesInput.from(bytes, data, rl),
            BytesInput.from(bytes, data + rl, dl), header.encoding, BytesInput.from(bytes, data + rl + dl, size - rl - dl),
            header.uncompressedSize, null, header.compressed));
        values += header.numValues;
      }
      // other page types (index pages) are skipped, as parquet-java skips them
    }
    if (values != totalValues) {
      throw new IOException("Expected " + totalValues + " values in column chunk " + column + " at file offset "
          + fileOffset + " but got " + values + " values instead over " + pages.size() + " pages ending at file"
          + " offset " + (fileOffset + (at - offset)));
    }
  }

  private static void check(boolean verify, PageHeaderDecoder header, CRC32 crc, byte[] bytes, int offset, int size,
      String message) {
    if (verify && header.hasCrc) {
      crc.reset();
      crc.update(bytes, offset, size);
      if (crc.getValue() != ((long) header.crc & 0xffffffffL)) {
        throw new ParquetDecodingException(message);
      }
    }
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    if (dictionary == null) {
      return null;
    }
    try {
      return new DictionaryPage(decompressor.decompress(dictionary.getBytes(), dictionary.getUncompressedSize()),
          dictionary.getDictionarySize(), dictionary.getEncoding());
    } catch (IOException e) {
      throw new ParquetDecodingException("could not decompress page", e);
    }
  }

  @Override
  public long getTotalValueCount() {
    return totalValues;
  }

  @Override
  public DataPage readPage() {
    DataPage page = pages.poll();
    if (page == null) {
      return null;
    }
    try {
      if (page instanceof DataPageV1 v1) {
        return new DataPageV1(decompressor.decompress(v1.getBytes(), v1.getUncompressedSize()), v1.getValueCount(),
            v1.getUncompressedSize(), null, v1.getRlEncoding(), v1.getDlEncoding(), v1.getValueEncoding());
      }
      DataPageV2 v2 = (DataPageV2) page;
      if (!v2.isCompressed()) {
        return v2;
      }
      int size = Math.toIntExact(v2.getUncompressedSize() - v2.getDefinitionLevels().size()
          - v2.getRepetitionLevels().size());
      return DataPageV2.uncompressed(v2.getRowCount(), v2.getNullCount(), v2.getValueCount(),
          v2.getRepetitionLevels(), v2.getDefinitionLevels(), v2.getDataEncoding(),
          decompressor.decompress(v2.getData(), size), null);
    } catch (IOException e) {
      throw new ParquetDecodingException("could not decompress page", e);
    }
  }
}
