package org.cevns.analysis.importer;

/**
 * A problem with an input of {@code cevns import} (missing file, absent column, a value that is not a number or
 * outside its window): one line naming the file (and line or row) and the column. An input error (exit 2).
 */
public final class ImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code FILE: not UTF-8 text (...)} when {@code e} or a cause of it is a {@link
   * java.nio.charset.CharacterCodingException} (a Latin-1 or Windows-1252 export: µ, ° or an umlaut), else {@code
   * FILE: WHAT: MESSAGE}. Before, such a file was "cannot read it: Input length = 1", the decoder's words.
   */
  public static ImportException reading(Object file, String what, Throwable e) {
    return notUtf8(file, e).orElseGet(() -> new ImportException(file + ": " + what + ": " + e.getMessage(), e));
  }

  /** {@code FILE: not UTF-8 text (...)} when {@code e} or a cause of it is a CharacterCodingException. */
  public static java.util.Optional<ImportException> notUtf8(Object file, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.nio.charset.CharacterCodingException) {
        return java.util.Optional.of(new ImportException(file + ": not UTF-8 text (a byte that is not UTF-8, e.g. a"
            + " Latin-1 or Windows-1252 \u00b5, \u00b0 or umlaut); save the file as UTF-8", e));
      }
    }
    return java.util.Optional.empty();
  }
}
