package org.cevns.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.stream.Stream;
import org.cevns.analysis.report.AnalysisOutputs;
import org.cevns.analysis.report.ScanOutputs;
import org.cevns.analysis.report.SensitivityOutputs;
import org.cevns.analysis.report.ToyOutputs;
import org.cevns.events.io.Temporaries;

/**
 * An output directory ({@code run}, {@code analyze}, {@code sensitivity -o}) written under a hidden name
 * unique to the run, {@code .NAME.TOKEN.inprogress} beside it, and renamed to its final name when every file
 * in it is complete. A failed or interrupted run leaves nothing under the final name (the staging directory
 * is deleted on failure and at JVM exit; only a SIGKILL leaves it, under its hidden name), so a re-run needs
 * no {@code --overwrite}. With {@code --overwrite} an existing directory is replaced only at the end: it is
 * renamed aside, the new one renamed in, and the old one deleted.
 */
final class StagedDirectory {
  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private final Object cleanupKey;
  private boolean done;

  private StagedDirectory(Path target, Path staging, boolean overwrite, Object cleanupKey) {
    this.target = target;
    this.staging = staging;
    this.overwrite = overwrite;
    this.cleanupKey = cleanupKey;
  }

  /**
   * Checks the target (exit 2 if it is a file, or a non-empty directory without {@code overwrite}) without
   * creating anything.
   */
  static void check(Path dir, boolean overwrite) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserException(dir + ": exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !overwrite && !isEmpty(dir)) {
      throw new UserException(dir + ": exists and is not empty; use --overwrite to replace its outputs");
    }
  }

  /**
   * Names an earlier output directory of {@code run}, {@code analyze}, {@code sensitivity -o} (and {@code fit},
   * {@code scan}) holds; {@code --overwrite} replaces, and so deletes, only a directory holding nothing else.
   */
  static final Set<String> OUTPUT_NAMES = Set.of(AnalysisOutputs.SUMMARY, AnalysisOutputs.SUMMARY_TEXT,
      AnalysisOutputs.WORKSPACE, AnalysisOutputs.CSV_DIR, AnalysisOutputs.PLOT_DIR, SensitivityOutputs.JSON,
      SensitivityOutputs.CSV, ToyOutputs.JSON, ScanOutputs.CSV, RunCommand.EVENTS);

  /**
   * {@link #check}, and with {@code overwrite} a non-empty directory must hold only {@link #OUTPUT_NAMES}: the whole
   * directory is replaced at the end, so a directory with other files (a home or data directory given as {@code -o}
   * by mistake) is refused before any work (exit 2), as {@code mapreduce --overwrite} refuses one.
   */
  static void checkReplaceable(Path dir, boolean overwrite) throws IOException {
    check(dir, overwrite);
    if (!overwrite || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (!OUTPUT_NAMES.contains(name)) {
          throw new UserException(dir + ": --overwrite only replaces an earlier output of cevns run, analyze,"
              + " sensitivity, fit or scan, but the directory holds '" + name + "'; choose another DIR");
        }
      }
    }
  }

  /** Checks the target (see {@link #checkReplaceable}) and creates the staging directory; cannot-create is exit 2. */
  static StagedDirectory create(Path dir, boolean overwrite) throws IOException {
    checkReplaceable(dir, overwrite);
    // a link (to scratch space) is written through: renaming onto the link failed after the work ("Not a directory")
    Path target = org.cevns.events.io.SymbolicLinks.follow(dir.toAbsolutePath().normalize());
    Path parent = target.getParent();
    if (parent == null) {
      throw new UserException(dir + ": cannot write the root directory");
    }
    Path staging = parent.resolve("." + target.getFileName() + "." + Temporaries.uniqueToken() + ".inprogress");
    try {
      Files.createDirectories(parent);
      Files.createDirectory(staging);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw OutputFiles.cannotWrite(dir.toString(), e);
    }
    Object key = Temporaries.register(() -> deleteTree(staging));
    return new StagedDirectory(target, staging, overwrite, key);
  }

  /** The directory to write into until {@link #commit()}. */
  Path path() {
    return staging;
  }

  /** The final directory. */
  Path target() {
    return target;
  }

  /** Renames the staging directory to the final name (see class doc). */
  void commit() throws IOException {
    Path aside = null;
    if (Files.isDirectory(target) && !isEmpty(target)) {
      if (!overwrite) {
        throw new org.cevns.events.io.OutputExistsException(target
            + ": was written by another run while this one ran; not replaced", false);
      }
      aside = target.resolveSibling("." + target.getFileName() + "." + Temporaries.uniqueToken() + ".old");
      Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      // rename(2): atomic; replaces an empty directory, fails on a non-empty one
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
      if (aside != null) {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw new org.cevns.events.io.OutputExistsException(target
          + ": was written by another run while this one ran; not replaced", false);
    }
    done = true;
    Temporaries.release(cleanupKey);
    if (aside != null) {
      deleteTree(aside);
    }
  }

  /** Deletes the staging directory; nothing is left under the final name. Never throws. */
  void abort() {
    if (!done) {
      done = true;
      deleteTree(staging);
      Temporaries.release(cleanupKey);
    }
  }

  /**
   * Aborts and returns the exception to throw: an I/O failure becomes an IOException naming the final
   * directory and the cause (exit 1); anything else is returned as it is.
   */
  Exception fail(Throwable e) {
    abort();
    Failure f = Failure.of(e);
    if (f.exitCode() == Main.EXIT_INTERNAL_ERROR && f.message().startsWith("I/O error: ")) {
      return new IOException("cannot write " + target + ": " + f.message().substring("I/O error: ".length()), e);
    }
    if (e instanceof Exception) {
      return (Exception) e;
    }
    throw (Error) e;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // best effort: the name is hidden and unique to this run
    }
  }
}
