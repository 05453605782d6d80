package org.cevns.generator.config;

/** Choice of the weak neutral-current nucleon couplings (brief §2). YAML {@code physics.couplings}. */
public enum Couplings {
  /** {@code tree}: g_V^p = 1/2 − 2 sin²θ_W, g_V^n = −1/2. */
  TREE,
  /** {@code pdg}: radiatively corrected, PDG electroweak review parametrisation. */
  PDG,
  /** {@code charge-radius}: flavour-dependent neutrino charge-radius shift of g_V^p (Erler & Su 2013). */
  CHARGE_RADIUS
}
