package org.cevns.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Derives a JSON Schema of the configuration from the parsers themselves: while a recorder is active on the
 * current thread, every {@link ConfigNode} reports what its parser asks of it — the keys a map declares
 * ({@link ConfigNode#allowKeys}) or reads, which keys are required, maps whose keys are data
 * ({@link ConfigNode#entries()}), lists, and the type and range of each scalar (numbers with their
 * {@link DoubleRange}, also where a record's constructor checks it, integers with their bounds, booleans, strings,
 * enums with their spellings). Loading
 * configurations that exercise the parsers' branches (the shipped ones and {@code configs/reference.yaml})
 * under a recorder gives a schema whose rules are those of the loaders, not a hand-written copy.
 *
 * <p>Observations of the same place (every item of a list, every branch a {@code type} key chose) are merged:
 * a map allows the union of the keys seen, a key is required only where every observation required it, a
 * value may have any of the types seen. The schema is therefore never stricter than the loaders for the
 * branches exercised (it may be looser: keys of one source type are allowed on another); a map only allows
 * no other keys where every observation checked its keys. Places the parsers read without a
 * {@link ConfigNode} (a few raw subtrees) are left open ({@code {}}).
 */
public final class SchemaRecorder {
  private static final ThreadLocal<SchemaRecorder> CURRENT = new ThreadLocal<>();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Path element of list items. */
  static final String ITEMS = "\u0001items";
  /** Path element of the values of a map whose keys are data. */
  static final String ANY_KEY = "\u0001any";

  private final Map<List<String>, Place> places = new HashMap<>();

  /** What was seen at one place of the tree. */
  private static final class Place {
    final Set<String> types = new LinkedHashSet<>();
    final Set<String> keys = new LinkedHashSet<>();
    final Set<String> enumValues = new LinkedHashSet<>();
    final Map<Object, Set<String>> requiredBy = new IdentityHashMap<>();
    final Set<Object> observers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<Object> checkedBy = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    boolean freeKeys;
    boolean plainString;
    final Set<DoubleRange> ranges = new LinkedHashSet<>();
    long minInt = Long.MAX_VALUE;
    long maxInt = Long.MIN_VALUE;
  }

  /** Runs {@code work} with this recorder active on the current thread. */
  public <T> T record(Supplier<T> work) {
    SchemaRecorder previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The recorder active on this thread, or null (the normal case: recording costs nothing then). */
  /**
   * Whether a recorder is recording on this thread: work that binds configuration sections must then stay on this
   * thread (the recorder is per thread), e.g. {@code cevns}'s parallel parse of the analysis section.
   */
  public static boolean recording() {
    return CURRENT.get() != null;
  }

  static SchemaRecorder current() {
    return CURRENT.get();
  }

  private Place place(List<String> path) {
    return places.computeIfAbsent(List.copyOf(path), p -> new Place());
  }

  void map(List<String> path, Object observer) {
    Place p = place(path);
    p.types.add("object");
    p.observers.add(observer);
  }

  void declare(List<String> path, Object observer, Set<String> keys) {
    map(path, observer);
    Place p = place(path);
    p.keys.addAll(keys);
    p.checkedBy.add(observer);
  }

  void ask(List<String> path, Object observer, String key) {
    map(path, observer);
    place(path).keys.add(key);
  }

  void checked(List<String> path, Object observer) {
    map(path, observer);
    place(path).checkedBy.add(observer);
  }

  void required(List<String> path, Object observer, String key) {
    map(path, observer);
    place(path).requiredBy.computeIfAbsent(observer, o -> new LinkedHashSet<>()).add(key);
  }

  void freeKeys(List<String> path, Object observer) {
    map(path, observer);
    place(path).freeKeys = true;
  }

  void list(List<String> path) {
    place(path).types.add("array");
  }

  /** A number; {@code range} null when the parser reads it without one (a record may check it later). */
  void number(List<String> path, DoubleRange range) {
    Place p = place(path);
    p.types.add("number");
    if (range != null) {
      p.ranges.add(range);
    }
  }

  private final java.util.ArrayDeque<List<List<String>>> builds = new java.util.ArrayDeque<>();

  /** A record is being built from the node at {@code path}: its checks name keys relative to it. */
  void enterBuild(List<String> path) {
    builds.push(List.of(path));
  }

  /** A bound record is being built; its type sits at {@code paths} (its checks are recorded at each). */
  void enterBuilds(List<List<String>> paths) {
    builds.push(paths);
  }

  void exitBuild() {
    builds.pop();
  }

  /** A record's compact constructor checked {@code key} (relative to the node being built) against {@code range}. */
  void recordCheck(String key, DoubleRange range) {
    if (builds.isEmpty() || key.isEmpty()) {
      return;
    }
    for (List<String> at : builds.peek()) {
      List<String> path = new ArrayList<>(at);
      for (String part : key.split("\\.")) {
        int bracket = part.indexOf('[');
        String name = bracket < 0 ? part : part.substring(0, bracket);
        Place parent = places.get(path);
        path.add(parent != null && parent.freeKeys && !parent.keys.contains(name) ? ANY_KEY : name);
        for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
          path.add(ITEMS); // a list item, e.g. edges_kevee[2]
        }
      }
      Place p = places.get(path);
      if (p != null && p.types.contains("number")) {
        p.ranges.add(range);
      }
    }
  }

  void integer(List<String> path, long min, long max) {
    Place p = place(path);
    p.types.add("integer");
    p.minInt = Math.min(p.minInt, min);
    p.maxInt = Math.max(p.maxInt, max);
  }

  void bool(List<String> path) {
    place(path).types.add("boolean");
  }

  void string(List<String> path) {
    Place p = place(path);
    p.types.add("string");
    p.plainString = true;
  }

  void enumeration(List<String> path, List<String> spellings) {
    Place p = place(path);
    p.types.add("string");
    p.enumValues.addAll(spellings);
  }

  /**
   * The recorded schema (JSON Schema draft-07) of the whole configuration.
   *
   * @param title the schema's title
   * @param description the schema's description
   */
  public ObjectNode jsonSchema(String title, String description) {
    ObjectNode root = F.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", title);
    root.put("description", description);
    root.setAll(schemaOf(new ArrayList<>()));
    return root;
  }

  private ObjectNode schemaOf(List<String> path) {
    ObjectNode s = F.objectNode();
    Place p = places.get(path);
    if (p == null) {
      return s;
    }
    Set<String> types = new LinkedHashSet<>(p.types);
    if (types.contains("number")) {
      types.remove("integer");
    }
    boolean enumOnly = !p.enumValues.isEmpty() && !p.plainString;
    List<ObjectNode> alternatives = new ArrayList<>();
    if (enumOnly) {
      types.remove("string");
      ObjectNode e = F.objectNode();
      e.put("type", "string");
      ArrayNode values = e.putArray("enum");
      p.enumValues.forEach(values::add);
      alternatives.add(e);
    }
    ObjectNode rest = F.objectNode();
    if (types.size() == 1) {
      rest.put("type", types.iterator().next());
    } else if (types.size() > 1) {
      ArrayNode t = rest.putArray("type");
      types.forEach(t::add);
    }
    if (types.contains("string")) {
      rest.put("minLength", 1);
    }
    if (types.contains("number") && p.ranges.size() == 1) {
      p.ranges.iterator().next().writeJsonSchema(rest);
    } else if (types.contains("integer")) {
      if (p.minInt > Long.MIN_VALUE) {
        rest.put("minimum", p.minInt);
      }
      if (p.maxInt < Long.MAX_VALUE) {
        rest.put("maximum", p.maxInt);
      }
    }
    if (types.contains("object")) {
      object(path, p, rest);
    }
    if (types.contains("array")) {
      List<String> items = new ArrayList<>(path);
      items.add(ITEMS);
      rest.set("items", schemaOf(items));
    }
    if (!types.isEmpty()) {
      alternatives.add(rest);
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    if (alternatives.size() > 1) {
      ArrayNode any = s.putArray("anyOf");
      alternatives.forEach(any::add);
    }
    return s;
  }

  private void object(List<String> path, Place p, ObjectNode s) {
    if (!p.keys.isEmpty()) {
      ObjectNode props = s.putObject("properties");
      for (String key : p.keys) {
        List<String> child = new ArrayList<>(path);
        child.add(key);
        props.set(key, schemaOf(child));
      }
    }
    Set<String> required = null;
    for (Object o : p.observers) {
      Set<String> r = p.requiredBy.getOrDefault(o, Set.of());
      if (required == null) {
        required = new LinkedHashSet<>(r);
      } else {
        required.retainAll(r);
      }
    }
    if (required != null && !required.isEmpty()) {
      ArrayNode r = s.putArray("required");
      p.keys.stream().filter(required::contains).forEach(r::add);
    }
    if (p.freeKeys) {
      List<String> child = new ArrayList<>(path);
      child.add(ANY_KEY);
      s.set("additionalProperties", schemaOf(child));
    } else if (!p.observers.isEmpty() && p.checkedBy.containsAll(p.observers)) {
      s.put("additionalProperties", false);
    }
  }

  /** The recorded places (key path with {@code []} for items and {@code *} for data keys), for tests. */
  public Map<String, String> places() {
    Map<String, String> out = new TreeMap<>();
    places.forEach((k, v) -> out.put(String.join(".", k).replace(ITEMS, "[]").replace(ANY_KEY, "*"),
        String.join("|", v.types)));
    return new LinkedHashMap<>(out);
  }
}
