package org.cevns.events.io;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Writes blocks of events of type {@code B} to one Parquet file through {@link StagedParquetFile}: under a
 * temporary name, renamed to the final name at {@link #close()}; after {@link #abort()} or a failure nothing
 * is left under the final name. {@link TruthMetadata#EVENTS} is set at close to the number of rows written.
 * Not thread-safe, except {@link #prepare}: blocks arrive in order from one thread. The truth and detector-level sinks are this with
 * their column lists.
 *
 * @param <B> block type
 */
public class StagedEventSink<B> implements AutoCloseable {
  private final StagedParquetFile<B> file;
  private final ToIntFunction<B> rows;
  private final Map<Long, ParquetBlockWriter.EncodedRowGroup> prepared = new ConcurrentHashMap<>();
  private long events;
  private boolean closed;

  /**
   * @param file the staged file, already created
   * @param rows number of filled rows of a block
   */
  protected StagedEventSink(StagedParquetFile<B> file, ToIntFunction<B> rows) {
    this.file = Objects.requireNonNull(file, "file");
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /**
   * Encodes and compresses the filled rows of {@code block} as one row group, kept until {@link #accept} of the
   * same block index appends it. Thread-safe: meant for the worker thread that filled the block, so that blocks
   * are encoded in parallel while the file is written in block order. A block that was prepared becomes one row
   * group of its own in the file, whichever thread prepared it.
   */
  public void prepare(long blockIndex, B block) {
    ParquetBlockWriter.EncodedRowGroup g = file.encode(block, rows.applyAsInt(block));
    ParquetBlockWriter.EncodedRowGroup old = prepared.put(blockIndex, g);
    if (old != null) {
      old.release();
    }
  }

  /**
   * Writes the filled rows of {@code block}; {@code blockIndex} is the block's place in the run. If the block was
   * {@link #prepare}d, its row group is appended as it is; otherwise its rows join the current row group.
   */
  public void accept(long blockIndex, B block) throws IOException {
    ParquetBlockWriter.EncodedRowGroup g = prepared.remove(blockIndex);
    if (g != null) {
      file.append(g);
      events += g.rows();
      return;
    }
    int n = rows.applyAsInt(block);
    file.write(block, n);
    events += n;
  }

  /** Adds (or replaces) a metadata entry written at close, e.g. {@link TruthMetadata#EXPOSURE}. */
  public void putMetadata(String key, String value) {
    file.putFinalMetadata(key, value);
  }

  /** Rows written so far. */
  public long events() {
    return events;
  }

  /** The final name of the file ({@code file:/abs/path} for a local file, else its Hadoop URI). */
  public String target() {
    return file.target();
  }

  /**
   * Writes the footer (with {@link TruthMetadata#EVENTS}) and renames the file to its final name; a second
   * call does nothing. After {@link #abort()} it throws {@link IllegalStateException}.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    file.putFinalMetadata(TruthMetadata.EVENTS, Long.toString(events));
    file.commit();
    closed = true;
  }

  /** Deletes the temporary file; nothing is left under the final name. */
  public void abort() {
    file.abort();
    prepared.values().forEach(ParquetBlockWriter.EncodedRowGroup::release);
    prepared.clear();
  }
}
