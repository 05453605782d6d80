package org.cevns.events.io;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

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
public final class LocalPaths {
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
      throw new IllegalArgumentException("output file: " + invalidFileName(path, e,
          System.getProperty("sun.jnu.encoding"), System.getenv()) + ", got '" + path + "'", e);
    }
  }

  /**
   * What an output path that {@link Paths#get} refused must be, in the words of {@code schema}'s
   * {@code LocaleEncoding.invalidFileName} for a file name inside a configuration (events does not depend on schema:
   * cli's {@code FileNameEncodingWordingTest} checks that the two give the same text): {@code must be a file name
   * without characters that the locale's encoding (ANSI_X3.4-1968) cannot represent; run cevns under a UTF-8 locale,
   * e.g. LC_ALL=C.UTF-8} when the name holds characters {@code encoding} cannot represent, otherwise {@code must be a
   * valid file path (REASON)} (a NUL character, say).
   *
   * @param encoding the JVM's encoding of file names ({@code sun.jnu.encoding}), or null
   * @param env the environment ({@code LC_ALL}, {@code LC_CTYPE}, {@code LANG}: the first one set is the locale)
   */
  public static String invalidFileName(String name, InvalidPathException e, String encoding, Map<String, String> env) {
    if (encoding != null && !representable(name, encoding)) {
      return "must be a file name without characters that the locale's encoding (" + encoding + ") cannot represent; "
          + remedy(env);
    }
    return "must be a valid file path (" + e.getReason() + ")";
  }

  private static boolean representable(String name, String encoding) {
    try {
      return Charset.forName(encoding).newEncoder().canEncode(name);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return true; // an encoding Java does not know: say what Path said
    }
  }

  /**
   * Run under a UTF-8 locale; or, when the environment asks for a UTF-8 locale that this machine does not have (the C
   * library then falls back to the C locale), that it is not installed.
   */
  private static String remedy(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("utf-8") || lower.contains("utf8")) {
          return name + "=" + value + " is not installed on this machine (locale -a lists those that are): run"
              + " cevns under one that is, e.g. LC_ALL=C.UTF-8";
        }
        break;
      }
    }
    return "run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
  }

  private static boolean hadoopSiteOnClasspath() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : LocalPaths.class.getClassLoader();
    return loader.getResource(HADOOP_SITE_RESOURCE) != null;
  }
}
