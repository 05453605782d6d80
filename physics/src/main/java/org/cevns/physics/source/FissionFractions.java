package org.cevns.physics.source;

import org.cevns.physics.Checks;

/**
 * Fractions of the fissions of a reactor core due to each isotope (config {@code fission_fractions}). Each
 * finite and &ge; 0; the four sum to 1 within {@value #SUM_TOLERANCE}.
 */
public record FissionFractions(double u235, double u238, double pu239, double pu241) {
  /** Allowed |Σ f_i − 1|. */
  public static final double SUM_TOLERANCE = 1e-6;

  public FissionFractions {
    Checks.nonNegative("fission_fractions.U235", u235);
    Checks.nonNegative("fission_fractions.U238", u238);
    Checks.nonNegative("fission_fractions.Pu239", pu239);
    Checks.nonNegative("fission_fractions.Pu241", pu241);
    double sum = u235 + u238 + pu239 + pu241;
    if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
      throw new IllegalArgumentException("fission_fractions must sum to 1 within " + SUM_TOLERANCE + ", got "
          + sum + " (U235 " + u235 + ", U238 " + u238 + ", Pu239 " + pu239 + ", Pu241 " + pu241 + ")");
    }
  }

  /** Typical mid-cycle PWR fractions 0.58/0.07/0.30/0.05 (U235/U238/Pu239/Pu241). */
  public static FissionFractions typical() {
    return new FissionFractions(0.58, 0.07, 0.30, 0.05);
  }

  /** Fraction of {@code isotope}. */
  public double get(FissionIsotope isotope) {
    return switch (isotope) {
      case U235 -> u235;
      case U238 -> u238;
      case PU239 -> pu239;
      case PU241 -> pu241;
    };
  }
}
