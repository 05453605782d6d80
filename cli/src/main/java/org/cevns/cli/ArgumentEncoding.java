package org.cevns.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Arguments that the JVM could not decode. The JVM decodes the command line (and file names) with the encoding of
 * the locale ({@code sun.jnu.encoding}): under the C or POSIX locale (a container or batch job without {@code LANG})
 * that is ASCII, and every byte of a non-ASCII argument ({@code -o /data/ünï/x.parquet}, {@code --set title=µ})
 * becomes U+FFFD. Such an argument names no file the user meant and would put other text into the configuration:
 * a path with it was looked up in vain ("no such file"), or, as an output, failed only after the whole run, or was
 * created with '?' for each character. It is refused before any work (exit 2).
 */
final class ArgumentEncoding {
  private static final char REPLACEMENT = '\uFFFD';

  private ArgumentEncoding() {}

  /**
   * The one-line message refusing the first argument the JVM could not decode, or null if there is none.
   *
   * @param encoding the JVM's encoding of arguments and file names ({@code sun.jnu.encoding})
   */
  static String check(String[] args, String encoding) {
    if (encoding == null || isUtf8(encoding)) {
      return null; // U+FFFD is a character of its own in UTF-8 (and the locale decodes every valid name)
    }
    for (String a : args) {
      if (a.indexOf(REPLACEMENT) >= 0) {
        return "argument '" + a.replace(REPLACEMENT, '?') + "' holds characters that the locale's encoding ("
            + encoding + ") cannot represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
      }
    }
    return null;
  }

  private static boolean isUtf8(String encoding) {
    try {
      return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
