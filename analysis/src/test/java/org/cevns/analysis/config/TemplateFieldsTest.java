package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link TemplateFilesParser#fields} splits a data line as the regular expression it replaces did. */
class TemplateFieldsTest {
  private static final Pattern REGEX = Pattern.compile("[\\s,]+");

  @Test
  void equalsTheRegexSplitOnAwkwardLines() {
    String[] lines = {"", ",", ", ,", "5", "5 0.525 0.15 1.61832", ",5,6", "5,6,", " 5 6 ", "5\t\t6", "5 ,\t, 6",
        "5\u000B6", "5\f6\r", "5\u00A06", "5\u001C6", "5\u20036", "a,b c", ",,,x,,,", "\u000B", "x\n,y"};
    for (String line : lines) {
      assertArrayEquals(REGEX.split(line), TemplateFilesParser.fields(line), () -> "line '" + line + "'");
    }
  }

  @Test
  void equalsTheRegexSplitOnRandomLines() {
    // 20,000 lines of up to 12 characters drawn from separators, digits and characters that are blanks to
    // Character.isWhitespace or String.strip but not to the regex (\u001C, \u2003) or neither (\u00A0)
    char[] alphabet = {' ', ',', '\t', '\n', '\u000B', '\f', '\r', '5', '.', 'e', '-', '\u001C', '\u2003', '\u00A0'};
    SplittableRandom random = new SplittableRandom(20261207L);
    for (int k = 0; k < 20_000; k++) {
      char[] c = new char[random.nextInt(13)];
      for (int i = 0; i < c.length; i++) {
        c[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String line = new String(c);
      assertArrayEquals(REGEX.split(line), TemplateFilesParser.fields(line), () -> "line '" + line + "'");
    }
  }
}
