package org.cevns.events.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which output paths are local files that cevns writes without Hadoop (issue 12): a path without a scheme
 * ({@code out/truth.parquet}, {@code /data/x.parquet}), or a {@code file:} URI with an absolute path
 * ({@code file:/data/x.parquet}, {@code file:///data/x.parquet}), as Hadoop's {@code Path} reads them: the text after
 * {@code file:} literally, without %-decoding. Everything else ({@code hdfs://...}, any other scheme,
 * {@code file://host/...}, a relative {@code file:x}) goes to Hadoop's file systems.
 *
 * <p>A path without a scheme resolves against Hadoop's {@code fs.defaultFS}, which is the local file system unless
 * a {@code core-site.xml} on the classpath says otherwise: when one is present, such paths also go to Hadoop, so
 * a cluster configuration keeps its meaning.
 */
final class LocalPaths {
  /** Hadoop's site configuration, read from the classpath by its {@code Configuration}. */
  static final String HADOOP_SITE_RESOURCE = "core-site.xml";

  private LocalPaths() {}

  /**
   * The local file that {@code path} names, or null if Hadoop decides (see class doc).
   *
   * @throws IllegalArgumentException if {@code path} is null or blank, or a local path that the file-name encoding
   *     of the JVM cannot represent (a non-ASCII name under the C locale)
   */
  static Path of(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path must be a non-blank string, got '" + path + "'");
    }
    // Hadoop's Path: a scheme is the text before a colon that comes before any slash
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    String local;
    if (colon > 0 && (slash < 0 || colon < slash)) {
      if (!"file".equals(path.substring(0, colon))) {
        return null;
      }
      String rest = path.substring(colon + 1);
      if (rest.startsWith("///")) {
        local = rest.substring(2);
      } else if (rest.startsWith("/") && !rest.startsWith("//")) {
        local = rest;
      } else {
        return null;
      }
    } else {
      if (hadoopSiteOnClasspath()) {
        return null;
      }
      local = path;
    }
    try {
      return Paths.get(local);
    } catch (InvalidPathException e) {
      // not handed to Hadoop: its java.io.File would write the unencodable characters as '?' (a directory "??n??")
      throw new IllegalArgumentException("not a valid file name on this system (" + e.getReason() + "; file names"
          + " are encoded in " + System.getProperty("sun.jnu.encoding", "the locale's encoding")
          + ": for other characters run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8)", e);
    }
  }

  private static boolean hadoopSiteOnClasspath() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : LocalPaths.class.getClassLoader();
    return loader.getResource(HADOOP_SITE_RESOURCE) != null;
  }
}
