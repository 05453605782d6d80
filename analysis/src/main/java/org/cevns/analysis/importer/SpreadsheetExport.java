package org.cevns.analysis.importer;

import java.util.List;
import org.cevns.physics.source.DecimalCommas;

/**
 * The CSV of a spreadsheet set to a language whose decimal separator is the comma (German or French Excel writes
 * {@code 0,5;1,2e3}): read with ',' between fields, its {@code 0,5;1,2e3} became the fields {@code 0},
 * {@code 5;1} and {@code 2e3}, and a header-less file whose mapped column was the first one was imported with the
 * energy 0 (exit 0, nothing said). A field with a {@code ;} is refused with the file and line.
 */
final class SpreadsheetExport {
  private SpreadsheetExport() {}

  /**
   * @param fields one row's fields as read with ',' between them
   * @param where {@code FILE:LINE}
   * @return {@code fields}
   * @throws ImportException {@code FILE:LINE: ';' separates fields (...)} if a field holds a {@code ;}
   */
  static List<String> refuseSemicolons(List<String> fields, String where) {
    if (fields.stream().anyMatch(x -> x.indexOf(';') >= 0)) {
      throw new ImportException(DecimalCommas.message(where, "';' separates fields", String.join(",", fields),
          "',' between fields and a decimal point (0.5,1.2e3)"));
    }
    return fields;
  }
}
