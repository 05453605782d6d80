package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * A Parquet file of blocks written under a temporary name and renamed when complete, so a file under its
 * final name is always complete:
 *
 * <ul>
 *   <li>{@link #create}: fails at once if the target exists and {@code options.overwrite()} is false (so a long
 *       run does not fail at its end); creates the parent directories; writes to {@code .NAME.inprogress} in
 *       the target's directory (a stale temporary file of a crashed run is replaced);
 *   <li>{@link #commit}: writes the footer and renames the temporary file to the target. If the target exists
 *       by then, it is deleted first when {@code overwrite} is set (delete then rename: not atomic), otherwise
 *       commit fails and the temporary file is deleted;
 *   <li>{@link #abort}, or any failure in {@link #write} or {@link #commit}: the temporary file is deleted and
 *       nothing is left under the final name.
 * </ul>
 *
 * Not thread-safe.
 *
 * @param <B> the block type
 */
final class StagedParquetFile<B> {
  private enum State { OPEN, COMMITTED, ABORTED }

  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  private final ParquetBlockWriter<B> writer;
  private State state = State.OPEN;

  private StagedParquetFile(FileSystem fs, Path target, Path temporary, boolean overwrite,
      ParquetBlockWriter<B> writer) {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.writer = writer;
  }

  /**
   * Starts writing {@code target}.
   *
   * @param conf Hadoop configuration; a copy with the raw local file system is used
   *     ({@link HadoopFiles#configuration(Configuration)})
   * @throws FileAlreadyExistsException if the target exists and {@code options.overwrite()} is false
   */
  public static <B> StagedParquetFile<B> create(Path target, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    ParquetBlockWriter.checkMetadata(metadata);
    ParquetBlockWriter.schema(messageName, columns); // validates before touching the file system
    Configuration c = HadoopFiles.configuration(Objects.requireNonNull(conf, "conf"));
    FileSystem fs = HadoopFiles.fileSystem(target, c);
    Path qualified = fs.makeQualified(target);
    checkTarget(fs, qualified, options.overwrite());
    Path temporary = HadoopFiles.temporaryFor(qualified);
    fs.mkdirs(qualified.getParent());
    fs.delete(temporary, false);
    ParquetBlockWriter<B> writer;
    try {
      writer = ParquetBlockWriter.open(HadoopOutputFile.fromPath(temporary, c), messageName, columns, metadata,
          options, c);
    } catch (IOException | RuntimeException e) {
      fs.delete(temporary, false);
      throw e;
    }
    return new StagedParquetFile<>(fs, qualified, temporary, options.overwrite(), writer);
  }

  private static void checkTarget(FileSystem fs, Path target, boolean overwrite) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(target);
    } catch (java.io.FileNotFoundException absent) {
      return;
    }
    if (status.isDirectory()) {
      throw new FileAlreadyExistsException("output " + target + " is a directory");
    }
    if (!overwrite) {
      throw new FileAlreadyExistsException("output " + target + " exists (request overwrite to replace it)");
    }
  }

  /** Writes rows {@code [0, rows)} of {@code block}; on failure the output is aborted and the error rethrown. */
  public void write(B block, int rows) throws IOException {
    checkOpen();
    try {
      writer.write(block, rows);
    } catch (IOException | RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Adds (or replaces) a key-value metadata entry written at {@link #commit()}. */
  public void putFinalMetadata(String key, String value) {
    checkOpen();
    writer.putFinalMetadata(key, value);
  }

  /** Completes the file and renames it to the target; on failure nothing is left (see class doc). */
  public void commit() throws IOException {
    checkOpen();
    try {
      writer.close();
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new FileAlreadyExistsException("output " + target + " appeared while it was written; not replaced"
              + " (request overwrite to replace it)");
        }
        if (!fs.delete(target, false)) {
          throw new IOException("cannot delete " + target + " to replace it");
        }
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
      state = State.COMMITTED;
    } catch (IOException | RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Abandons the output: the temporary file is deleted. Never throws; does nothing after commit or abort. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    writer.abort();
    try {
      fs.delete(temporary, false);
    } catch (IOException | RuntimeException e) {
      // nothing more to do: the final name was never written
    }
  }

  /** Rows written so far. */
  public long rows() {
    return writer.rows();
  }

  /** The final (qualified) path. */
  public Path target() {
    return target;
  }

  /** The temporary path written until commit. */
  public Path temporary() {
    return temporary;
  }

  /** Approximate bytes written and buffered so far. */
  public long dataSizeBytes() {
    return writer.dataSizeBytes();
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("output " + target + " is already " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
