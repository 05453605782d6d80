package org.cevns.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Chemical element symbols Z = 1..118 (IUPAC, including the 2016 names Nh, Mc, Ts, Og), for validating
 * target formulas, isotope lists and nuclide keys. Symbols are case-sensitive ({@code Cs}, not {@code CS}).
 */
public final class Elements {
  private static final String[] SYMBOLS = {
    "H", "He",
    "Li", "Be", "B", "C", "N", "O", "F", "Ne",
    "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
    "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
    "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
    "Cs", "Ba",
    "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
    "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
    "Fr", "Ra",
    "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
    "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"
  };
  private static final Map<String, Integer> Z_BY_SYMBOL = new HashMap<>();

  static {
    for (int i = 0; i < SYMBOLS.length; i++) {
      Z_BY_SYMBOL.put(SYMBOLS[i], i + 1);
    }
  }

  /** Highest atomic number known (Og). */
  public static final int MAX_Z = SYMBOLS.length;

  private Elements() {}

  /** Atomic number of {@code symbol}, empty if it is not an element symbol. */
  public static OptionalInt atomicNumber(String symbol) {
    Integer z = Z_BY_SYMBOL.get(symbol);
    return z == null ? OptionalInt.empty() : OptionalInt.of(z);
  }

  /** Symbol of element {@code z}. */
  public static String symbol(int z) {
    if (z < 1 || z > MAX_Z) {
      throw new IllegalArgumentException("z must be in [1, " + MAX_Z + "], got " + z);
    }
    return SYMBOLS[z - 1];
  }

  /**
   * Atomic number of {@code symbol}, or a {@link ConfigException} at {@code keyPath}:
   * {@code KEY: unknown element symbol 'Xx', got 'XxI'} ({@code context} is the whole value it came from).
   */
  static int require(String keyPath, String symbol, String context) {
    OptionalInt z = atomicNumber(symbol);
    if (z.isEmpty()) {
      throw new ConfigException(keyPath, "unknown element symbol " + ConfigException.quote(symbol)
          + " (symbols are case-sensitive, e.g. Cs, Xe, Ge)", ConfigException.quote(context));
    }
    return z.getAsInt();
  }
}
