package org.cevns.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds a {@link ChosenBy} interface: reads the choosing key, then binds the map onto the chosen record. */
final class ChosenDeserializer extends StdDeserializer<Object> {
  private static final long serialVersionUID = 1L;
  private final transient ChosenBy by;

  ChosenDeserializer(Class<?> type) {
    super(type);
    this.by = type.getAnnotation(ChosenBy.class);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    if (!tree.isObject()) {
      throw new ConfigException("", "must be a map", ConfigException.render(tree));
    }
    Class<?> chosen = choose(tree, ctxt);
    try {
      RecordBinder.precheck(chosen, tree, "", null);
    } catch (ConfigException e) {
      throw new ConfigException(e.keyPath(), e.allowed(), e.value().orElse(null));
    }
    return ctxt.readTreeAsValue(tree, chosen);
  }

  private Class<?> choose(JsonNode tree, DeserializationContext ctxt) throws IOException {
    if (!by.ifPresent().isEmpty()) {
      return tree.has(by.ifPresent()) ? by.then() : by.otherwise();
    }
    JsonNode k = tree.get(by.key());
    if (k == null) {
      throw new ConfigException(by.key(), "required key is missing");
    }
    if (k.isNull()) { // `model:` with no value: Jackson binds it to a null constant
      throw new ConfigException(by.key(), "must be " + BindingErrors.kind(ctxt.constructType(by.kinds()), null), "null");
    }
    Object kind;
    try {
      kind = ctxt.readTreeAsValue(k, by.kinds());
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, tree, by.key());
    }
    return by.types()[((Enum<?>) kind).ordinal()];
  }

  /**
   * The record (or chosen interface) that {@code tree}, a map at {@code path}, binds onto as a {@code type}
   * ({@link RecordBinder}): as {@link #deserialize} chooses, with the same messages.
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
