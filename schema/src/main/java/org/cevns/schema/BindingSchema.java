package org.cevns.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports a bound type to the {@link SchemaRecorder} as {@link ConfigNode}'s getters report what they read: a
 * record is a map allowing exactly its keys (required: the {@code @JsonProperty(required = true)} ones), lists and
 * maps with data keys are walked into, scalars give their JSON type ({@link IntBounds} for integers, spellings for
 * enums). The ranges a record's constructor checks with {@link DoubleRange} are recorded while it is built
 * ({@link #enter}), at every place the walk found the record's type.
 */
final class BindingSchema {
  private static final int MAX_DEPTH = 32;
  /** Where each record type of the current binding sits in the schema. */
  private static final ThreadLocal<Map<Class<?>, List<List<String>>>> PLACES = new ThreadLocal<>();
  /**
   * {@link #properties} per type: Jackson's introspection of a record (a new {@code BeanDescription} each time)
   * was the largest cost of loading a config, as {@link #precheck} asks for every object of the YAML tree
   * (issue 12, JFR of {@code cevns rates}). The mapper is fixed, so the answer for a type never changes.
   */
  private static final Map<JavaType, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

  private BindingSchema() {}

  /**
   * A creator property of a record type: its YAML key, its type, whether it is required and its {@link IntBounds}
   * (null if none).
   */
  record Property(String name, JavaType type, boolean required, IntBounds bounds) {}

  /** Reports {@code type}, bound at {@code path}; its top map is observed by {@code observer} (the node's reader). */
  static void record(SchemaRecorder recorder, List<String> path, Object observer, Class<?> type) {
    Map<Class<?>, List<List<String>>> places = new HashMap<>();
    walk(recorder, JacksonBinding.typeOf(type), new ArrayList<>(path), null, places, 0, observer);
    PLACES.set(places);
  }

  static void done(SchemaRecorder recorder) {
    PLACES.remove();
  }

  /** A record of {@code type} is being built: its checks' keys are relative to its places. */
  static void enter(SchemaRecorder recorder, Class<?> type) {
    Map<Class<?>, List<List<String>>> places = PLACES.get();
    recorder.enterBuilds(places == null ? List.of() : places.getOrDefault(type, List.of()));
  }

  /** The creator properties of a record type (its YAML keys), in declaration order. */
  static List<Property> properties(JavaType type) {
    List<Property> known = PROPERTIES.get(type);
    if (known == null) {
      known = List.copyOf(introspect(type));
      PROPERTIES.putIfAbsent(type, known);
    }
    return known;
  }

  /**
   * The creator properties of the mapper's deserializer of {@code type}, which binding the type builds anyway: a
   * second introspection of the type here (a new {@code BeanDescription}) was ~45 % of the introspection of a
   * computed {@code cevns rates} (docs/performance-history.md, "rates start-up (thirteenth session)"). The same properties
   * in the same order; a type without a properties-based creator is introspected as before.
   */
  private static List<Property> introspect(JavaType type) {
    SettableBeanProperty[] creator = JacksonBinding.creatorProperties(type);
    if (creator != null) {
      List<Property> props = new ArrayList<>(creator.length);
      for (SettableBeanProperty p : creator) {
        if (p == null) {
          return described(type);
        }
        props.add(new Property(p.getName(), p.getType(), p.isRequired(), p.getAnnotation(IntBounds.class)));
      }
      return props;
    }
    return described(type);
  }

  /** The creator properties of {@code type} from Jackson's introspection of its class (a new description). */
  static List<Property> described(JavaType type) {
    List<BeanPropertyDefinition> defs = new ArrayList<>();
    for (BeanPropertyDefinition p : JacksonBinding.describe(type).findProperties()) {
      if (p.getConstructorParameter() != null) {
        defs.add(p);
      }
    }
    defs.sort(Comparator.comparingInt(p -> p.getConstructorParameter().getIndex()));
    List<Property> props = new ArrayList<>(defs.size());
    for (BeanPropertyDefinition p : defs) {
      props.add(new Property(p.getName(), p.getPrimaryType(), p.isRequired(),
          p.getConstructorParameter().getAnnotation(IntBounds.class)));
    }
    return props;
  }

  /** Fills {@link #properties} for {@code t} and every record type it reaches ({@link ConfigBinding#prepare}). */
  static void prepare(JavaType t, java.util.Set<Class<?>> seen, int depth) {
    Class<?> raw = t.getRawClass();
    if (depth > MAX_DEPTH || JsonNode.class.isAssignableFrom(raw) || raw == BackgroundWidth.class || raw.isEnum()
        || raw.isPrimitive()) {
      return;
    }
    if (ChosenDeserializer.isChosen(raw)) {
      for (Class<?> c : ChosenDeserializer.choices(raw)) {
        prepare(JacksonBinding.typeOf(c), seen, depth + 1);
      }
    } else if (raw == Optional.class) {
      prepare(t.containedTypeOrUnknown(0), seen, depth + 1);
    } else if (t.isCollectionLikeType() || t.isArrayType() || t.isMapLikeType()) {
      prepare(t.getContentType(), seen, depth + 1);
    } else if (!raw.getName().startsWith("java.") && seen.add(raw)) {
      for (Property p : properties(t)) {
        prepare(p.type(), seen, depth + 1);
      }
    }
  }

  /** The YAML keys of a record type, in declaration order. */
  static List<String> keys(JavaType type) {
    return properties(type).stream().map(Property::name).toList();
  }

  private static void walk(SchemaRecorder r, JavaType t, List<String> path, IntBounds bounds,
      Map<Class<?>, List<List<String>>> places, int depth) {
    walk(r, t, path, bounds, places, depth, new Object());
  }

  private static void walk(SchemaRecorder r, JavaType t, List<String> path, IntBounds bounds,
      Map<Class<?>, List<List<String>>> places, int depth, Object observer) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Class<?> raw = t.getRawClass();
    if (JsonNode.class.isAssignableFrom(raw)) {
      return; // a subtree kept for a later stage, recorded by the stage's reader
    } else if (raw == Optional.class) {
      walk(r, t.containedTypeOrUnknown(0), path, bounds, places, depth + 1, observer);
    } else if (raw == Double.class || raw == Double.TYPE || raw == OptionalDouble.class) {
      r.number(path, null);
    } else if (raw == Integer.class || raw == Integer.TYPE || raw == Long.class || raw == Long.TYPE
        || raw == OptionalInt.class || raw == OptionalLong.class) {
      long[] range = BindingErrors.intRange(raw, bounds);
      r.integer(path, range[0], range[1]);
    } else if (raw == Boolean.class || raw == Boolean.TYPE) {
      r.bool(path);
    } else if (raw == String.class) {
      r.string(path);
    } else if (raw == BackgroundWidth.class) {
      r.enumeration(path, List.of(BackgroundWidth.FREE));
      r.number(path, BackgroundWidth.RANGE);
    } else if (raw.isEnum()) {
      r.enumeration(path, Arrays.stream(raw.getEnumConstants()).map(e -> ConfigNode.spelling((Enum<?>) e)).toList());
    } else if (ChosenDeserializer.isChosen(raw)) {
      for (Class<?> c : ChosenDeserializer.choices(raw)) {
        walk(r, JacksonBinding.typeOf(c), path, null, places, depth + 1, new Object());
      }
    } else if (t.isCollectionLikeType() || t.isArrayType()) {
      r.list(path);
      walk(r, t.getContentType(), child(path, SchemaRecorder.ITEMS), null, places, depth + 1);
    } else if (t.isMapLikeType()) {
      r.freeKeys(path, observer);
      walk(r, t.getContentType(), child(path, SchemaRecorder.ANY_KEY), null, places, depth + 1);
    } else {
      places.computeIfAbsent(raw, k -> new ArrayList<>()).add(List.copyOf(path));
      List<Property> props = properties(t);
      r.declare(path, observer, new LinkedHashSet<>(props.stream().map(Property::name).toList()));
      for (Property p : props) {
        if (p.required()) {
          r.required(path, observer, p.name());
        }
        walk(r, p.type(), child(path, p.name()), p.bounds(), places, depth + 1);
      }
    }
  }

  private static List<String> child(List<String> path, String element) {
    List<String> c = new ArrayList<>(path);
    c.add(element);
    return c;
  }
}
