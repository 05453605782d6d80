package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Strict reader of one node of a YAML tree (as read by {@link YamlReader}) that knows its key path, for
 * parsing configuration sections into validated records. Every error is a {@link ConfigException} naming the
 * full key path. Shared by all stages: detsim and analysis parse their sections ({@code detectors[].response},
 * {@code detectors[].backgrounds}, {@code windows}, {@code analysis}) from the {@link StageSection} the
 * generator keeps, via {@link StageSection#reader()}.
 *
 * <p>Typical use for a map section:
 *
 * <pre>{@code
 * ConfigNode r = section.reader().allowKeys("model", "light_yield_pe_per_kevee");
 * Model model = r.requiredEnum("model", Model.class);          // spelled "my-model" for MY_MODEL
 * double ly = r.requiredDouble("light_yield_pe_per_kevee", DoubleRange.POSITIVE);
 * r.requireAllConsumed();
 * }</pre>
 *
 * <p>Unknown keys: {@link #allowKeys} declares the keys of a map and fails at once on any other key
 * ({@code path.key: unknown key, allowed: a, b, c}); {@link #requireAllConsumed()} checks at the end that
 * every present key was read (without a declaration the allowed list is the keys that were asked for).
 * Declare before reading when possible, so a misspelt key is reported as unknown rather than as a missing
 * required key.
 *
 * <p>Types are strict: a quoted {@code '3'} is not a number, an integer key does not accept {@code 3.5} or
 * {@code 1e6}, a key present with an empty value ({@code key:}) is {@code null} and fails every typed getter.
 * Integers are accepted where a double is expected. Floating-point getters without a {@link DoubleRange}
 * return NaN and infinities as written; pass a range to reject them.
 *
 * <p>Enums are spelled in lower case with {@code -} for {@code _}: {@code SOLAR_8B} is {@code solar-8b}
 * ({@link #spelling(Enum)}).
 *
 * <p>Not thread-safe (it records which keys were read); the wrapped tree is not modified.
 */
public final class ConfigNode {
  private final JsonNode json;
  private final String path;
  /** Place in the schema: map keys, {@link SchemaRecorder#ITEMS} for list items, {@link SchemaRecorder#ANY_KEY}. */
  private final List<String> schemaPath;
  private Set<String> declared;
  private final Set<String> asked = new LinkedHashSet<>();
  private final Set<String> consumed = new HashSet<>();
  /** Keys tested with {@link #has}: reading them afterwards with {@link #required} does not make them required. */
  private final Set<String> probed = new HashSet<>();

  private ConfigNode(JsonNode json, String path, List<String> schemaPath) {
    this.json = json == null ? MissingNode.getInstance() : json;
    this.path = Objects.requireNonNull(path, "path");
    this.schemaPath = schemaPath;
  }

  /** A reader of {@code json} found at {@code path} ("" for the document root). */
  public static ConfigNode of(JsonNode json, String path) {
    List<String> schemaPath = new ArrayList<>();
    for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
      int bracket = part.indexOf('[');
      schemaPath.add(bracket < 0 ? part : part.substring(0, bracket));
      for (int i = part.indexOf('['); i >= 0; i = part.indexOf('[', i + 1)) {
        schemaPath.add(SchemaRecorder.ITEMS);
      }
    }
    return new ConfigNode(json, path, List.copyOf(schemaPath));
  }

  /** Place of this node in the schema (map keys, list items, data keys), for {@link SchemaRecorder}. */
  List<String> schemaPath() {
    return schemaPath;
  }

  /**
   * Binds this node onto {@code type} ({@link ConfigBinding}); errors name the full key path.
   *
   * @throws ConfigException if the node does not fit the type or the record refuses it
   */
  public <T> T bind(Class<T> type) {
    return ConfigBinding.bind(json, path, schemaPath, this, type);
  }

  private List<String> schemaChild(String element) {
    List<String> child = new ArrayList<>(schemaPath.size() + 1);
    child.addAll(schemaPath);
    child.add(element);
    return child;
  }

  private static SchemaRecorder recorder() {
    return SchemaRecorder.current();
  }

  /** Key path of this node, e.g. {@code detectors[0].target}. */
  public String path() {
    return path;
  }

  /** The wrapped tree (a copy; the reader's own tree is never modified). */
  public JsonNode json() {
    return json.deepCopy();
  }

  /** The key path of {@code key} below this node. */
  public String pathOf(String key) {
    return ConfigException.join(path, key);
  }

  /** True for a YAML map. */
  public boolean isMap() {
    return json.isObject();
  }

  /** True for a YAML list. */
  public boolean isList() {
    return json.isArray();
  }

  /** An error at this node with this node's value: {@code PATH: ALLOWED, got VALUE}. */
  public ConfigException error(String allowed) {
    return ConfigException.rooted(path, allowed, ConfigException.render(json));
  }

  /** An error at this node without a value: {@code PATH: PROBLEM}. */
  public ConfigException problem(String problem) {
    return ConfigException.rooted(path, problem, null);
  }

  /**
   * Runs {@code constructor} (typically a record's canonical constructor) and re-throws its
   * {@link ConfigException}s under this node's path ({@code mass_kg} becomes {@code detectors[1].mass_kg}).
   * Errors of this class's getters already carry their full path and pass unchanged.
   */
  public <T> T build(Supplier<T> constructor) {
    SchemaRecorder recorder = recorder();
    if (recorder != null) {
      recorder.enterBuild(schemaPath);
    }
    try {
      return constructor.get();
    } catch (ConfigException e) {
      throw e.under(path);
    } finally {
      if (recorder != null) {
        recorder.exitBuild();
      }
    }
  }

  /**
   * True if this node is the string {@code word} (a keyword allowed in place of a value, e.g. {@code free});
   * the word is recorded as an allowed value for the generated JSON Schema.
   */
  public boolean is(String word) {
    if (recorder() != null) {
      recorder().enumeration(schemaPath, List.of(word));
    }
    return json.isTextual() && json.textValue().equals(word);
  }

  // ---------------------------------------------------------------- maps and keys

  /** Fails unless this node is a map: {@code PATH: must be a map, got VALUE}. */
  public ConfigNode requireMap() {
    if (!json.isObject()) {
      throw error("must be a map");
    }
    return this;
  }

  /**
   * Declares the keys this map may have, and fails on the first other key present:
   * {@code PATH.KEY: unknown key, allowed: K1, K2, ...} (in the order given). May be called after some keys
   * were read (e.g. after {@code type} chose the schema); those must be among {@code keys}.
   */
  public ConfigNode allowKeys(String... keys) {
    requireMap();
    Set<String> keySet = new LinkedHashSet<>(Arrays.asList(keys));
    for (String read : asked) {
      if (!keySet.contains(read)) {
        throw new IllegalStateException("key '" + read + "' was read at " + path + " but is not among " + keySet);
      }
    }
    declared = keySet;
    if (recorder() != null) {
      recorder().declare(schemaPath, this, keySet);
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keySet.contains(key)) {
        throw unknownKey(key, keySet);
      }
    }
    return this;
  }

  private ConfigException unknownKey(String key, Set<String> allowed) {
    String list = allowed.isEmpty() ? "none" : String.join(", ", allowed);
    return ConfigException.rooted(pathOf(key), "unknown key, allowed: " + list, null);
  }

  /**
   * Fails if a key present in this map was never read: {@code PATH.KEY: unknown key, allowed: ...}, the
   * allowed list being the declared keys or, without a declaration, the keys that were asked for.
   *
   * @throws IllegalStateException if a declared key is present but was not read (a bug in the parser)
   */
  public void requireAllConsumed() {
    if (!json.isObject()) {
      return;
    }
    if (recorder() != null) {
      recorder().checked(schemaPath, this);
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!consumed.contains(key)) {
        if (declared == null) {
          throw unknownKey(key, asked);
        }
        if (!declared.contains(key)) {
          throw unknownKey(key, declared);
        }
        throw new IllegalStateException("key " + pathOf(key) + " was declared but never read");
      }
    }
  }

  /** The keys present in this map, in document order (empty for a non-map). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    return Collections.unmodifiableList(keys);
  }

  /** True if this map has {@code key} (even with an empty value). Counts as asking for the key. */
  public boolean has(String key) {
    ask(key);
    probed.add(key);
    return json.isObject() && json.has(key);
  }

  private void ask(String key) {
    if (declared != null && !declared.contains(key)) {
      throw new IllegalStateException("key '" + key + "' is not among the declared keys " + declared + " of " + path);
    }
    asked.add(key);
    if (recorder() != null) {
      recorder().ask(schemaPath, this, key);
    }
  }

  /** The child at {@code key}; fails if this is not a map or the key is absent: {@code PATH.KEY: required key is missing}. */
  public ConfigNode required(String key) {
    if (recorder() != null && json.isObject() && !probed.contains(key)) {
      recorder().required(schemaPath, this, key);
    }
    return optional(key).orElseThrow(() -> ConfigException.rooted(pathOf(key), "required key is missing", null));
  }

  /** The child at {@code key} if present (it may be null); fails if this node is not a map. */
  public Optional<ConfigNode> optional(String key) {
    requireMap();
    ask(key);
    if (!json.has(key)) {
      return Optional.empty();
    }
    consumed.add(key);
    return Optional.of(new ConfigNode(json.get(key), pathOf(key), schemaChild(key)));
  }

  /** The map at {@code key} (required). */
  public ConfigNode requiredMap(String key) {
    return required(key).requireMap();
  }

  /** The map at {@code key}, if present. */
  public Optional<ConfigNode> optionalMap(String key) {
    return optional(key).map(ConfigNode::requireMap);
  }

  /** The items of the list at {@code key} (required, may be empty), with paths {@code KEY[i]}. */
  public List<ConfigNode> requiredList(String key) {
    return required(key).elements();
  }

  /** The items of the list at {@code key}, if present. */
  public Optional<List<ConfigNode>> optionalList(String key) {
    return optional(key).map(ConfigNode::elements);
  }

  /** The items of this list, with paths {@code PATH[i]}; fails unless this node is a list. */
  public List<ConfigNode> elements() {
    if (!json.isArray()) {
      throw error("must be a list");
    }
    if (recorder() != null) {
      recorder().list(schemaPath);
    }
    List<ConfigNode> items = new ArrayList<>(json.size());
    List<String> itemPath = schemaChild(SchemaRecorder.ITEMS);
    for (int i = 0; i < json.size(); i++) {
      items.add(new ConfigNode(json.get(i), path + "[" + i + "]", itemPath));
    }
    return Collections.unmodifiableList(items);
  }

  /**
   * The entries of this map in document order, with paths {@code PATH.KEY}; marks every key as read (for
   * maps whose keys are data, e.g. source names). Fails unless this node is a map.
   */
  public Map<String, ConfigNode> entries() {
    requireMap();
    if (recorder() != null) {
      recorder().freeKeys(schemaPath, this);
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    List<String> valuePath = schemaChild(SchemaRecorder.ANY_KEY);
    json.properties().forEach(e -> {
      consumed.add(e.getKey());
      entries.put(e.getKey(), new ConfigNode(e.getValue(), pathOf(e.getKey()), valuePath));
    });
    return Collections.unmodifiableMap(entries);
  }

  /** The subtree at {@code key} kept unparsed for a later stage, if present. */
  public Optional<StageSection> optionalSection(String key) {
    return optional(key).map(n -> new StageSection(n.path, n.json));
  }

  // ---------------------------------------------------------------- this node as a scalar

  /**
   * Largest magnitude of a finite number in a configuration, 10³⁰. No physical value of any key comes near it
   * (the largest are exposures in protons on target, ~10²⁴), and products of a handful of such numbers stay
   * far from the double range, so no derived quantity can overflow to infinity. Keys with tighter physical
   * ranges check them as well.
   */
  public static final double MAX_MAGNITUDE = 1e30;

  /**
   * This node as a number (integers accepted; a quoted number is a string and refused); NaN and infinities are
   * returned as written (the key's range decides), finite numbers beyond ±{@link #MAX_MAGNITUDE} are refused.
   */
  public double asDouble() {
    if (recorder() != null) {
      recorder().number(schemaPath, null);
    }
    return number();
  }

  private double number() {
    if (!json.isNumber()) {
      throw error("must be a number");
    }
    double v = json.doubleValue();
    if (Double.isInfinite(v) && !json.isDouble() && !json.isFloat()) { // an integer too large for a double
      throw error("must be a number of magnitude at most 1e30");
    }
    if (Double.isFinite(v) && Math.abs(v) > MAX_MAGNITUDE) {
      throw error("must be a number of magnitude at most 1e30");
    }
    return v;
  }

  /** This node as a number allowed by {@code range}. */
  public double asDouble(DoubleRange range) {
    if (recorder() != null) {
      recorder().number(schemaPath, range);
    }
    double v = number();
    try {
      return range.check(path, v);
    } catch (ConfigException e) {
      throw e.rooted();
    }
  }

  /** This node as an integer in [min, max]: {@code must be an integer in [1, 300], got 3.5}. */
  public long asLong(long min, long max) {
    if (recorder() != null) {
      recorder().integer(schemaPath, min, max);
    }
    String allowed = "must be an integer in [" + min + ", " + max + "]";
    if (!json.isIntegralNumber() || !json.canConvertToLong()) {
      throw error(allowed);
    }
    long v = json.longValue();
    if (v < min || v > max) {
      throw error(allowed);
    }
    return v;
  }

  /** This node as an int in [min, max]. */
  public int asInt(int min, int max) {
    return (int) asLong(min, max);
  }

  /** This node as a boolean ({@code true}/{@code false}). */
  public boolean asBoolean() {
    if (recorder() != null) {
      recorder().bool(schemaPath);
    }
    if (!json.isBoolean()) {
      throw error("must be true or false");
    }
    return json.booleanValue();
  }

  /** This node as a non-empty string. */
  public String asString() {
    if (recorder() != null) {
      recorder().string(schemaPath);
    }
    if (!json.isTextual() || json.textValue().isEmpty()) {
      throw error("must be a non-empty string");
    }
    return json.textValue();
  }

  /** This node as one of the constants of {@code type}, spelled as by {@link #spelling(Enum)}. */
  public <E extends Enum<E>> E asEnum(Class<E> type) {
    if (recorder() != null) {
      recorder().enumeration(schemaPath, java.util.Arrays.stream(type.getEnumConstants()).map(ConfigNode::spelling)
          .toList());
    }
    if (json.isTextual()) {
      for (E e : type.getEnumConstants()) {
        if (spelling(e).equals(json.textValue())) {
          return e;
        }
      }
    }
    throw error("must be one of " + spellings(type));
  }

  /** The configuration spelling of an enum constant: lower case, {@code -} for {@code _} ({@code pion-dar}). */
  public static String spelling(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The spellings of all constants, comma separated, in declaration order. */
  public static <E extends Enum<E>> String spellings(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigNode::spelling).collect(Collectors.joining(", "));
  }

  // ---------------------------------------------------------------- keyed scalars

  /** The number at {@code key} (required; NaN and infinities returned as written). */
  public double requiredDouble(String key) {
    return required(key).asDouble();
  }

  /** The number at {@code key} (required), allowed by {@code range}. */
  public double requiredDouble(String key, DoubleRange range) {
    return required(key).asDouble(range);
  }

  /** The number at {@code key}, if present. */
  public OptionalDouble optionalDouble(String key) {
    Optional<ConfigNode> n = optional(key);
    return n.isPresent() ? OptionalDouble.of(n.get().asDouble()) : OptionalDouble.empty();
  }

  /** The number at {@code key}, if present, allowed by {@code range}. */
  public OptionalDouble optionalDouble(String key, DoubleRange range) {
    Optional<ConfigNode> n = optional(key);
    return n.isPresent() ? OptionalDouble.of(n.get().asDouble(range)) : OptionalDouble.empty();
  }

  /** The number at {@code key} allowed by {@code range}, or {@code defaultValue} if absent. */
  public double optionalDouble(String key, DoubleRange range, double defaultValue) {
    return optionalDouble(key, range).orElse(defaultValue);
  }

  /** The integer at {@code key} in [min, max] (required). */
  public long requiredLong(String key, long min, long max) {
    return required(key).asLong(min, max);
  }

  /** The integer at {@code key} in [min, max], if present. */
  public OptionalLong optionalLong(String key, long min, long max) {
    Optional<ConfigNode> n = optional(key);
    return n.isPresent() ? OptionalLong.of(n.get().asLong(min, max)) : OptionalLong.empty();
  }

  /** The int at {@code key} in [min, max] (required). */
  public int requiredInt(String key, int min, int max) {
    return required(key).asInt(min, max);
  }

  /** The int at {@code key} in [min, max], if present. */
  public OptionalInt optionalInt(String key, int min, int max) {
    Optional<ConfigNode> n = optional(key);
    return n.isPresent() ? OptionalInt.of(n.get().asInt(min, max)) : OptionalInt.empty();
  }

  /** The int at {@code key} in [min, max], or {@code defaultValue} if absent. */
  public int optionalInt(String key, int min, int max, int defaultValue) {
    return optionalInt(key, min, max).orElse(defaultValue);
  }

  /** The boolean at {@code key} (required). */
  public boolean requiredBoolean(String key) {
    return required(key).asBoolean();
  }

  /** The boolean at {@code key}, if present. */
  public Optional<Boolean> optionalBoolean(String key) {
    return optional(key).map(ConfigNode::asBoolean);
  }

  /** The boolean at {@code key}, or {@code defaultValue} if absent. */
  public boolean optionalBoolean(String key, boolean defaultValue) {
    return optionalBoolean(key).orElse(defaultValue);
  }

  /** The non-empty string at {@code key} (required). */
  public String requiredString(String key) {
    return required(key).asString();
  }

  /** The non-empty string at {@code key}, if present. */
  public Optional<String> optionalString(String key) {
    return optional(key).map(ConfigNode::asString);
  }

  /** The non-empty string at {@code key}, or {@code defaultValue} if absent. */
  public String optionalString(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  /** The enum constant at {@code key} (required). */
  public <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
    return required(key).asEnum(type);
  }

  /** The enum constant at {@code key}, if present. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
    return optional(key).map(n -> n.asEnum(type));
  }

  /** The enum constant at {@code key}, or {@code defaultValue} if absent. */
  public <E extends Enum<E>> E optionalEnum(String key, Class<E> type, E defaultValue) {
    return optionalEnum(key, type).orElse(defaultValue);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + " = " + ConfigException.render(json);
  }
}
