package org.cevns.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target given by its chemical formula, e.g. {@code CsI}, {@code C3F8}, {@code CaWO4}, {@code Ge}: element
 * symbols (case-sensitive, checked against Z = 1..118), each optionally followed by an atom count 1..9999
 * without leading zeros. No parentheses, hydrates or charges. An element written twice ({@code CH3CH3}) has
 * its counts added. The glue uses natural isotopic abundances for every element.
 *
 * @param formula the formula as written
 */
public record FormulaTarget(String formula) implements TargetConfig {
  static final String RULE =
      "must be a chemical formula of element symbols with optional counts, e.g. CsI, C3F8, CaWO4";
  private static final int MAX_COUNT = 9999;

  public FormulaTarget {
    parse(Checks.present("formula", formula));
  }

  /** The elements in order of first appearance, with their atom counts per formula unit. */
  public List<ElementCount> elements() {
    return parse(formula);
  }

  private static List<ElementCount> parse(String formula) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int i = 0;
    int n = formula.length();
    if (n == 0) {
      throw malformed(formula);
    }
    while (i < n) {
      char c = formula.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw malformed(formula);
      }
      int start = i++;
      if (i < n && formula.charAt(i) >= 'a' && formula.charAt(i) <= 'z') {
        i++;
      }
      String symbol = formula.substring(start, i);
      if (i < n && formula.charAt(i) >= 'a' && formula.charAt(i) <= 'z') {
        // three lower/upper letters in a row such as "Uue": not an element symbol of Z <= 118
        int end = i;
        while (end < n && Character.isLowerCase(formula.charAt(end))) {
          end++;
        }
        Elements.require("formula", formula.substring(start, end), formula);
      }
      Elements.require("formula", symbol, formula);
      int digitsStart = i;
      while (i < n && formula.charAt(i) >= '0' && formula.charAt(i) <= '9') {
        i++;
      }
      int count = 1;
      if (i > digitsStart) {
        String digits = formula.substring(digitsStart, i);
        if (digits.charAt(0) == '0' || digits.length() > 4) {
          throw malformed(formula);
        }
        count = Integer.parseInt(digits);
      }
      counts.merge(symbol, count, Integer::sum);
      if (counts.get(symbol) > MAX_COUNT) {
        throw malformed(formula);
      }
    }
    List<ElementCount> elements = new ArrayList<>();
    counts.forEach((s, k) -> elements.add(new ElementCount(s, Elements.atomicNumber(s).getAsInt(), k)));
    return Collections.unmodifiableList(elements);
  }

  private static ConfigException malformed(String formula) {
    return new ConfigException("formula", RULE, ConfigException.quote(formula));
  }
}
