package org.cevns.events.io;

import java.io.IOException;

/**
 * An output could not be written because its name is taken: the file exists and replacing it was not requested,
 * it is a directory, or another run completed it while this one ran. cevns' own type, so that a command can tell
 * this case (a user error, exit 2) from other I/O failures without loading Hadoop's
 * {@code org.apache.hadoop.fs.FileAlreadyExistsException}, which local outputs never need.
 */
public final class OutputExistsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean directory;

  /**
   * @param message one line naming the output
   * @param directory true if the name is taken by a directory
   */
  public OutputExistsException(String message, boolean directory) {
    super(message);
    this.directory = directory;
  }

  /** True if the name is taken by a directory (replacing it is never done). */
  public boolean isDirectory() {
    return directory;
  }
}
