package org.cevns.schema;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Locale;
import java.util.Map;

/**
 * The one wording for text that the locale's encoding cannot represent. Java 17 encodes file names (and decodes
 * arguments) with the locale's encoding ({@code sun.jnu.encoding}), ASCII under the C or POSIX locale (a container,
 * a cron or batch job without {@code LANG}): a non-ASCII argument, or a non-ASCII file name inside a configuration
 * ({@code spectrum.file: brn ü.csv}), cannot be used there. The command-line check ({@code cli}'s
 * {@code ArgumentEncoding}) and the configuration's file keys (sources' {@code file}, detector response tables,
 * template files) say so with the same words and remedy.
 */
public final class LocaleEncoding {
  private LocaleEncoding() {}

  /**
   * {@code characters that the locale's encoding (ENCODING) cannot represent; REMEDY}.
   *
   * @param encoding the JVM's encoding of arguments and file names ({@code sun.jnu.encoding})
   * @param env the environment ({@code LC_ALL}, {@code LC_CTYPE}, {@code LANG}: the first one set is the locale)
   */
  public static String cannotRepresent(String encoding, Map<String, String> env) {
    return "characters that the locale's encoding (" + encoding + ") cannot represent; " + remedy(env);
  }

  /**
   * What a configuration key says of a file name that {@link java.nio.file.Path} refused: when the name holds
   * characters the locale's encoding cannot represent, {@code must be a file name without characters that the
   * locale's encoding (ANSI_X3.4-1968) cannot represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8};
   * otherwise {@code must be a valid file path (REASON)} (a NUL character, say).
   *
   * @param name the file name as written in the configuration
   */
  public static String invalidFileName(String name, InvalidPathException e) {
    return invalidFileName(name, e, System.getProperty("sun.jnu.encoding"), System.getenv());
  }

  /**
   * As {@link #invalidFileName(String, InvalidPathException)} for a given encoding and environment (tests; public for
   * cli's test that {@code events}' {@code LocalPaths}, which cannot see this class, words output paths the same).
   */
  public static String invalidFileName(String name, InvalidPathException e, String encoding, Map<String, String> env) {
    if (encoding != null && !representable(name, encoding)) {
      return "must be a file name without " + cannotRepresent(encoding, env);
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

  /** Whether {@code encoding} is UTF-8 (which represents every file name and argument). */
  public static boolean isUtf8(String encoding) {
    try {
      return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * What to do: run under a UTF-8 locale; or, when the environment asks for a UTF-8 locale that this machine does not
   * have (LC_ALL=en_US.UTF-8 sent by ssh from a laptop to a machine with only C.UTF-8, where the C library falls back
   * to the C locale), that it is not installed.
   */
  static String remedy(Map<String, String> env) {
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
}
