package org.cevns.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A target given as explicit isotopes with atom fractions (e.g. enriched xenon).
 *
 * @param isotopes non-empty, no isotope twice, fractions summing to 1 within {@value #SUM_TOLERANCE}
 */
public record IsotopeTarget(List<IsotopeFraction> isotopes) implements TargetConfig {
  /** Allowed deviation of the sum of the fractions from 1. */
  public static final double SUM_TOLERANCE = 1e-6;

  public IsotopeTarget {
    isotopes = List.copyOf(Checks.present("isotopes", isotopes));
    if (isotopes.isEmpty()) {
      throw new ConfigException("isotopes", "must be a non-empty list", "[]");
    }
    Set<String> seen = new HashSet<>();
    double sum = 0;
    for (int i = 0; i < isotopes.size(); i++) {
      IsotopeFraction iso = isotopes.get(i);
      if (!seen.add(iso.nuclide())) {
        throw new ConfigException("isotopes[" + i + "]", "must not repeat an isotope", iso.nuclide());
      }
      sum += iso.fraction();
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new ConfigException("isotopes", "fractions must sum to 1 (within 1e-6)", ConfigException.renderRounded(sum));
    }
  }
}
