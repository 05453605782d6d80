package org.cevns.analysis.config;

import java.util.Arrays;

/**
 * The {@code analysis.sensitivity} section.
 *
 * @param exposureFactors exposures relative to the configured one, each finite and &gt; 0, increasing
 * @param coverageToys toys of the coverage check at the configured exposure (0: none)
 */
public record SensitivitySettings(double[] exposureFactors, int coverageToys) {
  /** Default exposure factors. */
  public static final double[] DEFAULT_FACTORS = {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};

  public SensitivitySettings {
    if (exposureFactors == null || exposureFactors.length == 0) {
      throw new IllegalArgumentException("exposureFactors must be non-empty");
    }
    for (int i = 0; i < exposureFactors.length; i++) {
      double f = exposureFactors[i];
      if (!(f > 0) || Double.isInfinite(f)) {
        throw new IllegalArgumentException("exposureFactors[" + i + "] must be finite and > 0, got " + f);
      }
      if (i > 0 && !(f > exposureFactors[i - 1])) {
        throw new IllegalArgumentException("exposureFactors must be increasing, got " + exposureFactors[i - 1]
            + " then " + f);
      }
    }
    if (coverageToys < 0) {
      throw new IllegalArgumentException("coverageToys must be >= 0, got " + coverageToys);
    }
    exposureFactors = exposureFactors.clone();
  }

  /** The defaults. */
  public static SensitivitySettings defaults() {
    return new SensitivitySettings(DEFAULT_FACTORS, 0);
  }

  @Override
  public double[] exposureFactors() {
    return exposureFactors.clone();
  }

  /** These settings with {@code n} coverage toys. */
  public SensitivitySettings withCoverageToys(int n) {
    return new SensitivitySettings(exposureFactors, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensitivitySettings s && Arrays.equals(exposureFactors, s.exposureFactors)
        && coverageToys == s.coverageToys;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(exposureFactors) * 31 + coverageToys;
  }

  @Override
  public String toString() {
    return "SensitivitySettings[exposureFactors=" + Arrays.toString(exposureFactors) + ", coverageToys="
        + coverageToys + "]";
  }
}
