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
}
