package org.cevns.cli;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The ZSTD compression of Parquet pages is zstd-jni's native library, which the JVM loads from a copy that zstd-jni
 * unpacks into the temporary directory ({@code java.io.tmpdir}) on first use. When that directory is full, not
 * writable or mounted {@code noexec} (hardened servers, some batch nodes), every command that reads or writes
 * Parquet failed with "internal error: java.lang.ExceptionInInitializerError: Cannot unpack libzstd-jni-...: No space
 * left on device (please report it ...)" or a three-line {@code UnsatisfiedLinkError}: an environment failure (exit
 * 1), said here in one line naming the directory and the remedy.
 */
final class NativeLibraryFailure {
  private static final String ZSTD_PACKAGE = "com.github.luben.zstd";

  private NativeLibraryFailure() {}

  /** The one-line message if {@code ex} is (or was caused by) a failure to load zstd-jni's library, else null. */
  static String message(Throwable ex) {
    return message(ex, System.getProperty("java.io.tmpdir"), System.getProperty("sun.jnu.encoding"));
  }

  /**
   * As {@link #message(Throwable)} for the temporary directory {@code tmp}. A name the JVM could not decode (TMPDIR
   * /scratch/jürgen/tmp under the C locale of a batch node: U+FFFD for each byte) names no directory: "No such file
   * or directory; free space there" sent the user looking for a full disk (walkportable, twenty-seventh session).
   *
   * @param encoding the JVM's encoding of file names and arguments ({@code sun.jnu.encoding})
   */
  static String message(Throwable ex, String tmp, String encoding) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = ex; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof LinkageError && isZstd(t)) {
        String where = "cannot load the native ZSTD library, which zstd-jni unpacks into the temporary directory "
            + String.valueOf(tmp).replace('\uFFFD', '?') + " (" + reason(t) + "); ";
        if (String.valueOf(tmp).indexOf('\uFFFD') >= 0) {
          return where + "its name holds characters that the locale's encoding (" + encoding + ") cannot represent:"
              + " run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or set TMPDIR to an ASCII name";
        }
        return where + "free space there, or use a writable directory not mounted noexec: TMPDIR=DIR with bin/cevns,"
            + " or java -Djava.io.tmpdir=DIR";
      }
    }
    return null;
  }

  private static boolean isZstd(Throwable t) {
    if (String.valueOf(t.getMessage()).contains("zstd")) {
      return true;
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith(ZSTD_PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  /** The cause in zstd-jni's message: the end of its first line ("No space left on device"). */
  private static String reason(Throwable t) {
    String first = String.valueOf(t.getMessage()).strip().split("\\R", 2)[0];
    int colon = first.lastIndexOf(": ");
    return colon >= 0 ? first.substring(colon + 2) : first;
  }
}
