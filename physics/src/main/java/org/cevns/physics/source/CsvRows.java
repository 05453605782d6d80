package org.cevns.physics.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The line format of cevns's CSV tables, shared by spectrum files ({@link SpectrumCsv}) and detsim's quenching,
 * efficiency and background tables: UTF-8 (a leading byte-order mark is skipped); blank lines and everything from
 * a {@code #} to the end of a line are ignored; the remaining lines are comma-separated fields, the first of them
 * the header. A line with a {@code ;} (a spreadsheet's export with decimal commas, {@code 0,5;1,2e3}) is refused
 * with its file and line ({@link #semicolons}): read as commas it would be misread. Each reader keeps its own rules and messages for the header, the rows and their numbers.
 */
public final class CsvRows {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvRows() {}

  /** One non-blank line without its comment. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * @param number line number in the file, from 1
     * @param line the line, comment removed and stripped
     * @param fields its comma-separated fields, not stripped (empty fields kept)
     */
    void line(int number, String line, String[] fields);
  }

  /**
   * Calls {@code visitor} for every non-blank line of {@code in}, in order.
   *
   * @param source the file's name, for the message of a file that is not UTF-8 text
   * @throws IllegalArgumentException {@code SOURCE: not UTF-8 text (...)} when {@code in} decodes UTF-8 and meets a
   *     byte that is none (a Latin-1 or Windows-1252 export: µ, °, ä in a comment), and what the visitor throws
   */
  public static void read(BufferedReader in, String source, Visitor visitor) throws IOException {
    int lineNo = 0;
    for (String raw = readLine(in, source); raw != null; raw = readLine(in, source)) {
      lineNo++;
      if (lineNo == 1 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1); // UTF-8 byte-order mark
      }
      int hash = raw.indexOf('#');
      String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
      if (!line.isEmpty()) {
        if (line.indexOf(';') >= 0) {
          throw new IllegalArgumentException(semicolons(source, lineNo, line));
        }
        visitor.line(lineNo, line, line.split(",", -1));
      }
    }
  }

  /**
   * The message for a line with a {@code ;}: the export of a spreadsheet set to a language whose decimal separator
   * is the comma (German, French, ... Excel: {@code 0,5;1,2e3}). Read as cevns's comma-separated fields, its
   * {@code 0,5} would be two numbers, so it is refused, never guessed.
   *
   * @return {@code SOURCE:LINE: ';' separates fields ('LINE'): ...; allowed: ...}
   */
  public static String semicolons(String source, int lineNo, String line) {
    return DecimalCommas.message(source + ":" + lineNo, "';' separates fields", DecimalCommas.abbreviated(line),
        "comma-separated fields with a decimal point (0.5,1.2e3)") + ", or as CSV in English";
  }

  private static String readLine(BufferedReader in, String source) throws IOException {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(source + ": not UTF-8 text (a byte that is not UTF-8, e.g. a Latin-1 or"
          + " Windows-1252 \u00b5, \u00b0 or umlaut in a comment); save the file as UTF-8");
    }
  }

  /** The two header fields, stripped, in lower case and joined by a comma; the stripped line unless two fields. */
  public static String header(String line, String[] fields) {
    return fields.length == 2 ? fields[0].strip().toLowerCase(Locale.ROOT) + ","
        + fields[1].strip().toLowerCase(Locale.ROOT) : line;
  }

  /**
   * A finite decimal number (digits, a point, an exponent; no NaN, infinity or hexadecimal).
   *
   * @param notDecimal start of the message when the field is no decimal number ({@code ...: 'FIELD'} follows)
   * @param overflow start of the message when it overflows a double
   * @throws IllegalArgumentException {@code notDecimal: 'x'} or {@code overflow: '1e999'}
   */
  public static double decimal(String field, String notDecimal, String overflow) {
    String s = field.strip();
    if (!DECIMAL.matcher(s).matches()) {
      throw new IllegalArgumentException(notDecimal + ": '" + s + "'");
    }
    double x = Double.parseDouble(s);
    if (Double.isInfinite(x)) {
      throw new IllegalArgumentException(overflow + ": '" + s + "'");
    }
    return x;
  }
}
