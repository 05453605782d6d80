package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * {@code analysis.sensitivity} as bound ({@link ConfigBinding}); every key optional.
 *
 * @param exposureFactors {@code exposure_factors}: exposure multiples, non-empty, strictly increasing, each in
 *     [1e-6, 1e6]
 * @param coverageToys {@code coverage_toys} in [0, {@value #MAX_TOYS}] (null: 0)
 */
public record SensitivityKeys(
    @JsonProperty("exposure_factors") Optional<List<Double>> exposureFactors,
    @JsonProperty("coverage_toys") @IntBounds(min = 0, max = SensitivityKeys.MAX_TOYS) Integer coverageToys) {
  /** Largest number of toys of a configuration key. */
  public static final int MAX_TOYS = 10_000_000;
  private static final DoubleRange FACTOR = DoubleRange.closed(1e-6, 1e6);

  public SensitivityKeys {
    exposureFactors = Checks.optional(exposureFactors);
    if (exposureFactors.isPresent()) {
      List<Double> f = exposureFactors.get();
      if (f.isEmpty()) {
        throw new ConfigException("exposure_factors", "must be a non-empty list of increasing numbers > 0", "[]");
      }
      for (int i = 0; i < f.size(); i++) {
        String key = "exposure_factors[" + i + "]";
        FACTOR.check(key, f.get(i));
        if (i > 0 && !(f.get(i) > f.get(i - 1))) {
          throw new ConfigException(key, "must be > the previous factor (" + f.get(i - 1) + ")",
              ConfigException.render(f.get(i)));
        }
      }
      exposureFactors = Optional.of(List.copyOf(f));
    }
  }
}
