package org.cevns.cli;

import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.cevns.schema.ConfigException;

/**
 * What a failure means for the user: its one-line message and exit code. Usage and input errors
 * ({@link ConfigException}, {@link UserException}, also when wrapped, e.g. by a worker thread) and an output
 * that another run completed first (cevns' {@code OutputExistsException} at commit, or Hadoop's
 * {@code FileAlreadyExistsException}) exit 2; I/O
 * errors (an {@link IOException} or Hadoop's {@code FSError} anywhere in the cause chain: full disk, lost file
 * system), a native library that cannot be loaded ({@link NativeLibraryFailure}: a full or noexec temporary
 * directory) and everything else exit 1.
 */
record Failure(int exitCode, String message) {
  static Failure of(Throwable ex) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable io = null;
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof ConfigException || t instanceof UserException) {
        return new Failure(Main.EXIT_USER_ERROR, t.getMessage());
      }
      if (t instanceof HeapBudget.TooSmall) {
        return new Failure(Main.EXIT_INTERNAL_ERROR, t.getMessage());
      }
      // by name: a failure of a command that never touched Hadoop (a bad config for `rates`) loads no Hadoop class
      if (t instanceof org.cevns.events.io.OutputExistsException || isHadoopAlreadyExists(t) // lost the race
          || t instanceof org.cevns.mapreduce.RunSetupException) {
        return new Failure(Main.EXIT_USER_ERROR, t.getMessage());
      }
      if (io == null && isIo(t)) {
        io = t;
      }
    }
    if (io != null) {
      return new Failure(Main.EXIT_INTERNAL_ERROR, "I/O error: " + ioMessage(io));
    }
    String zstd = NativeLibraryFailure.message(ex);
    if (zstd != null) {
      return new Failure(Main.EXIT_INTERNAL_ERROR, zstd);
    }
    if (isGetSubjectUnsupported(ex)) {
      return new Failure(Main.EXIT_INTERNAL_ERROR, "Hadoop's client library (its user and job handling: MapReduce,"
          + " hdfs://) needs Subject.getSubject, which Java " + Runtime.version().feature() + " no longer supports"
          + " (since Java 24); run this command with Java 17 to 23, e.g. JAVA_HOME=/path/to/jdk-17 with bin/cevns");
    }
    String hadoop = missingHadoop(ex);
    if (hadoop != null) {
      return new Failure(Main.EXIT_INTERNAL_ERROR, "Hadoop's classes are missing (" + hadoop + "): cevns.jar loads"
          + " them from lib/cevns-hadoop.jar beside it (its manifest's Class-Path); copy cli/target/lib with the jar");
    }
    Throwable oom = outOfMemory(ex);
    if (oom != null) {
      return new Failure(Main.EXIT_INTERNAL_ERROR, "out of memory (" + oom.getMessage()
          + "); give Java more heap, e.g. CEVNS_JAVA_OPTS=-Xmx8g with bin/cevns (without CEVNS_JAVA_OPTS, bin/cevns"
          + " sizes the heap of generate and simulate from their event blocks and sampling tables), or use fewer"
          + " --threads");
    }
    return new Failure(Main.EXIT_INTERNAL_ERROR, "internal error: " + ex
        + " (please report it; set " + Main.STACK_TRACE_ENV + "=1 for the stack trace)");
  }

  /**
   * The out-of-memory error in the cause chain of {@code ex} (also when a worker's error was wrapped, e.g. by a
   * fork-join task or {@code IllegalStateException}), preferring one with a message; null if there is none.
   */
  private static Throwable outOfMemory(Throwable ex) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable found = null;
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError && (found == null || found.getMessage() == null)) {
        found = t;
      }
    }
    return found;
  }

  /**
   * Java 24 and later throw "getSubject is not supported" where Hadoop 3.4 asks for the current user (a MapReduce job,
   * an hdfs:// path): an environment failure, not "internal error ... please report it".
   */
  private static boolean isGetSubjectUnsupported(Throwable ex) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("getSubject")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Hadoop class that could not be found (a {@link NoClassDefFoundError} or {@link ClassNotFoundException} in the
   * cause chain naming one), or null. Hadoop's classes are in {@code lib/cevns-hadoop.jar} beside {@code cevns.jar}
   * (cli/pom.xml): a {@code cevns.jar} copied alone ran {@code rates}, and failed every command that reads Parquet
   * with "internal error: java.lang.NoClassDefFoundError: org/apache/hadoop/fs/Path (please report it; ...)".
   */
  private static String missingHadoop(Throwable ex) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if ((t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException)
          && (m.startsWith("org/apache/hadoop/") || m.startsWith("org.apache.hadoop."))) {
        return m;
      }
    }
    return null;
  }

  /** True if {@code type} is in the cause chain of {@code ex}. */
  static boolean has(Throwable ex, Class<? extends Throwable> type) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHadoopAlreadyExists(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if ("org.apache.hadoop.fs.FileAlreadyExistsException".equals(c.getName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIo(Throwable t) {
    return t instanceof IOException || t instanceof UncheckedIOException || t instanceof IOError
        || "org.apache.hadoop.fs.FSError".equals(t.getClass().getName());
  }

  /** The message of the outermost I/O exception, with its causes' messages when it does not hold them. */
  private static String ioMessage(Throwable io) {
    String m = stripClassNames(String.valueOf(io.getMessage()));
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    seen.put(io, Boolean.TRUE);
    for (Throwable c = io.getCause(); c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
      String cm = c.getMessage() == null ? null : stripClassNames(c.getMessage());
      if (cm != null && !cm.isBlank() && !m.contains(cm)) {
        m = m + ": " + cm;
      }
    }
    return m;
  }

  /** "java.io.IOException: No space left" (how Hadoop's FSError and wrappers word it) becomes "No space left". */
  private static String stripClassNames(String message) {
    return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ", "");
  }
}
