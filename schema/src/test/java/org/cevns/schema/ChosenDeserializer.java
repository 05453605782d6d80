package org.cevns.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * {@link JacksonBinding}'s binding of a {@link ChosenBy} interface: reads the choosing key, then binds the map onto
 * the chosen record (as {@link ChosenRecords#choose} chooses for {@link RecordBinder}, with the same messages).
 */
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
      throw new ConfigException(by.key(), "must be " + JacksonErrors.kind(ctxt.constructType(by.kinds()), null), "null");
    }
    Object kind;
    try {
      kind = ctxt.readTreeAsValue(k, by.kinds());
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, tree, by.key());
    }
    return by.types()[((Enum<?>) kind).ordinal()];
  }
}
