package org.cevns.events.io;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;

/**
 * The file-system side of a {@link StagedParquetFile}: its temporary file, how the finished file is published under
 * the final name, and how the pages are compressed. {@link LocalStaging} (java.nio, no Hadoop class) for local
 * paths; {@link HadoopStaging} for a Hadoop file system ({@code hdfs://}, a path under a configured
 * {@code fs.defaultFS}, or a caller's Hadoop configuration).
 */
interface Staging {
  /** The temporary file, to be created (it does not exist yet). */
  OutputFile temporaryFile() throws IOException;

  /** The page compressors for {@code options}. */
  PageCompression compression(WriteOptions options);

  /** Called on the complete temporary file before {@link #publish}: sorts the footer's encodings where it can. */
  void finishFooter() throws IOException;

  /**
   * Moves the complete temporary file to the final name, replacing only the file that was there when the output
   * was created (with overwrite).
   *
   * @throws OutputExistsException if another run completed the target meanwhile
   */
  void publish() throws IOException;

  /** Deletes the temporary file; never throws. */
  void deleteTemporary();

  /** The final name, for messages ({@code file:/abs/path} for local files, as Hadoop writes them). */
  String target();

  /** The temporary name, for messages and tests. */
  String temporary();

  /** An I/O failure's location as a user reads it: the local path, or the URI. */
  String where();

  /** Longest file name of common file systems (ext4, XFS, HDFS default), in bytes. */
  int MAX_NAME_BYTES = 255;

  /** Refuses a final name over {@link #MAX_NAME_BYTES} before any work (the temporary name is shortened). */
  static void checkNameLength(String name) throws IOException {
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new IOException(name.length() + "-character file name: File name too long (at most "
          + MAX_NAME_BYTES + " bytes)");
    }
  }

  /** The message of an existing target that was not to be replaced. */
  static OutputExistsException exists(String target, boolean directory) {
    return new OutputExistsException("output " + target + (directory ? " is a directory"
        : " exists (request overwrite to replace it)"), directory);
  }

  /** The message of a target completed by another run while this one ran. */
  static OutputExistsException appeared(String target) {
    return new OutputExistsException("output " + target + " was written by another run while this one ran;"
        + " not replaced", false);
  }
}
