package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reports a bound type to the {@link SchemaRecorder} as {@link ConfigNode}'s getters report what they read: a
 * record is a map allowing exactly its keys ({@link RecordShape}, as {@link RecordBinder} binds it; required: the
 * {@code @JsonProperty(required = true)} ones), lists and maps with data keys are walked into, scalars give their
 * JSON type ({@link IntBounds} for integers, spellings for enums). The ranges a record's constructor checks with
 * {@link DoubleRange} are recorded while it is built ({@link #enter}), at every place the walk found the record's
 * type.
 */
final class BindingSchema {
  private static final int MAX_DEPTH = 32;
  /** Where each record type of the current binding sits in the schema. */
  private static final ThreadLocal<Map<Class<?>, List<List<String>>>> PLACES = new ThreadLocal<>();

  private BindingSchema() {}

  /** Reports {@code type}, bound at {@code path}; its top map is observed by {@code observer} (the node's reader). */
  static void record(SchemaRecorder recorder, List<String> path, Object observer, Class<?> type) {
    Map<Class<?>, List<List<String>>> places = new HashMap<>();
    walk(recorder, type, new ArrayList<>(path), null, places, 0, observer);
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

  private static void walk(SchemaRecorder r, Type t, List<String> path, IntBounds bounds,
      Map<Class<?>, List<List<String>>> places, int depth, Object observer) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Class<?> raw = RecordBinder.raw(t);
    if (JsonNode.class.isAssignableFrom(raw)) {
      return; // a subtree kept for a later stage, recorded by the stage's reader
    } else if (raw == Optional.class) {
      walk(r, RecordBinder.arg(t, 0), path, bounds, places, depth + 1, observer);
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
    } else if (ChosenRecords.isChosen(raw)) {
      for (Class<?> c : ChosenRecords.choices(raw)) {
        walk(r, c, path, null, places, depth + 1, new Object());
      }
    } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      r.list(path);
      Type items = t instanceof GenericArrayType g ? g.getGenericComponentType()
          : raw.isArray() ? raw.getComponentType() : RecordBinder.arg(t, 0);
      walk(r, items, child(path, SchemaRecorder.ITEMS), null, places, depth + 1, new Object());
    } else if (Map.class.isAssignableFrom(raw)) {
      r.freeKeys(path, observer);
      walk(r, RecordBinder.arg(t, 1), child(path, SchemaRecorder.ANY_KEY), null, places, depth + 1, new Object());
    } else {
      places.computeIfAbsent(raw, k -> new ArrayList<>()).add(List.copyOf(path));
      List<RecordShape.Property> props = RecordShape.of(raw).properties();
      r.declare(path, observer, new LinkedHashSet<>(RecordShape.of(raw).keys()));
      for (RecordShape.Property p : props) {
        if (p.required()) {
          r.required(path, observer, p.name());
        }
        walk(r, p.type(), child(path, p.name()), p.bounds(), places, depth + 1, new Object());
      }
    }
  }

  private static List<String> child(List<String> path, String element) {
    List<String> c = new ArrayList<>(path);
    c.add(element);
    return c;
  }
}
