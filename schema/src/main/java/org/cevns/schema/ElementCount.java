package org.cevns.schema;

/**
 * One element of a chemical formula and its number of atoms per formula unit ({@code C3F8}: C 3, F 8).
 *
 * @param symbol element symbol, e.g. {@code Cs}
 * @param z atomic number, consistent with {@code symbol}
 * @param count atoms per formula unit, >= 1
 */
public record ElementCount(String symbol, int z, int count) {
  public ElementCount {
    int expectedZ = Elements.require("symbol", Checks.present("symbol", symbol), symbol);
    if (z != expectedZ) {
      throw new ConfigException("z", "must be " + expectedZ + " for " + symbol, Integer.toString(z));
    }
    if (count < 1) {
      throw new ConfigException("count", "must be >= 1", Integer.toString(count));
    }
  }
}
