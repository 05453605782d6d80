package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A Parquet file of blocks written under a temporary name and renamed when complete, so a file under its
 * final name is always complete:
 *
 * <ul>
 *   <li>{@link #create}: fails at once if the target exists and {@code options.overwrite()} is false (so a long
 *       run does not fail at its end); creates the parent directories; writes to {@code .NAME.TOKEN.inprogress}
 *       in the target's directory, with a random TOKEN unique to this run, so concurrent runs never touch each
 *       other's temporary files. The temporary file is deleted at JVM exit if the run ends before
 *       {@link #commit} ({@link Temporaries});
 *   <li>{@link #commit}: writes the footer (on the local file system with its encoding lists sorted, so the
 *       same rows give the same bytes in any process: {@link DeterministicFooter}) and publishes the temporary file
 *       under the final name atomically. Without {@code overwrite} the rename never replaces a file: if the target
 *       appeared meanwhile (another run finished first), commit fails with {@link OutputExistsException} and this
 *       run's temporary file is deleted. With {@code overwrite}, it replaces only the file that was there at
 *       {@link #create} (or none); a file that another run completed meanwhile is not replaced (same exception). On
 *       the local file system the no-replace publication is a hard link (atomic) and the replacement an atomic
 *       rename; on other Hadoop file systems the rename (HDFS: atomic, fails if the target exists), after a delete
 *       of the old file when replacing;
 *   <li>{@link #abort}, or any failure in {@link #write} or {@link #commit}: the temporary file is deleted and
 *       nothing is left under the final name. I/O failures (including Hadoop's {@code FSError}, e.g. a full
 *       disk) are rethrown as an {@link IOException} naming the target and the cause.
 * </ul>
 *
 * <p>Local paths ({@link LocalPaths}) are written with java.nio and parquet-java's {@code LocalOutputFile}, and ZSTD
 * pages compressed without Hadoop ({@link LocalStaging}): a local output loads no Hadoop class. Hadoop file systems
 * go through {@link HadoopStaging}. Not thread-safe.
 *
 * @param <B> the block type
 */
final class StagedParquetFile<B> {
  private enum State { OPEN, COMMITTED, ABORTED }

  private final Staging staging;
  private final ParquetBlockWriter<B> writer;
  private final Object cleanupKey;
  private State state = State.OPEN;

  private StagedParquetFile(Staging staging, ParquetBlockWriter<B> writer, Object cleanupKey) {
    this.staging = staging;
    this.writer = writer;
    this.cleanupKey = cleanupKey;
  }

  /**
   * Starts writing {@code target}: a local path without Hadoop, anything else ({@code hdfs://...}) through
   * Hadoop's file systems with the configuration on the classpath ({@link HadoopFiles#configuration()}).
   *
   * @throws OutputExistsException if the target is a directory, or exists and {@code options.overwrite()} is false
   * @throws IllegalArgumentException if {@code target} is blank or not a valid path
   */
  public static <B> StagedParquetFile<B> create(String target, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    QuietHadoop.install(); // parquet-java's loggers, created while writing
    java.nio.file.Path local = LocalPaths.of(target);
    if (local == null) {
      return create(HadoopFiles.path(target), messageName, columns, metadata, options, HadoopFiles.configuration());
    }
    validate(messageName, columns, metadata);
    return open(LocalStaging.create(local, options.overwrite()), messageName, columns, metadata, options);
  }

  /**
   * Starts writing {@code target} on a Hadoop file system.
   *
   * @param conf Hadoop configuration; a copy with the raw local file system is used
   *     ({@link HadoopFiles#configuration(Configuration)})
   * @throws OutputExistsException if the target is a directory, or exists and {@code options.overwrite()} is false
   */
  public static <B> StagedParquetFile<B> create(Path target, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options, Configuration conf) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    validate(messageName, columns, metadata);
    Configuration c = HadoopFiles.configuration(Objects.requireNonNull(conf, "conf"));
    return open(HadoopStaging.create(target, options.overwrite(), c), messageName, columns, metadata, options);
  }

  /** Checks the metadata and the schema before touching the file system. */
  private static void validate(String messageName, List<? extends BlockColumn<?>> columns,
      Map<String, String> metadata) {
    ParquetBlockWriter.checkMetadata(metadata);
    ParquetBlockWriter.schema(messageName, columns);
  }

  private static <B> StagedParquetFile<B> open(Staging staging, String messageName, List<BlockColumn<B>> columns,
      Map<String, String> metadata, WriteOptions options) throws IOException {
    Object cleanupKey = Temporaries.register(staging::deleteTemporary);
    ParquetBlockWriter<B> writer;
    try {
      writer = ParquetBlockWriter.open(staging.temporaryFile(), messageName, columns, metadata, options,
          staging.compression(options), false);
    } catch (IOException | RuntimeException e) {
      staging.deleteTemporary();
      Temporaries.release(cleanupKey);
      throw e;
    }
    return new StagedParquetFile<>(staging, writer, cleanupKey);
  }

  /** An I/O failure (Hadoop wraps local ones in the Error FSError) as an IOException naming the target. */
  private IOException ioFailure(Throwable e) {
    if (e instanceof OutputExistsException) {
      return (IOException) e;
    }
    Throwable cause = e.getClass().getName().equals("org.apache.hadoop.fs.FSError") && e.getCause() != null
        ? e.getCause() : e;
    return new OutputWriteException("cannot write " + staging.where() + ": " + cause.getMessage(), e);
  }

  private static boolean isIoFailure(Throwable e) {
    return e instanceof IOException || e instanceof java.io.UncheckedIOException
        || e.getClass().getName().equals("org.apache.hadoop.fs.FSError");
  }

  /** Writes rows {@code [0, rows)} of {@code block}; on failure the output is aborted and the error rethrown. */
  public void write(B block, int rows) throws IOException {
    checkOpen();
    try {
      writer.write(block, rows);
    } catch (IOException | RuntimeException | Error e) {
      abort();
      if (isIoFailure(e)) {
        throw ioFailure(e);
      }
      throw e;
    }
  }

  /**
   * Encodes rows {@code [0, rows)} of {@code block} into a complete row group in memory for {@link #append};
   * thread-safe (see {@link ParquetBlockWriter#encode}).
   */
  public ParquetBlockWriter.EncodedRowGroup encode(B block, int rows) {
    return writer.encode(block, rows);
  }

  /** Appends a row group made by {@link #encode}; on failure the output is aborted and the error rethrown. */
  public void append(ParquetBlockWriter.EncodedRowGroup group) throws IOException {
    try {
      checkOpen();
    } catch (IllegalStateException e) {
      group.release();
      throw e;
    }
    try {
      writer.append(group);
    } catch (IOException | RuntimeException | Error e) {
      abort();
      if (isIoFailure(e)) {
        throw ioFailure(e);
      }
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
      staging.finishFooter();
      staging.publish();
      state = State.COMMITTED;
      Temporaries.release(cleanupKey);
    } catch (IOException | RuntimeException | Error e) {
      abort();
      if (isIoFailure(e)) {
        throw ioFailure(e);
      }
      throw e;
    }
  }

  /** Abandons the output: the temporary file is deleted. Never throws; does nothing after commit or abort. */
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      writer.abort();
    } catch (RuntimeException | Error e) {
      // the file is deleted below whatever state the writer is in
    }
    staging.deleteTemporary();
    Temporaries.release(cleanupKey);
  }

  /** Rows written so far. */
  public long rows() {
    return writer.rows();
  }

  /** The final name ({@code file:/abs/path} for a local file, the qualified URI on Hadoop file systems). */
  public String target() {
    return staging.target();
  }

  /** The temporary name written until commit. */
  public String temporary() {
    return staging.temporary();
  }

  /** Approximate bytes written and buffered so far. */
  public long dataSizeBytes() {
    return writer.dataSizeBytes();
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("output " + target() + " is already "
          + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
