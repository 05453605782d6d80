package org.cevns.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A whole experiment configuration, validated: every record on its own (compact constructors) and the
 * cross-references here (unique names, {@code distances_m} and {@code exposure} keys naming sources, a distance
 * from every detector to every point source, override exposures of the source's kind). Errors carry full key
 * paths ({@code detectors[1].distances_m.snss: unknown source, allowed: sns}).
 *
 * @param name experiment name, matching {@code [A-Za-z0-9_.-]+}
 * @param seed random seed, if given (the CLI's {@code --seed} overrides it; absent: drawn and recorded)
 * @param physics the {@code physics} section with defaults applied
 * @param generator the {@code generator} section with defaults applied
 * @param sources the sources, at least one, in file order
 * @param detectors the detectors, at least one, in file order
 * @param windows the top-level {@code windows} section (analysis stage), unparsed
 * @param analysis the top-level {@code analysis} section, unparsed
 * @param configFile the file it was loaded from, if any
 * @param baseDir directory against which relative file names in the configuration are resolved
 * @param yamlText the original YAML text, verbatim
 */
public record ExperimentConfig(
    String name,
    OptionalLong seed,
    PhysicsConfig physics,
    GeneratorSettings generator,
    List<SourceConfig> sources,
    List<DetectorConfig> detectors,
    Optional<StageSection> windows,
    Optional<StageSection> analysis,
    Optional<Path> configFile,
    Path baseDir,
    String yamlText) {

  public ExperimentConfig {
    Checks.name("name", name);
    seed = seed == null ? OptionalLong.empty() : seed;
    Checks.present("physics", physics);
    Checks.present("generator", generator);
    sources = List.copyOf(Checks.present("sources", sources));
    detectors = List.copyOf(Checks.present("detectors", detectors));
    windows = Checks.optional(windows);
    analysis = Checks.optional(analysis);
    configFile = Checks.optional(configFile);
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(yamlText, "yamlText");
    checkReferences(sources, detectors);
  }

  private static void checkReferences(List<SourceConfig> sources, List<DetectorConfig> detectors) {
    if (sources.isEmpty()) {
      throw new ConfigException("sources", "must be a non-empty list", "[]");
    }
    if (detectors.isEmpty()) {
      throw new ConfigException("detectors", "must be a non-empty list", "[]");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!names.add(sources.get(i).name())) {
        throw new ConfigException("sources[" + i + "].name", "must be unique among sources", ConfigException.quote(sources.get(i).name()));
      }
    }
    Map<String, SourceConfig> byName = sources.stream().collect(Collectors.toMap(SourceConfig::name, s -> s));
    String allowed = sources.stream().map(SourceConfig::name).collect(Collectors.joining(", "));
    names.clear();
    for (int i = 0; i < detectors.size(); i++) {
      DetectorConfig d = detectors.get(i);
      String path = "detectors[" + i + "]";
      if (!names.add(d.name())) {
        throw new ConfigException(path + ".name", "must be unique among detectors", ConfigException.quote(d.name()));
      }
      for (String source : d.distancesM().keySet()) {
        SourceConfig s = byName.get(source);
        if (s == null) {
          throw new ConfigException(path + ".distances_m." + source, "unknown source, allowed: " + allowed);
        }
        if (!s.pointSource()) {
          throw new ConfigException(path + ".distances_m." + source,
              "source '" + source + "' is not a point source, its flux does not depend on a distance");
        }
      }
      for (Map.Entry<String, ExposureConfig> e : d.exposure().entrySet()) {
        SourceConfig s = byName.get(e.getKey());
        if (s == null) {
          throw new ConfigException(path + ".exposure." + e.getKey(), "unknown source, allowed: " + allowed);
        }
        if (!s.exposure().getClass().equals(e.getValue().getClass())) {
          throw new ConfigException(path + ".exposure." + e.getKey(), "must be an exposure of the kind of "
              + ConfigNode.spelling(s.type()) + " source '" + s.name() + "'");
        }
      }
      for (SourceConfig s : sources) {
        if (s.pointSource() && d.distanceMTo(s.name()).isEmpty()) {
          throw new ConfigException(path + ".distance_m", "required key is missing (needed for point source '"
              + s.name() + "'; or give distances_m." + s.name() + ")");
        }
      }
      // given (not derived from geometry.position_m) without a point source: it would be silently ignored
      if (sources.stream().noneMatch(SourceConfig::pointSource) && d.distanceM().isPresent()
          && d.geometry().distanceM().isEmpty()) {
        throw new ConfigException(path + ".distance_m", "no source is a point source (their fluxes do not depend"
            + " on a distance); remove it", ConfigException.render(d.distanceM().getAsDouble()));
      }
    }
  }

  /**
   * The same configuration with another {@code physics} section (e.g. the Standard-Model twin of a new-physics
   * configuration for {@code cevns rates}); the YAML text is kept as read.
   */
  public ExperimentConfig withPhysics(PhysicsConfig other) {
    return new ExperimentConfig(name, seed, other, generator, sources, detectors, windows, analysis, configFile,
        baseDir, yamlText);
  }

  /** The source named {@code sourceName}, if any. */
  public Optional<SourceConfig> source(String sourceName) {
    return sources.stream().filter(s -> s.name().equals(sourceName)).findFirst();
  }

  /** The detector named {@code detectorName}, if any. */
  public Optional<DetectorConfig> detector(String detectorName) {
    return detectors.stream().filter(d -> d.name().equals(detectorName)).findFirst();
  }

  /** The exposure of {@code detector} to {@code source}: the detector's override or the source's default. */
  public ExposureConfig exposure(DetectorConfig detector, SourceConfig source) {
    return detector.exposureFor(source.name()).orElse(source.exposure());
  }

  /**
   * The effective configuration as a tree: every key as parsed, plus the defaults owned by the config package
   * ({@code physics}, {@code generator}, detector {@code threshold_kevnr}/{@code roi_max_kevnr}, the
   * {@code parent} of monoenergetic and spectrum-file sources). Source keys left to presets are absent (the
   * glue adds them). A fresh copy on every call; keys in schema order.
   */
  public ObjectNode resolvedTree() {
    return ResolvedYaml.tree(this);
  }

  /**
   * {@link #resolvedTree()} as YAML text, for the {@code cevns.config} file metadata. Deterministic, and
   * loading it again gives an equal configuration (apart from {@link #yamlText()} and {@link #configFile()}).
   */
  public String resolvedYaml() {
    return YamlWriter.write(resolvedTree());
  }
}
