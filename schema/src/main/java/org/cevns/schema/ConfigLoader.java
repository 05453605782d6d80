package org.cevns.schema;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Loads an experiment configuration (YAML, schema in {@code docs/design.md} and {@code configs/reference.yaml})
 * into a validated {@link ExperimentConfig}. Every problem is a {@link ConfigException} with a one-line
 * message naming the key path; the first problem found is reported.
 */
public final class ConfigLoader {
  /** Largest configuration file read, 1 MiB (the shipped ones are below 20 kB). */
  public static final long MAX_CONFIG_BYTES = 1L << 20;

  /**
   * Reads a regular file of at most {@code maxBytes} bytes. FIFOs, devices ({@code /dev/zero}) and other
   * non-regular files are refused before reading, so a read can neither block nor run without end.
   *
   * @param what what the file is, for the message ("configuration", "spectrum file")
   * @throws ConfigException (key path: the file) if it is not a regular file or is too large
   * @throws IOException if reading fails
   */
  public static byte[] readBounded(Path file, long maxBytes, String what) throws IOException {
    String where = file.toString();
    java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
        java.nio.file.attribute.BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw new ConfigException(where, "cannot read " + what + ": not a regular file (a FIFO, device or socket)");
    }
    if (a.size() > maxBytes) {
      throw new ConfigException(where, "cannot read " + what + ": " + a.size() + " bytes, more than the "
          + maxBytes + " allowed");
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new ConfigException(where, "cannot read " + what + ": more than " + maxBytes + " bytes");
      }
      return bytes;
    }
  }

  /** Key path used for errors of a configuration given as a string. */
  public static final String STRING_SOURCE_NAME = "<yaml>";

  private ConfigLoader() {}

  /** Top-level key naming configuration files to include (resolved before validation, see {@link ConfigIncludes}). */
  public static final String INCLUDE_KEY = "include";

  /**
   * Reads and validates the configuration file {@code file} (UTF-8). Relative file names inside it are
   * resolved against the file's directory.
   *
   * @throws ConfigException if the file cannot be read or the configuration is invalid
   */
  public static ExperimentConfig load(Path file) {
    return load(file, List.of());
  }

  /**
   * Reads the configuration file {@code file} (UTF-8), resolves its {@code include:}, applies the command-line
   * {@code overrides} in order and validates the result. Relative file names are resolved against the directory
   * of the file that names them.
   *
   * @throws ConfigException if a file cannot be read, an override does not apply or the configuration is invalid
   */
  public static ExperimentConfig load(Path file, List<ConfigOverride> overrides) {
    return load(file, overrides, null);
  }

  /**
   * As {@link #load(Path, List)}; before validating, hands {@code read} (if not null) the tree and the included
   * files exactly as {@link #tree(Path, List, List)} gives them (real paths), followed by those of them named
   * through a symbolic link as named, from the same reading of the files (so that a caller needing both does not
   * read and parse them twice: {@code cevns rates}' cache, issue 12).
   */
  public static ExperimentConfig load(Path file, List<ConfigOverride> overrides,
      java.util.function.BiConsumer<ObjectNode, List<Path>> read) {
    String where = file.toString();
    String yaml = readText(file, where, "configuration");
    Path absolute = file.toAbsolutePath().normalize();
    List<Path> included = read == null ? null : new ArrayList<>();
    ObjectNode tree = tree(yaml, absolute.getParent(), Optional.of(absolute), where, overrides, included);
    ConfigBinding.loading(tree);
    if (read != null) {
      read.accept(tree, List.copyOf(included));
    }
    return parse(tree, absolute.getParent(), Optional.of(absolute), yaml);
  }

  /**
   * The configuration tree of {@code file} as the loader validates it: includes resolved (relative
   * {@code file:} values of included files rewritten relative to {@code file}'s directory) and {@code overrides}
   * applied; not yet validated (load it with {@link #load(Path, List)} for that).
   *
   * @throws ConfigException if a file cannot be read or an override does not apply
   */
  public static ObjectNode tree(Path file, List<ConfigOverride> overrides) {
    return tree(file, overrides, null);
  }

  /**
   * As {@link #tree(Path, List)}; adds the real path of every file {@code file} includes (recursively, each once) to
   * {@code included} (if not null), as {@link #includedFiles} lists them, from the same reading of the files, then
   * each of them named through a symbolic link as named (absolute, normalised).
   */
  public static ObjectNode tree(Path file, List<ConfigOverride> overrides, List<Path> included) {
    String where = file.toString();
    String yaml = readText(file, where, "configuration");
    Path absolute = file.toAbsolutePath().normalize();
    return tree(yaml, absolute.getParent(), Optional.of(absolute), where, overrides, included);
  }

  /**
   * Parses and validates configuration text.
   *
   * @param yaml the YAML text
   * @param baseDir directory against which relative file names (spectrum files, includes) are resolved
   * @throws ConfigException if the configuration is invalid; syntax errors name {@value #STRING_SOURCE_NAME}
   */
  public static ExperimentConfig parse(String yaml, Path baseDir) {
    return parse(yaml, baseDir, List.of());
  }

  /** {@link #parse(String, Path)} with command-line overrides applied before validation. */
  public static ExperimentConfig parse(String yaml, Path baseDir, List<ConfigOverride> overrides) {
    Path dir = baseDir.toAbsolutePath().normalize();
    return parse(tree(yaml, dir, Optional.empty(), STRING_SOURCE_NAME, overrides), dir, Optional.empty(), yaml);
  }

  /** Reads a configuration file as UTF-8 text (a leading byte-order mark removed). */
  static String readText(Path file, String where, String what) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(where, "cannot read " + what + ": is a directory, expected a YAML file");
    }
    byte[] bytes;
    try {
      bytes = readBounded(file, MAX_CONFIG_BYTES, what);
    } catch (NoSuchFileException e) {
      throw new ConfigException(where, "cannot read " + what + ": file not found");
    } catch (IOException | SecurityException e) {
      throw new ConfigException(where, "cannot read " + what + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    String yaml;
    try {
      yaml = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(where, "cannot read " + what + ": not UTF-8 text (" + Utf8Text.firstBadByte(bytes)
          + "); save the file as UTF-8");
    }
    return yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
  }

  /** An included configuration file's tree (a map), its own includes not yet resolved. */
  /** The files {@code file} includes ({@code include:}, recursively; real paths, each once): inputs too. */
  public static List<Path> includedFiles(Path file) {
    return ConfigIncludes.files(file);
  }

  static ObjectNode readTree(Path file, String where, String what) {
    JsonNode tree = YamlReader.read(readText(file, where, what), where);
    if (!tree.isObject()) {
      throw new ConfigException(where, what + " must be a map of configuration keys",
          tree.isMissingNode() ? "an empty file" : ConfigException.render(tree));
    }
    return (ObjectNode) tree;
  }

  private static ObjectNode tree(String yaml, Path baseDir, Optional<Path> file, String sourceName,
      List<ConfigOverride> overrides) {
    return tree(yaml, baseDir, file, sourceName, overrides, null);
  }

  private static ObjectNode tree(String yaml, Path baseDir, Optional<Path> file, String sourceName,
      List<ConfigOverride> overrides, List<Path> included) {
    List<Path> named = included == null ? null : new ArrayList<>();
    ObjectNode resolved = tree(yaml, baseDir, file, sourceName, overrides, included, named);
    if (included != null) {
      for (Path p : named) {
        if (!included.contains(p)) {
          included.add(p); // a symbolic link: the link too, so that re-pointing it is seen
        }
      }
    }
    return resolved;
  }

  private static ObjectNode tree(String yaml, Path baseDir, Optional<Path> file, String sourceName,
      List<ConfigOverride> overrides, List<Path> included, List<Path> named) {
    JsonNode tree = YamlReader.read(yaml, sourceName);
    if (tree.isMissingNode() || tree.isNull()) {
      throw new ConfigException(sourceName, "configuration is empty, expected a map with name, sources and detectors");
    }
    if (!tree.isObject()) {
      throw new ConfigException(sourceName, "configuration must be a map with name, sources and detectors",
          ConfigException.render(tree));
    }
    List<Path> chain = new ArrayList<>();
    file.ifPresent(f -> chain.add(ConfigIncludes.real(f)));
    ObjectNode resolved = ConfigIncludes.resolve((ObjectNode) tree, baseDir, sourceName, chain,
        List.of(sourceName), included, named);
    for (ConfigOverride o : overrides) {
      o.applyTo(resolved);
    }
    return resolved;
  }

  private static ExperimentConfig parse(ObjectNode tree, Path baseDir, Optional<Path> file, String yaml) {
    ExperimentKeys root = ConfigBinding.bind(tree, "", ExperimentKeys.class);
    OptionalLong seed = root.seed().map(OptionalLong::of).orElse(OptionalLong.empty());
    PhysicsConfig physics = section(tree, "physics").map(p -> p.build(() -> p.bind(PhysicsKeys.class).config()))
        .orElseGet(PhysicsConfig::defaults);
    GeneratorSettings generator = section(tree, "generator").map(g -> g.bind(GeneratorSettings.class))
        .orElseGet(GeneratorSettings::defaults);
    List<SourceConfig> sources = new ArrayList<>();
    for (ConfigNode s : nonEmptyList(tree, "sources")) {
      sources.add(source(s, baseDir));
    }
    Map<String, SourceConfig> sourcesByName = new LinkedHashMap<>();
    sources.forEach(s -> sourcesByName.putIfAbsent(s.name(), s));
    List<DetectorConfig> detectors = new ArrayList<>();
    for (ConfigNode d : nonEmptyList(tree, "detectors")) {
      detectors.add(detector(d, sourcesByName));
    }
    checkRecoilFloor(physics, detectors);
    Optional<StageSection> windows = section(tree, "windows").map(w -> new StageSection(w.path(), w.json()));
    Optional<StageSection> analysis = section(tree, "analysis").map(a -> new StageSection(a.path(), a.json()));
    return new ExperimentConfig(root.name(), seed, physics, generator, sources, detectors, windows, analysis, file,
        baseDir, yaml);
  }

  /** The top-level section {@code key}, if present (a reader at its path). */
  private static Optional<ConfigNode> section(ObjectNode tree, String key) {
    return tree.has(key) ? Optional.of(ConfigNode.of(tree.get(key), key)) : Optional.empty();
  }

  /** With a model that needs the recoil floor, the floor must not cut into any detector's CEvNS window. */
  private static void checkRecoilFloor(PhysicsConfig physics, List<DetectorConfig> detectors) {
    boolean inverse = false;
    for (org.cevns.physics.Flavor f : org.cevns.physics.Flavor.values()) {
      inverse |= physics.newPhysics().needsRecoilFloor(f);
    }
    if (!inverse) {
      return;
    }
    for (DetectorConfig d : detectors) {
      if (d.thresholdKeVnr() > 0 && physics.recoilFloorKeV() > d.thresholdKeVnr()) {
        throw new ConfigException("physics.recoil_floor_kev", "must be <= the smallest detector threshold_kevnr "
            + d.thresholdKeVnr() + " (detector " + d.name() + ")", Double.toString(physics.recoilFloorKeV()));
      }
    }
  }

  /** The items of the top-level list {@code key} (bound as a list already), which must not be empty. */
  private static List<ConfigNode> nonEmptyList(ObjectNode tree, String key) {
    ConfigNode list = ConfigNode.of(tree.get(key), key);
    List<ConfigNode> items = list.elements();
    if (items.isEmpty()) {
      throw list.error("must be a non-empty list");
    }
    return items;
  }

  private static DetectorConfig detector(ConfigNode d, Map<String, SourceConfig> sources) {
    DetectorKeys keys = d.bind(DetectorKeys.class);
    Map<String, ExposureConfig> exposure = new LinkedHashMap<>();
    List<String> exposureSchema = new ArrayList<>(d.schemaPath());
    exposureSchema.add("exposure");
    exposureSchema.add(SchemaRecorder.ANY_KEY);
    keys.exposure().orElse(Map.of()).forEach((sourceName, e) -> {
      String path = ConfigException.join(d.pathOf("exposure"), sourceName);
      SourceConfig source = sources.get(sourceName);
      if (source == null) {
        throw ConfigException.rooted(path, "unknown source, allowed: " + String.join(", ", sources.keySet()), null);
      }
      exposure.put(sourceName, ConfigBinding.bind(e, path, exposureSchema, new Object(), exposureType(source.type())));
    });
    var response = d.optionalSection("response");
    var backgrounds = d.optionalSection("backgrounds");
    return d.build(() -> keys.config(exposure, response, backgrounds));
  }

  /** Binds one {@code sources[i]} map onto the record of its {@code type}. */
  private static SourceConfig source(ConfigNode s, Path baseDir) {
    s.requireMap();
    SourceType type = s.requiredEnum("type", SourceType.class);
    if (type == SourceType.SPECTRUM_FILE) {
      return s.build(() -> s.bind(SpectrumFileKeys.class).config(baseDir));
    }
    return (SourceConfig) s.bind(sourceKeysType(type));
  }

  /**
   * The record a source of {@code type} is bound onto (for a spectrum file, the keys that {@link #source} then makes
   * into its configuration with the configuration's directory).
   */
  static Class<?> sourceKeysType(SourceType type) {
    switch (type) {
      case PION_DAR:
        return PionDarConfig.class;
      case REACTOR:
        return ReactorConfig.class;
      case SOLAR_8B:
        return Solar8BConfig.class;
      case MONOENERGETIC:
        return MonoenergeticConfig.class;
      case SPECTRUM_FILE:
        return SpectrumFileKeys.class;
      case SOLAR:
        return SolarConfig.class;
      default:
        throw new IllegalStateException("unhandled source type " + type);
    }
  }

  /**
   * The section types binding {@code tree} will use, in the order {@link #parse} and then the detsim and analysis
   * sections bind them (for {@link ConfigBinding#prepareAsLoaded}); never fails: a tree it cannot read gives every
   * section type ({@link ConfigBinding#SECTIONS}).
   */
  static List<Class<?>> sectionTypes(com.fasterxml.jackson.databind.JsonNode tree) {
    try {
      java.util.Set<Class<?>> types = new java.util.LinkedHashSet<>();
      if (tree.has("physics")) {
        types.add(PhysicsKeys.class);
      }
      if (tree.has("generator")) {
        types.add(GeneratorSettings.class);
      }
      java.util.Set<SourceType> sources = java.util.EnumSet.noneOf(SourceType.class);
      for (com.fasterxml.jackson.databind.JsonNode s : tree.path("sources")) {
        for (SourceType t : SourceType.values()) {
          if (ConfigNode.spelling(t).equals(s.path("type").asText())) {
            sources.add(t);
            types.add(sourceKeysType(t));
          }
        }
      }
      types.add(DetectorKeys.class);
      sources.forEach(t -> types.add(exposureType(t)));
      boolean response = false;
      boolean backgrounds = false;
      for (com.fasterxml.jackson.databind.JsonNode d : tree.path("detectors")) {
        response |= d.has("response");
        backgrounds |= d.has("backgrounds");
      }
      if (response) {
        types.add(ResponseKeys.class);
      }
      if (backgrounds) {
        types.add(BackgroundKeys.class);
      }
      if (tree.has("windows")) {
        types.add(WindowsKeys.class);
      }
      if (tree.has("analysis")) {
        types.add(AnalysisKeys.class);
      }
      return List.copyOf(types);
    } catch (RuntimeException e) {
      return ConfigBinding.SECTIONS;
    }
  }

  /** The exposure record of a source of {@code type}. */
  static Class<? extends ExposureConfig> exposureType(SourceType type) {
    switch (type) {
      case PION_DAR:
        return PionDarExposure.class;
      case REACTOR:
        return ReactorExposure.class;
      default:
        return LiveTimeExposure.class;
    }
  }
}
