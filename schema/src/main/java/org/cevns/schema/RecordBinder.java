package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The binder of {@link ConfigBinding}: walks the YAML tree and the record types side by side and calls each record's
 * creator ({@link RecordShape}) with the values of its keys, without Jackson's run-time introspection (building a
 * Jackson deserializer per type was ~40 % of the CPU of a computed {@code cevns rates}: docs/performance-history.md,
 * "binder (twenty-ninth session)"). It binds as Jackson with {@code StrictScalars} did, with the same messages: the
 * tree is first checked for unknown keys and explicit nulls ({@link #precheck}); then each map's keys are bound in
 * the order of the file, then its missing required keys are reported in creator order, then the creator is called
 * and a {@link ConfigException} it throws is put under the record's key path.
 */
final class RecordBinder {
  private static final int MAX_DEPTH = 32;

  private RecordBinder() {}

  /** Binds {@code node} (not null, checked by {@link #precheck}) at {@code path} onto {@code type}. */
  static Object value(Type type, JsonNode node, String path, IntBounds bounds) {
    Class<?> raw = raw(type);
    if (JsonNode.class.isAssignableFrom(raw)) {
      return node.deepCopy();
    } else if (raw == Optional.class) {
      return Optional.of(value(arg(type, 0), node, path, bounds));
    } else if (raw == OptionalDouble.class) {
      return OptionalDouble.of(BoundScalars.number(node, path));
    } else if (raw == OptionalLong.class) {
      return OptionalLong.of((Long) BoundScalars.integer(Long.class, node, path, bounds));
    } else if (raw == OptionalInt.class) {
      return OptionalInt.of((Integer) BoundScalars.integer(Integer.class, node, path, bounds));
    } else if (BoundScalars.isScalar(raw)) {
      return BoundScalars.scalar(raw, node, path, bounds);
    } else if (ChosenRecords.isChosen(raw)) {
      return chosen(raw, node, path);
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        throw ConfigException.rooted(path, "must be a list", ConfigException.render(node));
      }
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(value(arg(type, 0), node.get(i), path + "[" + i + "]", null));
      }
      return list;
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        throw ConfigException.rooted(path, "must be a map", ConfigException.render(node));
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), value(arg(type, 1), e.getValue(), ConfigException.join(path, e.getKey()), null));
      }
      return map;
    }
    return record(raw, node, path);
  }

  private static Object record(Class<?> raw, JsonNode node, String path) {
    if (!node.isObject()) {
      throw ConfigException.rooted(path, "must be a map", ConfigException.render(node));
    }
    RecordShape shape = RecordShape.of(raw);
    List<RecordShape.Property> props = shape.properties();
    Object[] args = new Object[props.size()];
    boolean[] seen = new boolean[args.length];
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      int i = shape.indexOf(e.getKey());
      if (i < 0) {
        throw unknownKey(ConfigException.join(path, e.getKey()), shape.keys());
      }
      RecordShape.Property p = props.get(i);
      args[i] = value(p.type(), e.getValue(), ConfigException.join(path, e.getKey()), p.bounds());
      seen[i] = true;
    }
    for (int i = 0; i < args.length; i++) {
      if (!seen[i]) {
        RecordShape.Property p = props.get(i);
        if (p.required()) {
          throw ConfigException.rooted(ConfigException.join(path, p.name()), "required key is missing", null);
        }
        args[i] = absent(p.type());
      }
    }
    SchemaRecorder recorder = SchemaRecorder.current();
    if (recorder != null) {
      BindingSchema.enter(recorder, raw);
    }
    try {
      return shape.create(args);
    } catch (InvocationTargetException e) {
      throw failed(e.getCause(), raw, path);
    } finally {
      if (recorder != null) {
        recorder.exitBuild();
      }
    }
  }

  /** What the creator threw, as the one-line error at the record's key path. */
  private static RuntimeException failed(Throwable cause, Class<?> raw, String path) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConfigException c) {
        return c.under(path);
      }
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return ConfigException.rooted(path, "cannot be read: Cannot construct instance of `" + raw.getName()
        + "`, problem: " + cause.getMessage(), null);
  }

  /**
   * The value of a key that is not there: an empty optional, else null; but an {@code Optional<JsonNode>} holds a
   * {@code NullNode}, as Jackson's binding gave it (its absent value is the content's null value).
   */
  private static Object absent(Type type) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return JsonNode.class.isAssignableFrom(raw(arg(type, 0))) ? Optional.of(NullNode.getInstance()) : Optional.empty();
    } else if (raw == OptionalDouble.class) {
      return OptionalDouble.empty();
    } else if (raw == OptionalLong.class) {
      return OptionalLong.empty();
    } else if (raw == OptionalInt.class) {
      return OptionalInt.empty();
    }
    return null;
  }

  /** A {@link ChosenBy} interface: the record its key chooses, checked and bound. */
  private static Object chosen(Class<?> raw, JsonNode node, String path) {
    if (!node.isObject()) {
      throw ConfigException.rooted(path, "must be a map", ConfigException.render(node));
    }
    Class<?> chosen = ChosenRecords.choose(raw, node, path);
    precheck(chosen, node, path, null);
    return value(chosen, node, path, null);
  }

  static ConfigException unknownKey(String path, List<String> keys) {
    return ConfigException.rooted(path, "unknown key, allowed: " + (keys.isEmpty() ? "none" : String.join(", ", keys)),
        null);
  }

  /**
   * Checks the tree against the type's keys before binding (for both binders: the tests' {@code JacksonBinding}
   * too), as {@link ConfigNode#allowKeys} does: in every map,
   * first keys the record does not have ({@code PATH.KEY: unknown key, allowed: ...}; reported after the record's
   * other problems, a misspelt key would show up as a missing one), then explicit nulls ({@code key:} with no value)
   * where a value is expected, {@code PATH: must be a number, got null}. The chosen records of a {@link ChosenBy}
   * interface are checked when they are bound.
   */
  static void precheck(Type t, JsonNode node, String path, IntBounds bounds) {
    Class<?> raw = raw(t);
    if (node == null || JsonNode.class.isAssignableFrom(raw)) {
      return; // absent, or a subtree kept for a later stage
    }
    if (node.isNull()) {
      throw ConfigException.rooted(path, "must be " + kind(t, bounds), "null");
    }
    if (raw == BackgroundWidth.class || ChosenRecords.isChosen(raw)) {
      return; // a scalar refused when read, or checked against the chosen record when it is bound
    } else if (raw == Optional.class) {
      precheck(arg(t, 0), node, path, bounds);
    } else if ((Collection.class.isAssignableFrom(raw) || raw.isArray()) && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        precheck(arg(t, 0), node.get(i), path + "[" + i + "]", null);
      }
    } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        precheck(arg(t, 1), e.getValue(), ConfigException.join(path, e.getKey()), null);
      }
    } else if (node.isObject() && !raw.isArray() && !Collection.class.isAssignableFrom(raw)
        && !Map.class.isAssignableFrom(raw) && !raw.isEnum() && !raw.isPrimitive() && !raw.getName().startsWith("java.")) {
      RecordShape shape = RecordShape.of(raw);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (shape.indexOf(key) < 0) {
          throw unknownKey(ConfigException.join(path, key), shape.keys());
        }
      }
      for (RecordShape.Property p : shape.properties()) {
        precheck(p.type(), node.get(p.name()), ConfigException.join(path, p.name()), p.bounds());
      }
    }
  }

  /**
   * Reads the {@link RecordShape} of {@code t} and of every record type it reaches (the start-up warm-up,
   * {@link ConfigBinding#prepare}); {@code seen} are the record types done.
   */
  static void prepare(Type t, java.util.Set<Class<?>> seen, int depth) {
    Class<?> raw = raw(t);
    if (depth > MAX_DEPTH || JsonNode.class.isAssignableFrom(raw) || BoundScalars.isScalar(raw)) {
      return;
    }
    if (ChosenRecords.isChosen(raw)) {
      for (Class<?> c : ChosenRecords.choices(raw)) {
        prepare(c, seen, depth + 1);
      }
    } else if (raw == Optional.class || Collection.class.isAssignableFrom(raw)) {
      prepare(arg(t, 0), seen, depth + 1);
    } else if (Map.class.isAssignableFrom(raw)) {
      prepare(arg(t, 1), seen, depth + 1);
    } else if (!raw.getName().startsWith("java.") && seen.add(raw)) {
      for (RecordShape.Property p : RecordShape.of(raw).properties()) {
        prepare(p.type(), seen, depth + 1);
      }
    }
  }

  /** What a value of {@code type} is, after "must be " ({@link BindingErrors#kind}). */
  static String kind(Type type, IntBounds bounds) {
    Class<?> raw = raw(type);
    return raw == Optional.class ? kind(arg(type, 0), bounds) : BindingErrors.kind(raw, bounds);
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    } else if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    } else if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  static Type arg(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      Type a = p.getActualTypeArguments()[i];
      return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
    }
    return Object.class;
  }
}
