package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One isotope of an {@link IsotopeTarget}: YAML {@code {element: Xe, a: 136, fraction: 0.9}}.
 *
 * @param element element symbol (case-sensitive, Z = 1..118)
 * @param a mass number, in [Z, 300]
 * @param fraction atom fraction, in (0, 1]
 */
public record IsotopeFraction(@JsonProperty(value = "element", required = true) String element,
    @JsonProperty(value = "a", required = true) @IntBounds(min = 1, max = IsotopeFraction.MAX_A) int a,
    @JsonProperty(value = "fraction", required = true) double fraction) {
  /** Largest mass number accepted (a typo guard; the heaviest known nuclides have A below 300). */
  public static final int MAX_A = 300;

  public IsotopeFraction {
    checkNuclide(element, a);
    DoubleRange.openClosed(0, 1).check("fraction", fraction);
  }

  /** Checks keys {@code element} (a symbol) and {@code a} (in [Z, 300]); returns Z. */
  static int checkNuclide(String element, int a) {
    int z = Elements.require("element", Checks.present("element", element), element);
    if (a < z || a > MAX_A) {
      throw new ConfigException("a", "must be an integer in [" + z + ", " + MAX_A + "] for " + element, Integer.toString(a));
    }
    return z;
  }

  /** Atomic number of {@link #element}. */
  public int z() {
    return Elements.atomicNumber(element).getAsInt();
  }

  /** The nuclide key, element symbol + A, e.g. {@code Xe136}. */
  public String nuclide() {
    return element + a;
  }
}
