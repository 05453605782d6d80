package org.cevns.events.io;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A small output written in one go through a Hadoop file system (a toy table, a merge's run file): under a hidden
 * temporary name unique to the run ({@link HadoopFiles#temporaryFor(Path, String)}), published under its final name
 * only when complete. On any failure (a full disk, a write error, an exception of the writer) the temporary file is
 * deleted, also at JVM exit if the run is interrupted ({@link Temporaries}), and I/O failures (Hadoop's local file
 * system reports them as the {@code Error} {@code FSError}) are rethrown as an {@link OutputWriteException} naming
 * the output and the cause.
 */
public final class HadoopSmallFiles {
  private HadoopSmallFiles() {}

  /** What writes the temporary file. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole output to {@code temporary}. */
    void write(Path temporary) throws IOException;
  }

  /**
   * Writes {@code target} with {@code body} (see class doc).
   *
   * @param replace true to replace an existing target; false to fail with {@link OutputExistsException} if a
   *     file took the name meanwhile (never replaced)
   */
  public static void write(FileSystem fs, Path target, boolean replace, Body body) throws IOException {
    Path tmp = HadoopFiles.temporaryFor(target, Temporaries.uniqueToken());
    Object key = Temporaries.register(() -> deleteQuietly(fs, tmp));
    try {
      body.write(tmp);
      publish(fs, tmp, target, replace);
    } catch (OutputExistsException e) {
      deleteQuietly(fs, tmp);
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(fs, tmp);
      if (e instanceof IOException || e instanceof java.io.UncheckedIOException
          || "org.apache.hadoop.fs.FSError".equals(e.getClass().getName())) {
        throw new OutputWriteException("cannot write " + HadoopFiles.display(target) + ": " + rootMessage(e), e);
      }
      throw e;
    } finally {
      Temporaries.release(key);
    }
  }

  /** The message of the innermost cause ("No space left on device", not parquet-java's "can not write PageHeader"). */
  private static String rootMessage(Throwable e) {
    String m = e.getMessage();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable c = e; c != null && seen.add(c); c = c.getCause()) {
      if (c.getMessage() != null) {
        m = c.getMessage();
      }
    }
    return m;
  }

  private static void publish(FileSystem fs, Path tmp, Path target, boolean replace) throws IOException {
    if (fs instanceof RawLocalFileSystem local) {
      LocalStaging.move(local.pathToFile(tmp).toPath(), local.pathToFile(target).toPath(), replace,
          HadoopFiles.display(target));
      return;
    }
    if (replace && fs.exists(target) && !fs.delete(target, false)) {
      throw new IOException("cannot delete " + target + " to replace it");
    }
    if (!fs.rename(tmp, target)) {
      if (fs.exists(target)) {
        throw Staging.appeared(HadoopFiles.display(target));
      }
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }

  private static void deleteQuietly(FileSystem fs, Path p) {
    try {
      fs.delete(p, false);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }
}
