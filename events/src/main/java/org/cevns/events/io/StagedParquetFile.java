package org.cevns.events.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

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
 *       same rows give the same bytes in any process: {@link DeterministicFooter}) and publishes the temporary file under the final name atomically.
 *       Without {@code overwrite} the rename never replaces a file: if the target appeared meanwhile (another
 *       run finished first), commit fails with {@link FileAlreadyExistsException} and this run's temporary file
 *       is deleted. With {@code overwrite}, it replaces only the file that was there at {@link #create} (or
 *       none); a file that another run completed meanwhile is not replaced (same exception). On the local file
 *       system the no-replace publication is a hard link (atomic) and the replacement an atomic rename; on
 *       other Hadoop file systems the rename (HDFS: atomic, fails if the target exists), after a delete of the
 *       old file when replacing;
 *   <li>{@link #abort}, or any failure in {@link #write} or {@link #commit}: the temporary file is deleted and
 *       nothing is left under the final name. I/O failures (including Hadoop's {@code FSError}, e.g. a full
 *       disk) are rethrown as an {@link IOException} naming the target and the cause.
 * </ul>
 *
 * Not thread-safe.
 *
 * @param <B> the block type
 */
final class StagedParquetFile<B> {
  private enum State { OPEN, COMMITTED, ABORTED }

  /** Longest file name of common file systems (ext4, XFS, HDFS default), in bytes. */
  private static final int MAX_NAME_BYTES = 255;

  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  private final ParquetBlockWriter<B> writer;
  private final String targetAtCreate;
  private final Object cleanupKey;
  private State state = State.OPEN;

  private StagedParquetFile(FileSystem fs, Path target, Path temporary, boolean overwrite,
      ParquetBlockWriter<B> writer, String targetAtCreate, Object cleanupKey) {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.writer = writer;
    this.targetAtCreate = targetAtCreate;
    this.cleanupKey = cleanupKey;
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
    if (qualified.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      // the temporary name is shortened, so the final name would only fail at the rename after all the work
      throw new IOException(qualified.getName().length() + "-character file name: File name too long (at most "
          + MAX_NAME_BYTES + " bytes)");
    }
    String targetAtCreate = checkTarget(fs, qualified, options.overwrite());
    Path temporary = HadoopFiles.temporaryFor(qualified, Temporaries.uniqueToken());
    fs.mkdirs(qualified.getParent());
    Object cleanupKey = Temporaries.register(() -> deleteQuietly(fs, temporary));
    ParquetBlockWriter<B> writer;
    try {
      writer = ParquetBlockWriter.open(HadoopOutputFile.fromPath(temporary, c), messageName, columns, metadata,
          options, c);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(fs, temporary);
      Temporaries.release(cleanupKey);
      throw e;
    }
    return new StagedParquetFile<>(fs, qualified, temporary, options.overwrite(), writer, targetAtCreate,
        cleanupKey);
  }

  /** Checks the target and returns its identity (null if absent) for {@link #commit}'s replacement rule. */
  private static String checkTarget(FileSystem fs, Path target, boolean overwrite) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(target);
    } catch (java.io.FileNotFoundException absent) {
      return null;
    }
    if (status.isDirectory()) {
      throw new FileAlreadyExistsException("output " + target + " is a directory");
    }
    if (!overwrite) {
      throw new FileAlreadyExistsException("output " + target + " exists (request overwrite to replace it)");
    }
    return identity(fs, target);
  }

  /** Identity of an existing file: its inode on the local file system, else modification time and length. */
  private static String identity(FileSystem fs, Path file) throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      java.nio.file.Path p = ((RawLocalFileSystem) fs).pathToFile(file).toPath();
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException absent) {
        return null;
      }
      return String.valueOf(a.fileKey()) + "@" + a.lastModifiedTime().toMillis() + "/" + a.size();
    }
    try {
      FileStatus s = fs.getFileStatus(file);
      return s.getModificationTime() + "/" + s.getLen();
    } catch (java.io.FileNotFoundException absent) {
      return null;
    }
  }

  private static void deleteQuietly(FileSystem fs, Path file) {
    try {
      fs.delete(file, false);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }

  /** An I/O failure (Hadoop wraps local ones in the Error FSError) as an IOException naming the target. */
  private IOException ioFailure(Throwable e) {
    if (e instanceof FileAlreadyExistsException) {
      return (IOException) e;
    }
    Throwable cause = e.getClass().getName().equals("org.apache.hadoop.fs.FSError") && e.getCause() != null
        ? e.getCause() : e;
    String where = "file".equals(target.toUri().getScheme()) ? target.toUri().getPath() : target.toString();
    return new OutputWriteException("cannot write " + where + ": " + cause.getMessage(), e);
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
      if (fs instanceof RawLocalFileSystem) {
        DeterministicFooter.sortEncodings(((RawLocalFileSystem) fs).pathToFile(temporary));
      }
      publish();
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

  private FileAlreadyExistsException appeared() {
    return new FileAlreadyExistsException("output " + target + " was written by another run while this one ran;"
        + " not replaced");
  }

  /** Moves the complete temporary file to the target (see class doc). */
  private void publish() throws IOException {
    String now = identity(fs, target);
    if (now != null && (!overwrite || !now.equals(targetAtCreate))) {
      throw appeared();
    }
    if (fs instanceof RawLocalFileSystem) {
      RawLocalFileSystem local = (RawLocalFileSystem) fs;
      java.nio.file.Path from = local.pathToFile(temporary).toPath();
      java.nio.file.Path to = local.pathToFile(target).toPath();
      if (now == null) {
        try {
          Files.createLink(to, from); // atomic, and fails if the target exists
        } catch (java.nio.file.FileAlreadyExistsException e) {
          throw appeared();
        } catch (UnsupportedOperationException | IOException e) {
          // no hard links on this file system: a rename that refuses an existing target (not atomic)
          try {
            Files.move(from, to);
          } catch (java.nio.file.FileAlreadyExistsException exists) {
            throw appeared();
          }
          return;
        }
        Files.delete(from);
      } else {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    if (now != null && !fs.delete(target, false)) {
      throw new IOException("cannot delete " + target + " to replace it");
    }
    if (!fs.rename(temporary, target)) {
      if (fs.exists(target)) {
        throw appeared();
      }
      throw new IOException("cannot rename " + temporary + " to " + target);
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
    deleteQuietly(fs, temporary);
    Temporaries.release(cleanupKey);
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
