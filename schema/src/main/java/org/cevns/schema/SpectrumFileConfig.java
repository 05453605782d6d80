package org.cevns.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.cevns.physics.Flavor;

/**
 * A {@code spectrum-file} source: the energy shape from a CSV file ({@code energy_mev,dn_de}), normalised to
 * exactly one of {@code flux_per_cm2_s} (no position) or {@code rate_per_s} (point source). The loader checks
 * that the file exists; its contents are read and validated by the source factory.
 *
 * @param name unique source name
 * @param file the path as written in the configuration (relative to the configuration file's directory
 *     unless absolute); kept for the resolved YAML
 * @param resolvedFile {@code file} resolved against the configuration directory, absolute and normalised
 * @param flavor neutrino flavour
 * @param parent {@code parent} column label; YAML default {@value #DEFAULT_PARENT}
 * @param fluxPerCm2S total flux at the detectors (cm⁻² s⁻¹), > 0
 * @param ratePerS total emission rate (s⁻¹), > 0; makes it a point source
 * @param exposure default exposure (live time) for every detector
 */
public record SpectrumFileConfig(
    String name,
    String file,
    Path resolvedFile,
    Flavor flavor,
    String parent,
    OptionalDouble fluxPerCm2S,
    OptionalDouble ratePerS,
    LiveTimeExposure exposure) implements SourceConfig {

  /** Default {@code parent}. */
  public static final String DEFAULT_PARENT = "user";

  public SpectrumFileConfig {
    Checks.name("name", name);
    Checks.present("file", file);
    if (file.isBlank()) {
      throw new ConfigException("file", "must be a non-empty path", ConfigException.quote(file));
    }
    resolvedFile = Objects.requireNonNull(resolvedFile, "resolvedFile").toAbsolutePath().normalize();
    Checks.present("flavor", flavor);
    Checks.name("parent", parent);
    fluxPerCm2S = Checks.optional("flux_per_cm2_s", fluxPerCm2S, PhysicalRanges.FLUX_PER_CM2_S);
    ratePerS = Checks.optional("rate_per_s", ratePerS, PhysicalRanges.RATE_PER_S);
    Checks.exactlyOne(List.of("flux_per_cm2_s", "rate_per_s"), fluxPerCm2S.isPresent(), ratePerS.isPresent());
    Checks.present("exposure", exposure);
  }

  @Override
  public SourceType type() {
    return SourceType.SPECTRUM_FILE;
  }

  /** True when given as {@code rate_per_s}. */
  @Override
  public boolean pointSource() {
    return ratePerS.isPresent();
  }
}
