package org.cevns.schema;

/** The {@code type} of a source, spelled {@code pion-dar}, {@code reactor}, {@code solar-8b}, ... */
public enum SourceType {
  /** {@link PionDarConfig}. */
  PION_DAR,
  /** {@link ReactorConfig}. */
  REACTOR,
  /** {@link Solar8BConfig}. */
  SOLAR_8B,
  /** {@link MonoenergeticConfig}. */
  MONOENERGETIC,
  /** {@link SpectrumFileConfig}. */
  SPECTRUM_FILE,
  /** {@link SolarConfig}: the solar branches below ⁸B (pp, pep, ⁷Be, CNO). */
  SOLAR
}
