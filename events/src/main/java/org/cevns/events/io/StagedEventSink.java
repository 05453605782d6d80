package org.cevns.events.io;

import java.io.IOException;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.apache.hadoop.fs.Path;

/**
 * Writes blocks of events of type {@code B} to one Parquet file through {@link StagedParquetFile}: under a
 * temporary name, renamed to the final name at {@link #close()}; after {@link #abort()} or a failure nothing
 * is left under the final name. {@link TruthMetadata#EVENTS} is set at close to the number of rows written.
 * Not thread-safe: blocks arrive in order from one thread. The truth and detector-level sinks are this with
 * their column lists.
 *
 * @param <B> block type
 */
public class StagedEventSink<B> implements AutoCloseable {
  private final StagedParquetFile<B> file;
  private final ToIntFunction<B> rows;
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

  /** Writes the filled rows of {@code block}; {@code blockIndex} is the block's place in the run. */
  public void accept(long blockIndex, B block) throws IOException {
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

  /** The final path of the file. */
  public Path target() {
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
  }
}
