package org.cevns.cli;

import java.util.Map;
import org.cevns.schema.LocaleEncoding;

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
    return check(args, encoding, Map.of());
  }

  /**
   * As {@link #check(String[], String)}, naming the locale the environment asks for when it is a UTF-8 one that this
   * machine does not have (LC_ALL=en_US.UTF-8 sent by ssh from a laptop to a machine with only C.UTF-8): the C library
   * then falls back to the C locale, and "run cevns under a UTF-8 locale" told a user who did just that nothing.
   *
   * @param env the environment ({@code LC_ALL}, {@code LC_CTYPE}, {@code LANG}: the first one set is the locale)
   */
  static String check(String[] args, String encoding, Map<String, String> env) {
    if (encoding == null || LocaleEncoding.isUtf8(encoding)) {
      return null; // U+FFFD is a character of its own in UTF-8 (and the locale decodes every valid name)
    }
    for (String a : args) {
      if (a.indexOf(REPLACEMENT) >= 0) {
        return "argument '" + a.replace(REPLACEMENT, '?') + "' holds " + LocaleEncoding.cannotRepresent(encoding, env);
      }
    }
    return null;
  }
}
