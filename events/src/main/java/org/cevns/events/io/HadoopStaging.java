package org.cevns.events.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * {@link Staging} on a Hadoop file system. On HDFS the publication is a rename (atomic, fails if the target
 * exists), after a delete of the old file when replacing; on Hadoop's raw local file system (a {@code file:} path
 * given with a Hadoop configuration) the same java.nio moves as {@link LocalStaging}. Pages are compressed by
 * parquet-java's Hadoop codec factory with the configuration's codec settings.
 */
final class HadoopStaging implements Staging {
  private final FileSystem fs;
  private final Configuration conf;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  private final String targetAtCreate;

  private HadoopStaging(FileSystem fs, Configuration conf, Path target, Path temporary, boolean overwrite,
      String targetAtCreate) {
    this.fs = fs;
    this.conf = conf;
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.targetAtCreate = targetAtCreate;
  }

  /**
   * Checks {@code target} and creates its parent directories.
   *
   * @param conf a configuration from {@link HadoopFiles#configuration(Configuration)}
   * @throws OutputExistsException if the target is a directory, or exists and {@code overwrite} is false
   */
  static HadoopStaging create(Path target, boolean overwrite, Configuration conf) throws IOException {
    FileSystem fs = HadoopFiles.fileSystem(target, conf);
    Path qualified = fs.makeQualified(target);
    Staging.checkNameLength(qualified.getName());
    String targetAtCreate = checkTarget(fs, qualified, overwrite);
    Path temporary = HadoopFiles.temporaryFor(qualified, Temporaries.uniqueToken());
    fs.mkdirs(qualified.getParent());
    return new HadoopStaging(fs, conf, qualified, temporary, overwrite, targetAtCreate);
  }

  /** Checks the target and returns its identity (null if absent) for {@link #publish}'s replacement rule. */
  private static String checkTarget(FileSystem fs, Path target, boolean overwrite) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(target);
    } catch (java.io.FileNotFoundException absent) {
      return null;
    }
    if (status.isDirectory()) {
      throw Staging.exists(target.toString(), true);
    }
    if (!overwrite) {
      throw Staging.exists(target.toString(), false);
    }
    return identity(fs, target);
  }

  /** Identity of an existing file: its inode on the local file system, else modification time and length. */
  private static String identity(FileSystem fs, Path file) throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      return LocalStaging.identity(((RawLocalFileSystem) fs).pathToFile(file).toPath());
    }
    try {
      FileStatus s = fs.getFileStatus(file);
      return s.getModificationTime() + "/" + s.getLen();
    } catch (java.io.FileNotFoundException absent) {
      return null;
    }
  }

  @Override
  public OutputFile temporaryFile() throws IOException {
    return HadoopOutputFile.fromPath(temporary, conf);
  }

  @Override
  public PageCompression compression(WriteOptions options) {
    return HadoopCompression.of(conf, options.compression(), options.pageSizeBytes());
  }

  @Override
  public void finishFooter() throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      DeterministicFooter.sortEncodings(((RawLocalFileSystem) fs).pathToFile(temporary));
    }
  }

  @Override
  public void publish() throws IOException {
    String now = identity(fs, target);
    if (now != null && (!overwrite || !now.equals(targetAtCreate))) {
      throw Staging.appeared(target.toString());
    }
    if (fs instanceof RawLocalFileSystem) {
      RawLocalFileSystem local = (RawLocalFileSystem) fs;
      LocalStaging.move(local.pathToFile(temporary).toPath(), local.pathToFile(target).toPath(), now != null,
          target.toString());
      return;
    }
    if (now != null && !fs.delete(target, false)) {
      throw new IOException("cannot delete " + target + " to replace it");
    }
    if (!fs.rename(temporary, target)) {
      if (fs.exists(target)) {
        throw Staging.appeared(target.toString());
      }
      throw new IOException("cannot rename " + temporary + " to " + target);
    }
  }

  @Override
  public void deleteTemporary() {
    try {
      fs.delete(temporary, false);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }

  @Override
  public String target() {
    return target.toString();
  }

  @Override
  public String temporary() {
    return temporary.toString();
  }

  @Override
  public String where() {
    return HadoopFiles.display(target);
  }
}
