package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes columnar blocks of type {@code B} to one Parquet file, row by row through a custom
 * {@link WriteSupport}; the columns ({@link BlockColumn}) define the schema. Not thread-safe. This class
 * writes exactly where it is told; for the temporary-file-and-rename protocol use {@link StagedParquetFile}.
 *
 * @param <B> the block type
 */
public final class ParquetBlockWriter<B> implements AutoCloseable {
  private final ParquetWriter<BlockWriteSupport.Cursor<B>> writer;
  private final BlockWriteSupport<B> support;
  private final BlockWriteSupport.Cursor<B> cursor = new BlockWriteSupport.Cursor<>();
  private long rows;
  private boolean closed;

  private ParquetBlockWriter(ParquetWriter<BlockWriteSupport.Cursor<B>> writer, BlockWriteSupport<B> support) {
    this.writer = writer;
    this.support = support;
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
   * @param conf Hadoop configuration (codec settings such as {@code parquet.compression.codec.zstd.level})
   */
  public static <B> ParquetBlockWriter<B> open(OutputFile file, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(conf, "conf");
    checkMetadata(metadata);
    BlockWriteSupport<B> support = new BlockWriteSupport<>(messageName, columns, metadata);
    Builder<B> builder = new Builder<>(file, support)
        .withConf(conf)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCompressionCodec(options.compression())
        .withRowGroupSize(options.rowGroupSizeBytes())
        .withPageSize(options.pageSizeBytes())
        .withWriterVersion(options.writerVersion())
        .withValidation(false)
        .withDictionaryEncoding(false);
    for (BlockColumn<B> c : columns) {
      builder.withDictionaryEncoding(c.name(), c.dictionaryEncoded());
    }
    return new ParquetBlockWriter<>(builder.build(), support);
  }

  /** The Parquet schema that {@code columns} produce. */
  public static MessageType schema(String messageName, List<? extends BlockColumn<?>> columns) {
    return BlockWriteSupport.schema(messageName, columns);
  }

  /** Writes rows {@code [0, rows)} of {@code block}. After an exception the writer can only be aborted. */
  public void write(B block, int rows) throws IOException {
    Objects.requireNonNull(block, "block");
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    BlockWriteSupport.Cursor<B> c = cursor;
    c.block = block;
    try {
      for (int i = 0; i < rows; i++) {
        c.row = i;
        writer.write(c);
      }
    } finally {
      c.block = null;
    }
    this.rows += rows;
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
    return writer.getDataSize();
  }

  /** The schema being written. */
  public MessageType schema() {
    return support.schema();
  }

  /** Flushes the last row group and writes the footer; idempotent. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
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
    try {
      cursor.block = null;
      writer.write(cursor); // the write support throws: Parquet marks the writer aborted, close() skips the footer
    } catch (IOException | RuntimeException expected) {
      // expected: AbortRequested or an earlier failure
    }
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // the output is abandoned anyway
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

  /** The {@link ParquetWriter.Builder} of the custom write support. */
  private static final class Builder<B> extends ParquetWriter.Builder<BlockWriteSupport.Cursor<B>, Builder<B>> {
    private final BlockWriteSupport<B> support;

    Builder(OutputFile file, BlockWriteSupport<B> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder<B> self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in Parquet, so it must be implemented
    protected WriteSupport<BlockWriteSupport.Cursor<B>> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
