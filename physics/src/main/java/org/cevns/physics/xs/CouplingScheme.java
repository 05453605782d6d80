package org.cevns.physics.xs;

import java.util.Locale;

/**
 * How the neutrino–nucleon vector couplings are computed ({@code physics.couplings}: {@code tree}, {@code pdg},
 * {@code charge-radius}); see {@link Couplings#of(CouplingScheme, org.cevns.physics.Flavor, double)}.
 */
public enum CouplingScheme {
  /** Tree level: g_V^p = 1/2 − 2 sin²θ_W, g_V^n = −1/2. */
  TREE,
  /** PDG electroweak-review parametrisation with radiative corrections (flavour independent). */
  PDG,
  /** Radiative corrections with the flavour-dependent neutrino charge-radius shift of g_V^p (Erler &amp; Su). */
  CHARGE_RADIUS;

  /** The configuration spelling, e.g. {@code charge-radius}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses the configuration spelling. */
  public static CouplingScheme fromConfigName(String s) {
    for (CouplingScheme c : values()) {
      if (c.configName().equals(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown coupling scheme '" + s + "', allowed: tree, pdg, charge-radius");
  }
}
