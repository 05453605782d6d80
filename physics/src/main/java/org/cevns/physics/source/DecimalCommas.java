package org.cevns.physics.source;

/**
 * The one message for a table line written by a spreadsheet set to a language whose decimal separator is the comma
 * (German or French Excel: {@code 0,5;1,2e3}), shared by the CSV tables ({@link CsvRows}), analysis' template
 * files and {@code cevns import}: each reader names what it allows, the rest of the message is the same.
 */
public final class DecimalCommas {
  /** Longest line quoted whole by {@link #abbreviated}. */
  private static final int MAX_QUOTED_CHARS = 40;

  private DecimalCommas() {}

  /**
   * @param where {@code FILE:LINE}
   * @param reason what gave the export away, e.g. {@code ';' separates fields}
   * @param shown the line as quoted (whole or {@link #abbreviated})
   * @param allowed what the reader reads, e.g. {@code comma-separated fields with a decimal point (0.5,1.2e3)}
   * @return {@code WHERE: REASON ('SHOWN'), as a spreadsheet's export with decimal commas (...); allowed: ALLOWED:
   *     export with '.' as the decimal separator}
   */
  public static String message(String where, String reason, String shown, String allowed) {
    return where + ": " + reason + " ('" + shown + "'), as a spreadsheet's export with decimal commas (German or"
        + " French Excel: 0,5;1,2e3); allowed: " + allowed + ": export with '.' as the decimal separator";
  }

  /**
   * What a comma-separated table says after "found N fields" when a line has more fields than its columns: a decimal
   * comma ({@code 1,0,5}) splits a number in two.
   *
   * @return {@code  ('LINE'; a decimal comma, 0,5, splits a number in two: write 0.5)}, LINE {@link #abbreviated}
   */
  public static String splitNumberHint(String line) {
    return " ('" + abbreviated(line) + "'; a decimal comma, 0,5, splits a number in two: write 0.5)";
  }

  /** {@code line} if at most 40 characters, else its first 37 and {@code ...}. */
  public static String abbreviated(String line) {
    return line.length() <= MAX_QUOTED_CHARS ? line : line.substring(0, MAX_QUOTED_CHARS - 3) + "...";
  }
}
