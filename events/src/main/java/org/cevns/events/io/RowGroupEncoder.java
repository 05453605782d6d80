package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Encodes and compresses rows of blocks into one Parquet row group held in memory ({@link RowGroup}): column by
 * column straight from the block arrays ({@link ColumnChunkEncoder}) when the columns and properties allow (v1
 * pages, the cevns column types), else with parquet-java's own column writers and record shredding, the way its
 * {@code InternalParquetRecordWriter} does; the pages go to parquet-java's page store in both cases. Safe
 * to use from several threads at once: each {@link RowGroup} has its own writers and compressor. A row group
 * encoded on a worker thread is then appended to the file by the one writer ({@link ParquetBlockWriter#append}),
 * which only copies its bytes, so the file does not depend on which thread encoded what.
 *
 * @param <B> the block type
 */
final class RowGroupEncoder<B> {
  private final BlockWriteSupport<B> support;
  private final ParquetProperties properties;
  private final PageCompression compression;
  private final MessageColumnIO columnIO;
  private final boolean columnwise;
  private final BlockColumn<B>[] blockColumns;
  /** The schema's columns, listed once ({@code MessageType.getColumns} builds the list on every call). */
  private final List<ColumnDescriptor> descriptors;
  /**
   * Page buffers of finished row groups, one per column, for the next row groups (any thread): without them every
   * row group allocated ~3.6 MB of page buffers for 65,536 truth events.
   */
  private final Queue<PageValues[]> spare = new ConcurrentLinkedQueue<>();
  /** Compressed-page buffers of written row groups, for the next row groups (any thread; {@link PageSlabs}). */
  private final Queue<PageSlabs> spareSlabs = new ConcurrentLinkedQueue<>();

  RowGroupEncoder(BlockWriteSupport<B> support, ParquetProperties properties, PageCompression compression) {
    this(support, properties, compression, false);
  }

  /** As above; with {@code recordShredding} always through parquet-java's record writer (tests compare the two). */
  RowGroupEncoder(BlockWriteSupport<B> support, ParquetProperties properties, PageCompression compression,
      boolean recordShredding) {
    this.support = support;
    this.properties = properties;
    this.compression = compression;
    this.columnIO = new ColumnIOFactory(false).getColumnIO(support.schema());
    this.descriptors = support.schema().getColumns();
    this.columnwise = !recordShredding && ColumnChunkEncoder.supports(descriptors, properties);
    this.blockColumns = support.columns();
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

  @SuppressWarnings("unchecked")
  private ColumnChunkEncoder<B>[] newEncoders(ColumnChunkPageWriteStore pages) {
    ColumnChunkEncoder<B>[] e = new ColumnChunkEncoder[descriptors.size()];
    PageValues[] recycled = spare.poll();
    for (int c = 0; c < e.length; c++) {
      ColumnDescriptor d = descriptors.get(c);
      e[c] = new ColumnChunkEncoder<>(blockColumns[c], d, pages.getPageWriter(d), properties,
          recycled == null ? null : recycled[c]);
    }
    return e;
  }

  /** Hands the page buffers of finished encoders to the next row group. */
  private void recycle(ColumnChunkEncoder<B>[] encoders) {
    PageValues[] p = new PageValues[encoders.length];
    for (int c = 0; c < p.length; c++) {
      p[c] = encoders[c].takePageValues();
    }
    spare.offer(p);
  }

  /** One row group being written or complete: compressed pages in memory, with their statistics and indexes. */
  final class RowGroup {
    private final BytesInputCompressor compressor;
    private final PageSlabs slabs;
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore columns;
    private final RecordConsumer consumer;
    private final ColumnChunkEncoder<B>[] encoders;
    private final PageSchedule schedule;
    private long rows;
    private boolean finished;
    private boolean released;

    private RowGroup() {
      compressor = compression.newCompressor();
      PageSlabs reused = spareSlabs.poll();
      slabs = reused != null ? reused : new PageSlabs();
      pages = new ColumnChunkPageWriteStore(compressor, support.schema(), slabs,
          properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
      if (columnwise) {
        columns = null;
        consumer = null;
        encoders = newEncoders(pages);
        schedule = new PageSchedule(properties);
      } else {
        columns = properties.newColumnWriteStore(support.schema(), pages, pages);
        consumer = columnIO.getRecordWriter(columns);
        encoders = null;
        schedule = null;
      }
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
      if (encoders != null) {
        // column by column between two of parquet-java's page size checks, which end the pages
        for (int at = from; at < to; ) {
          int end = (int) Math.min(to, at + schedule.rowsToNextCheck());
          for (ColumnChunkEncoder<B> e : encoders) {
            e.write(block, at, end);
          }
          schedule.added(end - at, encoders);
          at = end;
        }
      } else {
        for (int i = from; i < to; i++) {
          support.writeRow(consumer, block, i);
        }
      }
      rows += to - from;
    }

    /** Rows held. */
    long rows() {
      return rows;
    }

    /** Bytes buffered so far (encoded, partly compressed), for row-group size limits. */
    long bufferedSizeBytes() {
      if (encoders == null) {
        return columns.getBufferedSize();
      }
      long bytes = 0;
      for (ColumnChunkEncoder<B> e : encoders) {
        bytes += e.bufferedBytes();
      }
      return bytes;
    }

    /** Writes the last pages of every column (compressing them); no rows can be added after. */
    void finish() {
      if (!finished) {
        finished = true;
        if (encoders != null) {
          for (ColumnChunkEncoder<B> e : encoders) {
            e.finish();
          }
          recycle(encoders);
        } else {
          consumer.flush();
          columns.flush();
        }
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
        if (encoders != null) {
          for (ColumnChunkEncoder<B> e : encoders) {
            e.release();
          }
        } else {
          columns.close();
        }
        pages.close();
        // the pages are written (or dropped): their buffers serve the next row group
        slabs.reset();
        spareSlabs.offer(slabs);
      } finally {
        compressor.release();
      }
    }
  }
}
