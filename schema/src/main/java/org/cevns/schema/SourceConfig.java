package org.cevns.schema;

/**
 * One entry of {@code sources}: the parsed, validated keys of one source. Keys that have a preset or a
 * physics default in the source classes (facility presets, reactor fission data, the solar flux) are kept
 * empty when not given, so the source factory applies its default; the records never invent those values.
 */
public sealed interface SourceConfig
    permits PionDarConfig, ReactorConfig, Solar8BConfig, MonoenergeticConfig, SpectrumFileConfig,
    SolarConfig {
  /** Unique name, matching {@code [A-Za-z0-9_.-]+}. */
  String name();

  /** The {@code type} key. */
  SourceType type();

  /** Default exposure for every detector. */
  ExposureConfig exposure();

  /** True if the flux falls as 1/(4πL²) with the distance to a detector, so each detector needs a distance. */
  boolean pointSource();
}
