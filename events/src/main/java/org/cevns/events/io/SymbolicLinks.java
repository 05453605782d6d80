package org.cevns.events.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Outputs are written through a symbolic link, as a shell's {@code >} writes: an output path that is a link (to a
 * directory on scratch space, to a file not made yet) names the link's destination, and the complete output is
 * renamed there. Renaming it onto the link itself failed after the whole run ("Not a directory" for a link to a
 * directory; "was written by another run while this one ran" for a link to a missing file).
 */
public final class SymbolicLinks {
  /** Links followed before giving up, as Linux's ELOOP limit. */
  private static final int MAX_LINKS = 40;

  private SymbolicLinks() {}

  /**
   * The destination of {@code path} when its last component is a symbolic link (links to links followed), else
   * {@code path} itself; the destination need not exist.
   *
   * @throws FileSystemException if the links form a loop
   */
  public static Path follow(Path path) throws IOException {
    Path p = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(p)) {
        return p;
      }
      Path destination = Files.readSymbolicLink(p);
      p = p.getParent() == null ? destination : p.getParent().resolve(destination);
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }
}
