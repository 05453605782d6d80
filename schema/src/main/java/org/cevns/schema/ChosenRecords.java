package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The records a {@link ChosenBy} interface binds onto: which one a map chooses, and all of them for the schema. */
final class ChosenRecords {
  private ChosenRecords() {}

  /**
   * The record (or chosen interface) that {@code tree}, a map at {@code path}, binds onto as a {@code type}
   * ({@link RecordBinder}).
   *
   * @throws ConfigException {@code KEY: required key is missing} or {@code KEY: must be one of a, b, got 'x'}
   */
  static Class<?> choose(Class<?> type, JsonNode tree, String path) {
    ChosenBy by = type.getAnnotation(ChosenBy.class);
    if (!by.ifPresent().isEmpty()) {
      return tree.has(by.ifPresent()) ? by.then() : by.otherwise();
    }
    JsonNode k = tree.get(by.key());
    String keyPath = ConfigException.join(path, by.key());
    if (k == null) {
      throw ConfigException.rooted(keyPath, "required key is missing", null);
    }
    if (k.isNull()) {
      throw ConfigException.rooted(keyPath, "must be " + BindingErrors.kind(by.kinds(), null), "null");
    }
    return by.types()[((Enum<?>) BoundScalars.scalar(by.kinds(), k, keyPath, null)).ordinal()];
  }

  /** The records (and chosen interfaces) {@code type} may bind onto, each once, for the schema. */
  static List<Class<?>> choices(Class<?> type) {
    ChosenBy c = type.getAnnotation(ChosenBy.class);
    Set<Class<?>> out = new LinkedHashSet<>(List.of(c.types()));
    if (!c.ifPresent().isEmpty()) {
      out.add(c.then());
      out.add(c.otherwise());
    }
    return new ArrayList<>(out);
  }

  /** True for an interface bound by {@link ChosenBy}. */
  static boolean isChosen(Class<?> type) {
    return type.isInterface() && type.isAnnotationPresent(ChosenBy.class);
  }
}
