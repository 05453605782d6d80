package org.cevns.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translator of {@link JacksonBinding}'s failures into the one-line {@link ConfigException}s (which
 * {@link RecordBinder} gives itself, {@link BindingComparison} checks they agree; what is allowed is named by
 * {@link BindingErrors}):
 * the key path comes from {@link JsonMappingException#getPath()} below the section's own path, the offending value
 * is rendered from the YAML tree at that path, and what is allowed from the target type or the record's own check:
 *
 * <ul>
 *   <li>{@link UnrecognizedPropertyException}: {@code KEY: unknown key, allowed: K1, K2, ...} (the record's keys in
 *       declaration order);
 *   <li>a missing {@code @JsonProperty(required = true)}: {@code KEY: required key is missing};
 *   <li>an explicit null, a wrong type ({@link MismatchedInputException}, {@link InvalidNullException}):
 *       {@code KEY: must be a number, got 'heavy'}, {@code must be a map, got a list}, ...;
 *   <li>a {@link ConfigException} thrown by a record's constructor (wrapped by Jackson in a
 *       {@code ValueInstantiationException}): its key, relative to the record, joined under the record's path.
 * </ul>
 */
final class JacksonErrors {
  /** Prefix of the messages of the strict scalar deserializers: what follows is the allowed text. */
  static final String MARK = "cevns-refused:";
  private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

  private JacksonErrors() {}

  static ConfigException translate(Exception e, JsonNode root, String rootPath) {
    ConfigException inner = configCause(e);
    if (!(e instanceof JsonMappingException m)) {
      return inner != null ? inner.under(rootPath)
          : ConfigException.rooted(rootPath, "cannot be read: " + e.getMessage(), null);
    }
    String path = rootPath;
    JsonNode at = root;
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getIndex() >= 0) {
        path = path + "[" + r.getIndex() + "]";
        at = at == null ? null : at.get(r.getIndex());
      } else {
        path = ConfigException.join(path, r.getFieldName());
        at = at == null ? null : at.get(r.getFieldName());
      }
    }
    if (inner != null) {
      return inner.under(path);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> keys = RecordShape.of(u.getReferringClass()).keys();
      return ConfigException.rooted(path, "unknown key, allowed: " + (keys.isEmpty() ? "none" : String.join(", ", keys)),
          null);
    }
    String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
    Matcher missing = MISSING.matcher(message);
    if (missing.find()) {
      List<JsonMappingException.Reference> refs = m.getPath();
      boolean named = !refs.isEmpty() && missing.group(1).equals(refs.get(refs.size() - 1).getFieldName());
      return ConfigException.rooted(named ? path : ConfigException.join(path, missing.group(1)),
          "required key is missing", null);
    }
    String value = ConfigException.render(at);
    if (message.startsWith(MARK)) {
      return ConfigException.rooted(path, message.substring(MARK.length()), value);
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      JavaType type = JacksonBinding.typeOf(mi.getTargetType());
      IntBounds bounds = e instanceof InvalidNullException n ? boundsOf(m, n.getPropertyName().getSimpleName()) : null;
      return ConfigException.rooted(path, "must be " + kind(type, bounds), value);
    }
    return ConfigException.rooted(path, "cannot be read: " + message, value);
  }

  private static ConfigException configCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigException c) {
        return c;
      }
    }
    return null;
  }

  /** The {@link IntBounds} of the property that was null, found on the record that declares it. */
  private static IntBounds boundsOf(JsonMappingException m, String property) {
    List<JsonMappingException.Reference> path = m.getPath();
    if (path.size() < 1 || property == null) {
      return null;
    }
    Object from = path.get(path.size() - 1).getFrom();
    Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    if (owner == null) {
      return null;
    }
    RecordShape shape;
    try {
      shape = RecordShape.of(owner);
    } catch (IllegalStateException notARecord) {
      return null;
    }
    int i = shape.indexOf(property);
    return i < 0 ? null : shape.properties().get(i).bounds();
  }

  /** What a value of {@code type} is, after "must be ": {@code a number}, {@code a map}, {@code one of a, b}. */
  static String kind(JavaType type, IntBounds bounds) {
    Class<?> raw = type.getRawClass();
    return raw == Optional.class ? kind(type.containedTypeOrUnknown(0), bounds) : BindingErrors.kind(raw, bounds);
  }
}
