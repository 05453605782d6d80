package org.cevns.physics.source;

import org.cevns.physics.Checks;

/**
 * Total intensity of a user-defined steady source: either a flux at the detector (no position, the same for
 * every detector) or an emission rate of a point source (fluence falls as 1/(4πL²)).
 *
 * @param kind flux or rate
 * @param value neutrinos per cm² per s ({@link Kind#FLUX_PER_CM2_S}) or per s ({@link Kind#RATE_PER_S}),
 *     finite and &gt; 0
 */
public record Intensity(Kind kind, double value) {
  /** What {@link #value} is. */
  public enum Kind {
    /** Neutrinos per cm² per second at the detector (config key {@code flux_per_cm2_s}). */
    FLUX_PER_CM2_S,
    /** Neutrinos per second emitted by a point source (config key {@code rate_per_s}). */
    RATE_PER_S
  }

  public Intensity {
    Checks.notNull("kind", kind);
    Checks.positive(kind == Kind.FLUX_PER_CM2_S ? "fluxPerCm2PerS" : "ratePerS", value);
  }

  /** A flux in neutrinos per cm² per s (no position). */
  public static Intensity fluxPerCm2PerS(double fluxPerCm2PerS) {
    return new Intensity(Kind.FLUX_PER_CM2_S, fluxPerCm2PerS);
  }

  /** An emission rate in neutrinos per s (point source). */
  public static Intensity ratePerS(double ratePerS) {
    return new Intensity(Kind.RATE_PER_S, ratePerS);
  }

  /** True for a rate, i.e. a point source. */
  public boolean pointSource() {
    return kind == Kind.RATE_PER_S;
  }
}
