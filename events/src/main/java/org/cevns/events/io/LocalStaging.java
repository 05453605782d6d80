package org.cevns.events.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * {@link Staging} of a local file with java.nio and parquet-java's {@link LocalOutputFile}: no Hadoop class is
 * loaded (issue 12). The rules are those of the Hadoop path on the raw local file system before: the temporary
 * file {@code .NAME.TOKEN.inprogress} beside the target, created new; publication without overwrite by a hard
 * link (atomic, fails if the target exists; a rename that refuses an existing target where links are not
 * supported), with overwrite by an atomic rename over the file seen at create, identified by its inode,
 * modification time and size.
 */
final class LocalStaging implements Staging {
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  private final String targetAtCreate;

  private LocalStaging(Path target, Path temporary, boolean overwrite, String targetAtCreate) {
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.targetAtCreate = targetAtCreate;
  }

  /**
   * Checks {@code target} (a symbolic link: its destination, {@link SymbolicLinks}) and creates its parent directories.
   *
   * @throws OutputExistsException if the target is a directory, or exists and {@code overwrite} is false
   */
  static LocalStaging create(Path target, boolean overwrite) throws IOException {
    Path t = SymbolicLinks.follow(target.toAbsolutePath().normalize());
    if (t.getFileName() == null) {
      throw Staging.exists(t.toString(), true);
    }
    String name = t.getFileName().toString();
    Staging.checkNameLength(name);
    String targetAtCreate = null;
    if (Files.exists(t)) {
      if (Files.isDirectory(t)) {
        throw Staging.exists(uri(t), true);
      }
      if (!overwrite) {
        throw Staging.exists(uri(t), false);
      }
      targetAtCreate = identity(t);
    }
    Path temporary = Temporaries.sibling(t);
    Files.createDirectories(t.getParent());
    return new LocalStaging(t, temporary, overwrite, targetAtCreate);
  }

  /** {@code file:/abs/path}, as Hadoop's qualified local paths read in messages. */
  private static String uri(Path p) {
    return "file:" + p;
  }

  /** Identity of an existing file (its inode, modification time and size), null if absent. */
  static String identity(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return null;
    }
    return String.valueOf(a.fileKey()) + "@" + a.lastModifiedTime().toMillis() + "/" + a.size();
  }

  @Override
  public OutputFile temporaryFile() {
    return new LocalOutputFile(temporary);
  }

  @Override
  public PageCompression compression(WriteOptions options) {
    return PageCompression.hadoopFree(options.compression(), options.pageSizeBytes());
  }

  @Override
  public void finishFooter() throws IOException {
    DeterministicFooter.sortEncodings(temporary.toFile());
  }

  @Override
  public void publish() throws IOException {
    String now = identity(target);
    if (now != null && (!overwrite || !now.equals(targetAtCreate))) {
      throw Staging.appeared(target());
    }
    move(temporary, target, now != null, target());
  }

  /**
   * Publishes the complete file {@code from} as {@code to}: with {@code replace} by an atomic rename over the existing
   * file; else by a hard link (atomic, fails if {@code to} exists) and the removal of {@code from}, or, where the file
   * system has no hard links, a rename that refuses an existing target (not atomic). Also {@link HadoopStaging}'s
   * publication on the raw local file system.
   *
   * @param targetName the final name in messages
   * @throws OutputExistsException if {@code to} appeared although {@code replace} is false
   */
  static void move(Path from, Path to, boolean replace, String targetName) throws IOException {
    if (replace) {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try {
      Files.createLink(to, from); // atomic, and fails if the target exists
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw Staging.appeared(targetName);
    } catch (UnsupportedOperationException | IOException e) {
      // no hard links on this file system: a rename that refuses an existing target (not atomic)
      try {
        Files.move(from, to);
      } catch (java.nio.file.FileAlreadyExistsException exists) {
        throw Staging.appeared(targetName);
      }
      return;
    }
    Files.delete(from);
  }

  @Override
  public void deleteTemporary() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }

  @Override
  public String target() {
    return uri(target);
  }

  @Override
  public String temporary() {
    return uri(temporary);
  }

  @Override
  public String where() {
    return target.toString();
  }
}
