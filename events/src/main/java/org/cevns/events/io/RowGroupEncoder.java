package org.cevns.events.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Encodes and compresses rows of blocks into one Parquet row group held in memory ({@link RowGroup}), with
 * parquet-java's own column writers and page store, the way its {@code InternalParquetRecordWriter} does. Safe
 * to use from several threads at once: each {@link RowGroup} has its own writers and compressor. A row group
 * encoded on a worker thread is then appended to the file by the one writer ({@link ParquetBlockWriter#append}),
 * which only copies its bytes, so the file does not depend on which thread encoded what.
 *
 * @param <B> the block type
 */
final class RowGroupEncoder<B> {
  private final BlockWriteSupport<B> support;
  private final ParquetProperties properties;
  private final CompressionCodecName codec;
  private final Configuration conf;
  private final MessageColumnIO columnIO;

  RowGroupEncoder(BlockWriteSupport<B> support, ParquetProperties properties, CompressionCodecName codec,
      Configuration conf) {
    this.support = support;
    this.properties = properties;
    this.codec = codec;
    this.conf = conf;
    this.columnIO = new ColumnIOFactory(false).getColumnIO(support.schema());
  }

  /** A new, empty row group in memory. */
  RowGroup newRowGroup() {
    return new RowGroup();
  }

  /** Rows {@code [0, rows)} of {@code block} as one complete row group. */
  RowGroup encode(B block, int rows) {
    RowGroup g = new RowGroup();
    try {
      g.write(block, rows);
      g.finish();
      return g;
    } catch (RuntimeException | Error e) {
      g.release();
      throw e;
    }
  }

  /** One row group being written or complete: compressed pages in memory, with their statistics and indexes. */
  final class RowGroup {
    private final CodecFactory codecs;
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore columns;
    private final RecordConsumer consumer;
    private long rows;
    private boolean finished;
    private boolean released;

    private RowGroup() {
      codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
      pages = new ColumnChunkPageWriteStore(codecs.getCompressor(codec), support.schema(), properties.getAllocator(),
          properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
      columns = properties.newColumnWriteStore(support.schema(), pages, pages);
      consumer = columnIO.getRecordWriter(columns);
    }

    /** Adds rows {@code [0, n)} of {@code block}. */
    void write(B block, int n) {
      write(block, 0, n);
    }

    /** Adds rows {@code [from, to)} of {@code block}. */
    void write(B block, int from, int to) {
      if (finished) {
        throw new IllegalStateException("row group is complete");
      }
      for (int i = from; i < to; i++) {
        support.writeRow(consumer, block, i);
      }
      rows += to - from;
    }

    /** Rows held. */
    long rows() {
      return rows;
    }

    /** Bytes buffered so far (encoded, partly compressed), for row-group size limits. */
    long bufferedSizeBytes() {
      return columns.getBufferedSize();
    }

    /** Writes the last pages of every column (compressing them); no rows can be added after. */
    void finish() {
      if (!finished) {
        finished = true;
        consumer.flush();
        columns.flush();
      }
    }

    /** Writes this row group as the next one of {@code file} and releases it; must be {@link #finish}ed. */
    void writeTo(ParquetFileWriter file) throws IOException {
      try {
        finish();
        if (rows > 0) {
          file.startBlock(rows);
          pages.flushToFileWriter(file);
          file.endBlock();
        }
      } finally {
        release();
      }
    }

    /** Frees the buffers; idempotent. */
    void release() {
      if (released) {
        return;
      }
      released = true;
      try {
        columns.close();
        pages.close();
      } finally {
        codecs.release();
      }
    }
  }
}
