package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes columnar blocks of type {@code B} to one Parquet file; the columns ({@link BlockColumn}) define the
 * schema. Rows given to {@link #write} are encoded here and collected into row groups of about
 * {@link WriteOptions#rowGroupSizeBytes()}; a row group encoded elsewhere, e.g. on a worker thread with
 * {@link #encode}, is appended whole by {@link #append} (after the rows written so far), so that callers who
 * encode every block as its own row group get the same file whichever thread encoded it. Not thread-safe,
 * except {@link #encode}. This class writes exactly where it is told; for the temporary-file-and-rename
 * protocol use {@link StagedParquetFile}.
 *
 * <p>Built on parquet-java's {@link ParquetFileWriter} and page store, as its {@code ParquetWriter} is; the
 * bytes of a row group are those {@code ParquetWriter} writes for the same rows and options, though with v1 pages
 * the values are encoded column by column from the blocks ({@link ColumnChunkEncoder}) instead of record by
 * record.
 *
 * @param <B> the block type
 */
public final class ParquetBlockWriter<B> implements AutoCloseable {
  private final ParquetFileWriter file;
  private final BlockWriteSupport<B> support;
  private final RowGroupEncoder<B> encoder;
  private final ParquetProperties props;
  /**
   * Most rows in a data page: 65,536, one block of {@code generate} (parquet-java's default is 20,000). A block's
   * double column (512 KiB) is then one page, not four: a quarter of the per-page work (statistics, page headers,
   * column and offset index entries, one zstd frame each) and 2.4 % smaller coherent-lar files at ZSTD level 1
   * (docs/performance-history.md, "Parquet encoding (thirteenth session)"); pages still end at the page size.
   */
  static final int PAGE_ROW_COUNT_LIMIT = 1 << 16;
  /** Rows written between two checks of the current row group's size in {@link #write}. */
  static final int SIZE_CHECK_ROWS = 4096;
  private final long rowGroupSizeBytes;
  private RowGroupEncoder<B>.RowGroup pending;
  private long rows;
  private long writtenBytes;
  private boolean closed;
  /** Footer through parquet-java's {@code end} instead of {@link FooterWriter} (tests compare the two). */
  private boolean parquetEnd;
  private boolean footerWriterEnded;

  private ParquetBlockWriter(ParquetFileWriter file, BlockWriteSupport<B> support, RowGroupEncoder<B> encoder,
      ParquetProperties props, long rowGroupSizeBytes) {
    this.file = file;
    this.support = support;
    this.encoder = encoder;
    this.props = props;
    this.rowGroupSizeBytes = rowGroupSizeBytes;
  }

  /**
   * Opens a writer. The file must not exist (Parquet's CREATE mode).
   *
   * @param file where to write (e.g. {@code HadoopOutputFile.fromPath(path, conf)})
   * @param messageName the Parquet message (schema) name
   * @param columns the columns, in file order; names unique
   * @param metadata key-value metadata for the footer; more can be added until close with
   *     {@link #putFinalMetadata}
   * @param options compression, row group and page sizes, writer version ({@code overwrite} is not used here)
   * @param conf Hadoop configuration (codec settings such as {@code parquet.compression.codec.zstd.level}); the
   *     pages are compressed by parquet-java's Hadoop codec factory
   */
  public static <B> ParquetBlockWriter<B> open(OutputFile file, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    Objects.requireNonNull(conf, "conf");
    Objects.requireNonNull(options, "options");
    return open(file, messageName, columns, metadata, options,
        HadoopCompression.of(conf, options.compression(), options.pageSizeBytes()), false);
  }

  /**
   * As above, without Hadoop: ZSTD (parquet-java's bytes at its default level) and uncompressed pages load no
   * Hadoop class ({@link PageCompression#hadoopFree}); with a local {@code file} such as parquet-java's
   * {@code LocalOutputFile} nothing of Hadoop is used.
   */
  public static <B> ParquetBlockWriter<B> open(OutputFile file, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    return open(file, messageName, columns, metadata, options,
        PageCompression.hadoopFree(options.compression(), options.pageSizeBytes()), false);
  }

  /**
   * As above, compressing pages with {@code compression}; with {@code recordShredding} every row group through
   * parquet-java's record writer (for tests).
   */
  static <B> ParquetBlockWriter<B> open(OutputFile file, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options, PageCompression compression, boolean recordShredding)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(compression, "compression");
    checkMetadata(metadata);
    BlockWriteSupport<B> support = new BlockWriteSupport<>(messageName, columns, metadata);
    ParquetProperties props = properties(columns, options);
    // no padding: row groups follow each other (ParquetWriter pads only for HDFS block alignment); large writes
    // instead of parquet-java's 8 KiB pieces, one system call each on the writer thread (LargeWritesOutputFile)
    ParquetFileWriter writer = new ParquetFileWriter(LargeWritesOutputFile.of(file), support.schema(),
        ParquetFileWriter.Mode.CREATE, options.rowGroupSizeBytes(), 0, null, props);
    boolean started = false;
    try {
      writer.start();
      started = true;
    } finally {
      if (!started) {
        writer.close();
      }
    }
    return new ParquetBlockWriter<>(writer, support,
        new RowGroupEncoder<>(support, props, compression, recordShredding), props, options.rowGroupSizeBytes());
  }

  /** parquet-java's properties for {@code columns}: page sizes, writer version, each column's encodings. */
  static ParquetProperties properties(List<? extends BlockColumn<?>> columns, WriteOptions options) {
    ParquetProperties.Builder properties = ParquetProperties.builder()
        .withPageSize(options.pageSizeBytes())
        .withDictionaryPageSize(options.pageSizeBytes())
        .withPageRowCountLimit(PAGE_ROW_COUNT_LIMIT)
        .withWriterVersion(options.writerVersion())
        .withValuesWriterFactory(new PlainValuesWriters())
        .withDictionaryEncoding(false);
    for (BlockColumn<?> c : columns) {
      properties.withDictionaryEncoding(c.name(), c.dictionaryEncoded());
      if (c.byteStreamSplit()) {
        properties.withByteStreamSplitEncoding(c.name(), true);
      }
    }
    return properties.build();
  }

  /** The Parquet schema that {@code columns} produce. */
  public static MessageType schema(String messageName, List<? extends BlockColumn<?>> columns) {
    return BlockWriteSupport.schema(messageName, columns);
  }

  /**
   * Writes rows {@code [0, rows)} of {@code block} into the current row group, which is written out when it
   * reaches the row group size. After an exception the writer can only be aborted.
   */
  public void write(B block, int rows) throws IOException {
    Objects.requireNonNull(block, "block");
    checkOpen();
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    // the size is checked every SIZE_CHECK_ROWS rows, so that a row group ends near the configured size
    // even when one block holds more than a row group's worth of rows
    for (int from = 0; from < rows; from += SIZE_CHECK_ROWS) {
      int to = Math.min(rows, from + SIZE_CHECK_ROWS);
      if (pending == null) {
        pending = encoder.newRowGroup();
      }
      pending.write(block, from, to);
      this.rows += to - from;
      if (pending.bufferedSizeBytes() >= rowGroupSizeBytes) {
        flushPending();
      }
    }
  }

  /**
   * Encodes rows {@code [0, rows)} of {@code block} into a complete row group in memory, to be given to
   * {@link #append} (or released with {@link EncodedRowGroup#release()}). Thread-safe: worker threads may encode
   * blocks in parallel while another thread appends.
   */
  public EncodedRowGroup encode(B block, int rows) {
    Objects.requireNonNull(block, "block");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    return new EncodedRowGroup(encoder.encode(block, rows));
  }

  /**
   * Writes the rows written so far as a row group, then {@code group} as the next one (a row group without rows
   * is skipped); {@code group} is released. After an exception the writer can only be aborted.
   */
  public void append(EncodedRowGroup group) throws IOException {
    Objects.requireNonNull(group, "group");
    try {
      checkOpen();
      flushPending();
      group.writeTo(file);
      rows += group.rows();
      writtenBytes = file.getPos();
    } finally {
      group.release();
    }
  }

  private void flushPending() throws IOException {
    if (pending != null) {
      RowGroupEncoder<B>.RowGroup g = pending;
      pending = null;
      g.writeTo(file);
      writtenBytes = file.getPos();
    }
  }

  /** Adds (or replaces) a key-value metadata entry written at {@link #close()}, e.g. the final event count. */
  public void putFinalMetadata(String key, String value) {
    checkEntry(key, value);
    support.putFinalMetadata(key, value);
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  /** Bytes written to the file plus bytes buffered for the current row group (approximate). */
  public long dataSizeBytes() {
    return writtenBytes + (pending == null ? 0 : pending.bufferedSizeBytes());
  }

  /** The schema being written. */
  public MessageType schema() {
    return support.schema();
  }

  /**
   * Flushes the last row group and writes the column and offset indexes and the footer, every column chunk's
   * encoding list sorted ({@link FooterWriter}); idempotent.
   */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      try {
        flushPending();
        Map<String, String> footer = new TreeMap<>(support.metadata());
        footer.putAll(support.finalMetadata());
        // FooterWriter: the same bytes with sorted encoding lists, without the JSON mapper that end loads
        footerWriterEnded = !parquetEnd && FooterWriter.tryEnd(file, support.schema(), footer, props);
        if (!footerWriterEnded) {
          file.end(footer);
        }
      } finally {
        file.close();
      }
    }
  }

  /** Writes the footer with parquet-java's {@code end} (encoding lists in its order), for tests. */
  void useParquetEnd() {
    parquetEnd = true;
  }

  /** Whether {@link #close} wrote the footer with {@link FooterWriter} (for tests). */
  boolean footerWriterEnded() {
    return footerWriterEnded;
  }

  /**
   * Releases the writer without writing buffered rows or the footer (the file is left truncated; the caller
   * deletes it). Never throws; idempotent.
   */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    if (pending != null) {
      pending.release();
      pending = null;
    }
    try {
      file.close();
    } catch (IOException | RuntimeException ignored) {
      // the output is abandoned anyway
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
  }

  static void checkMetadata(Map<String, String> metadata) {
    if (metadata == null) {
      throw new IllegalArgumentException("metadata must not be null (use Map.of())");
    }
    metadata.forEach(ParquetBlockWriter::checkEntry);
  }

  private static void checkEntry(String key, String value) {
    if (key == null || key.isEmpty() || value == null) {
      throw new IllegalArgumentException("metadata entries need a non-empty key and a value, got " + key + "=" + value);
    }
  }

  /**
   * One complete row group encoded and compressed in memory by {@link #encode}, waiting to be {@link #append}ed.
   * Holds about the compressed size of its rows.
   */
  public static final class EncodedRowGroup {
    private final RowGroupEncoder<?>.RowGroup group;

    private EncodedRowGroup(RowGroupEncoder<?>.RowGroup group) {
      this.group = group;
    }

    /** Rows held. */
    public long rows() {
      return group.rows();
    }

    private void writeTo(ParquetFileWriter file) throws IOException {
      group.writeTo(file);
    }

    /** Frees the buffers (when it will not be appended); idempotent. */
    public void release() {
      group.release();
    }
  }
}
