package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.InvalidPathException;
import java.util.Map;
import org.cevns.events.io.LocalPaths;
import org.cevns.schema.LocaleEncoding;
import org.junit.jupiter.api.Test;

/**
 * {@code events}' {@link LocalPaths} (output files) and {@code schema}'s {@link LocaleEncoding} (file names inside a
 * configuration) word a file name that the locale's encoding cannot represent, and any other invalid name, the same
 * way. The two modules do not see each other (ArchitectureTest), so the text is written twice; cli sees both and
 * checks they stay equal (walk31 found them worded differently).
 */
class FileNameEncodingWordingTest {
  private static final String UNMAPPABLE = "Malformed input or input contains unmappable characters";

  @Test
  void eventsAndSchemaGiveTheSameText() {
    String[] names = {"/d/\u00fcn\u00ef/x.parquet", "brn \u00fc.csv", "a\u0000b", "plain.parquet", "\u00b5"};
    String[] encodings = {"ANSI_X3.4-1968", "UTF-8", "ISO-8859-1", "no-such-charset", null};
    @SuppressWarnings("unchecked")
    Map<String, String>[] envs = new Map[] {Map.of(), Map.of("LC_ALL", "C"), Map.of("LANG", "de_DE.UTF-8"),
        Map.of("LC_ALL", "", "LC_CTYPE", "en_US.utf8"), Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")};
    int cases = 0;
    for (String name : names) {
      InvalidPathException e = new InvalidPathException(name, name.indexOf('\u0000') >= 0
          ? "Nul character not allowed" : UNMAPPABLE);
      for (String encoding : encodings) {
        for (Map<String, String> env : envs) {
          assertEquals(LocaleEncoding.invalidFileName(name, e, encoding, env),
              LocalPaths.invalidFileName(name, e, encoding, env), name + " " + encoding + " " + env);
          cases++;
        }
      }
    }
    assertEquals(125, cases);
  }
}
