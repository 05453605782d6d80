package org.cevns.physics.nucleus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parser for simple chemical formulas: a sequence of element symbols ({@code [A-Z][a-z]?}), each followed by an
 * optional positive count, e.g. {@code CaWO4}, {@code C3F8}, {@code Al2O3}, {@code CsI}, {@code Ge}, {@code H2O}.
 * A symbol that appears twice is summed ({@code CH3CH3} = C2H6). Parentheses, hydrates and fractional counts
 * are not supported. Every symbol must be in {@link IsotopeTable}.
 */
final class ChemicalFormula {
  private ChemicalFormula() {}

  /** Largest accepted count per symbol (guards against typos such as {@code Ge10000}). */
  public static final int MAX_COUNT = 1000;

  /**
   * Parses {@code formula} into element symbol → atoms per formula unit, in order of first appearance.
   *
   * @throws IllegalArgumentException naming the formula and the position of the problem
   */
  public static Map<String, Integer> parse(String formula) {
    if (formula == null || formula.isBlank()) {
      throw new IllegalArgumentException("chemical formula: must be non-empty, e.g. 'CsI' or 'CaWO4'");
    }
    String f = formula.trim();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw new IllegalArgumentException("chemical formula '" + f + "': expected an element symbol (capital "
            + "letter) at position " + (i + 1) + ", got '" + c + "'" + hint(c));
      }
      int start = i++;
      if (i < f.length() && f.charAt(i) >= 'a' && f.charAt(i) <= 'z') {
        i++;
      }
      String symbol = f.substring(start, i);
      if (!IsotopeTable.contains(symbol)) {
        throw new IllegalArgumentException("chemical formula '" + f + "': unknown element '" + symbol
            + "'; known: " + String.join(", ", IsotopeTable.symbols()));
      }
      int digitsStart = i;
      while (i < f.length() && Character.isDigit(f.charAt(i))) {
        i++;
      }
      int count = 1;
      if (i > digitsStart) {
        String digits = f.substring(digitsStart, i);
        if (digits.length() > 4 || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_COUNT) {
          throw new IllegalArgumentException("chemical formula '" + f + "': count of " + symbol
              + " must be in [1, " + MAX_COUNT + "], got " + digits);
        }
        count = Integer.parseInt(digits);
      }
      counts.merge(symbol, count, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  private static String hint(char c) {
    if (c == '(' || c == ')') {
      return " (parentheses are not supported; expand the group, e.g. Ca(OH)2 -> CaO2H2)";
    }
    if (Character.isWhitespace(c) || c == '.' || c == '·') {
      return " (write the formula without spaces or dots)";
    }
    if (Character.isDigit(c)) {
      return " (a count must follow an element symbol)";
    }
    return "";
  }
}
