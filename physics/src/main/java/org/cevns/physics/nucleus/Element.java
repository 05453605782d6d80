package org.cevns.physics.nucleus;

import java.util.List;

/**
 * A chemical element with its naturally occurring isotopes (abundances summing to 1), from {@link IsotopeTable}.
 *
 * @param symbol   element symbol, e.g. {@code "Ge"}
 * @param z        proton number
 * @param isotopes natural isotopes in increasing A, each with its natural abundance (atom fraction)
 */
public record Element(String symbol, int z, List<Isotope> isotopes) {

  /** Validates and copies the isotope list. */
  public Element {
    if (symbol == null || z < 1) {
      throw new IllegalArgumentException("element: symbol and z >= 1 required, got " + symbol + ", " + z);
    }
    if (isotopes == null || isotopes.isEmpty()) {
      throw new IllegalArgumentException("element " + symbol + " isotopes: must be non-empty");
    }
    for (Isotope iso : isotopes) {
      if (iso.z() != z || !iso.symbol().equals(symbol)) {
        throw new IllegalArgumentException("element " + symbol + " isotopes: " + iso.label() + " is not " + symbol);
      }
    }
    isotopes = List.copyOf(isotopes);
  }

  /**
   * Mean atomic mass of the natural element in u, numerically equal to its molar mass in g/mol:
   * Σ x_i m_i over the natural isotopes (compare with the CIAAW standard atomic weight).
   */
  public double molarMassGPerMol() {
    double sum = 0;
    for (Isotope iso : isotopes) {
      sum += iso.naturalAbundance() * iso.atomicMassU();
    }
    return sum;
  }
}
