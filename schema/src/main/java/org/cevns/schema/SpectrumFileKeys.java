package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.Flavor;

/**
 * A {@code sources[i]} map of type {@code spectrum-file} as bound ({@link ConfigBinding}); {@link #config(Path)}
 * resolves the file against the configuration's directory and checks that it can be read.
 */
record SpectrumFileKeys(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty("type") SourceType type,
    @JsonProperty(value = "file", required = true) String file,
    @JsonProperty(value = "flavor", required = true) Flavor flavor,
    @JsonProperty("parent") Optional<String> parent,
    @JsonProperty("flux_per_cm2_s") OptionalDouble fluxPerCm2S,
    @JsonProperty("rate_per_s") OptionalDouble ratePerS,
    @JsonProperty(value = "exposure", required = true) LiveTimeExposure exposure) {

  /** The source, {@code file} resolved against {@code baseDir} (errors relative to the source). */
  SpectrumFileConfig config(Path baseDir) {
    Path resolved;
    try {
      resolved = baseDir.resolve(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException("file", LocaleEncoding.invalidFileName(file, e), ConfigException.quote(file));
    }
    if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
      throw new ConfigException("file", "must be a readable file (relative paths are relative to the configuration"
          + " file's directory; looked for " + resolved + ")", ConfigException.quote(file));
    }
    return new SpectrumFileConfig(name, file, resolved, flavor, parent.orElse(SpectrumFileConfig.DEFAULT_PARENT),
        fluxPerCm2S, ratePerS, exposure);
  }
}
