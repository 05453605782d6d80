package org.cevns.mapreduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.YamlReader;
import org.cevns.schema.YamlWriter;

/**
 * A configuration file and every data file it names, carried to the map tasks inside the job
 * {@link Configuration}, so that tasks need no shared file system and see exactly what the client validated.
 *
 * <p>On the client ({@link #read}) every {@code file:} key of the YAML tree (spectrum-file sources, detsim
 * tables, {@code analysis.fit.template_files}) and every text {@code up:} / {@code down:} of a template file's
 * {@code variants} (the ±1σ template files) is read, relative to the configuration's directory as the loader resolves it, and renamed to
 * {@code bundle/K-NAME} in a rewritten YAML text; in the task ({@link #materialize}) the files and the YAML are
 * written to a local directory and loaded from there. All payloads are stored Base64-encoded, so no character
 * of the YAML needs escaping in {@code job.xml} and Hadoop's {@code ${var}} expansion never applies.
 *
 * @param fileName name of the configuration file (for messages)
 * @param yaml the configuration text, with {@code file:} values pointing into the bundle
 * @param files bundle name → contents
 */
public record ConfigBundle(String fileName, String yaml, Map<String, byte[]> files) {
  /** Largest total size of the data files, to keep {@code job.xml} reasonable. */
  public static final long MAX_FILE_BYTES = 16L << 20;
  /** Directory of the data files, relative to the materialized configuration. */
  static final String BUNDLE_DIR = "bundle";

  private static final String KEY_NAME = "cevns.mr.config.name";
  private static final String KEY_YAML = "cevns.mr.config.yaml";
  private static final String KEY_FILES = "cevns.mr.config.files";
  private static final String KEY_FILE_NAME = "cevns.mr.config.file.%d.name";
  private static final String KEY_FILE_DATA = "cevns.mr.config.file.%d.data";

  public ConfigBundle {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(yaml, "yaml");
    files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
  }

  /**
   * Reads {@code configFile} and the files named by its {@code file:} keys. The configuration must already
   * be valid (load it with {@code ConfigLoader} first): a missing data file is reported as a
   * {@link ConfigException} at its key.
   */
  public static ConfigBundle read(Path configFile) throws IOException {
    return read(configFile, List.of());
  }

  /**
   * As {@link #read(Path)}, for the configuration as the loader sees it with {@code overrides}: the shipped YAML
   * is the tree with its {@code include:} resolved and the {@code --set} overrides applied (the file's text
   * verbatim when there are neither and it names no data files).
   */
  public static ConfigBundle read(Path configFile, List<ConfigOverride> overrides) throws IOException {
    Path absolute = configFile.toAbsolutePath().normalize();
    String text = Files.readString(absolute, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String where = configFile.toString();
    JsonNode tree = ConfigLoader.tree(configFile, overrides);
    boolean asWritten = tree.equals(YamlReader.read(text, where));
    Map<String, byte[]> files = new LinkedHashMap<>();
    long[] total = {0};
    rewriteFiles(tree, "", absolute.getParent(), files, total);
    if (files.isEmpty() && asWritten) {
      return new ConfigBundle(absolute.getFileName().toString(), text, Map.of());
    }
    return new ConfigBundle(absolute.getFileName().toString(), YamlWriter.write(tree), files);
  }

  private static void rewriteFiles(JsonNode node, String path, Path baseDir, Map<String, byte[]> files,
      long[] total) throws IOException {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      Map<String, String> renamed = new LinkedHashMap<>();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getValue().isTextual() && (e.getKey().equals("file") || isTemplateVariantFile(path, e.getKey()))) {
          renamed.put(e.getKey(), bundle(e.getValue().asText(), key, baseDir, files, total));
        } else {
          rewriteFiles(e.getValue(), key, baseDir, files, total);
        }
      }
      renamed.forEach(o::put);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rewriteFiles(node.get(i), path + "[" + i + "]", baseDir, files, total);
      }
    }
  }

  /**
   * Whether {@code key} under {@code path} names a ±1σ template file: {@code up} or {@code down} of an entry of a
   * {@code template_files[i].variants} list (elsewhere, e.g. in {@code response_variants}, they are maps).
   */
  static boolean isTemplateVariantFile(String path, String key) {
    return (key.equals("up") || key.equals("down")) && path.matches(".*\\btemplate_files\\[\\d+\\]\\.variants\\[\\d+\\]");
  }

  private static String bundle(String written, String key, Path baseDir, Map<String, byte[]> files, long[] total)
      throws IOException {
    Path resolved = baseDir.resolve(written).normalize();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(resolved);
    } catch (IOException e) {
      throw new ConfigException(key, "must be a readable file (" + e.getClass().getSimpleName() + ")",
          "'" + written + "'");
    }
    total[0] += bytes.length;
    if (total[0] > MAX_FILE_BYTES) {
      throw new ConfigException(key, "data files of a MapReduce run must total at most " + MAX_FILE_BYTES
          + " bytes (they travel in the job configuration)", "'" + written + "'");
    }
    String name = BUNDLE_DIR + "/" + files.size() + "-" + resolved.getFileName();
    files.put(name, bytes);
    return name;
  }

  /** Stores the bundle in {@code conf}. */
  public void store(Configuration conf) {
    conf.set(KEY_NAME, fileName);
    conf.set(KEY_YAML, encode(yaml.getBytes(StandardCharsets.UTF_8)));
    conf.setInt(KEY_FILES, files.size());
    int k = 0;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      conf.set(String.format(KEY_FILE_NAME, k), e.getKey());
      conf.set(String.format(KEY_FILE_DATA, k), encode(e.getValue()));
      k++;
    }
  }

  /** The bundle stored in {@code conf} by {@link #store}. */
  public static ConfigBundle load(Configuration conf) {
    String name = conf.getRaw(KEY_NAME);
    String yaml = conf.getRaw(KEY_YAML);
    if (name == null || yaml == null) {
      throw new IllegalStateException("the job configuration holds no cevns configuration (" + KEY_YAML + ")");
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    int n = conf.getInt(KEY_FILES, 0);
    for (int k = 0; k < n; k++) {
      files.put(conf.getRaw(String.format(KEY_FILE_NAME, k)), decode(conf.getRaw(String.format(KEY_FILE_DATA, k))));
    }
    return new ConfigBundle(name, new String(decode(yaml), StandardCharsets.UTF_8), files);
  }

  /** Writes the configuration and its data files under {@code dir}; returns the configuration file. */
  public Path materialize(Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path f = root.resolve(e.getKey()).normalize();
      if (!f.startsWith(root)) {
        throw new IOException("bundle file name '" + e.getKey() + "' leaves the bundle directory");
      }
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue());
    }
    Path config = root.resolve(fileName.isBlank() ? "config.yaml" : Path.of(fileName).getFileName().toString());
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    return config;
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] decode(String text) {
    return Base64.getDecoder().decode(text);
  }
}
