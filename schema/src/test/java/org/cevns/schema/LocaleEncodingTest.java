package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.InvalidPathException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one wording for names the locale's encoding cannot represent (ProcessEnvironmentTest runs it under LC_ALL=C). */
class LocaleEncodingTest {
  private static final InvalidPathException UNMAPPABLE =
      new InvalidPathException("brn \u00fc.csv", "Malformed input or input contains unmappable characters");

  /** Regression: "must be a valid file path (Malformed input or input contains unmappable characters)". */
  @Test
  void aNameTheLocaleCannotEncodeNamesTheLocale() {
    assertEquals("must be a file name without characters that the locale's encoding (ANSI_X3.4-1968) cannot"
        + " represent; run cevns under a UTF-8 locale, e.g. LC_ALL=C.UTF-8",
        LocaleEncoding.invalidFileName("brn \u00fc.csv", UNMAPPABLE, "ANSI_X3.4-1968", Map.of("LC_ALL", "C")));
    assertEquals("must be a file name without characters that the locale's encoding (ANSI_X3.4-1968) cannot"
        + " represent; LANG=de_DE.UTF-8 is not installed on this machine (locale -a lists those that are): run cevns"
        + " under one that is, e.g. LC_ALL=C.UTF-8",
        LocaleEncoding.invalidFileName("brn \u00fc.csv", UNMAPPABLE, "ANSI_X3.4-1968", Map.of("LANG", "de_DE.UTF-8")));
  }

  @Test
  void otherInvalidNamesKeepThePathsReason() {
    InvalidPathException nul = new InvalidPathException("a\u0000b", "Nul character not allowed");
    assertEquals("must be a valid file path (Nul character not allowed)",
        LocaleEncoding.invalidFileName("a\u0000b", nul, "ANSI_X3.4-1968", Map.of()));
    assertEquals("must be a valid file path (Nul character not allowed)",
        LocaleEncoding.invalidFileName("a\u0000b", nul, "UTF-8", Map.of()));
    assertEquals("must be a valid file path (x)", LocaleEncoding.invalidFileName("\u00fc",
        new InvalidPathException("\u00fc", "x"), "no-such-charset", Map.of()));
  }
}
