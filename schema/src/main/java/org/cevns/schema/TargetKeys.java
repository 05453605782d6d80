package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The YAML {@code target} map of a detector as bound ({@link ConfigBinding}): exactly one of {@code formula} and
 * {@code isotopes}; {@link #target()} is the {@link TargetConfig} it describes.
 *
 * @param formula a chemical formula ({@link FormulaTarget})
 * @param isotopes isotopes with atom fractions ({@link IsotopeTarget})
 */
record TargetKeys(@JsonProperty("formula") Optional<String> formula,
    @JsonProperty("isotopes") Optional<List<IsotopeFraction>> isotopes) {
  TargetKeys {
    Checks.exactlyOne(List.of("formula", "isotopes"), formula.isPresent(), isotopes.isPresent());
    target(formula, isotopes);
  }

  /** The target the keys describe. */
  TargetConfig target() {
    return target(formula, isotopes);
  }

  private static TargetConfig target(Optional<String> formula, Optional<List<IsotopeFraction>> isotopes) {
    return formula.isPresent() ? new FormulaTarget(formula.get()) : new IsotopeTarget(isotopes.get());
  }
}
