package org.cevns.generator.config;

/** Nuclear form factor model (brief §3). YAML {@code physics.form_factor}. */
public enum FormFactorModel {
  /** {@code helm}: Lewin & Smith 1996. */
  HELM,
  /** {@code klein-nystrand}. */
  KLEIN_NYSTRAND,
  /** {@code symmetrized-fermi}. */
  SYMMETRIZED_FERMI,
  /** {@code unity}: F = 1 (no nuclear structure; for tests and comparisons). */
  UNITY
}
