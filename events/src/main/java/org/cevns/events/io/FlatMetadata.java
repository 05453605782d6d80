package org.cevns.events.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flat copies of the JSON metadata values, so that readers get numbers without parsing nested JSON (pyarrow's
 * {@code schema.metadata}, DuckDB's {@code parquet_kv_metadata}): every leaf of a JSON object or list value of
 * key {@code k} is added as {@code k.path = value}, where a path segment is the field name, or for list elements
 * their {@code name}, {@code detector}, {@code source} or {@code component} field (joined by {@code .}) when they
 * have one, else the index. The JSON values stay as they are; existing keys are not replaced.
 *
 * <p>A value is read with jackson-core's streaming parser into plain maps and lists ({@link #read}), with the leaves'
 * text as Jackson's tree ({@code ObjectMapper.readTree}, {@code JsonNode.asText}) gives it; FlatMetadataTest compares
 * the two. Without the mapper: in a {@code generate} run it was the one left (~350 classes, its serializer and
 * deserializer set-up and default date format), docs/performance-history.md "genfixed (thirty-first session)".
 */
public final class FlatMetadata {
  private static final JsonFactory JSON = new JsonFactory();
  /** Fields that name a list element, in the order they are joined. */
  private static final List<String> NAMING_FIELDS = List.of("name", "detector", "source", "period", "component", "process", "flavor", "isotope");

  private FlatMetadata() {}

  /** {@code metadata} plus the flat keys of its JSON values and {@code units} as {@code cevns.unit.<column>}. */
  public static Map<String, String> withFlatKeys(Map<String, String> metadata, Map<String, String> units) {
    Map<String, String> out = new LinkedHashMap<>(metadata);
    units.forEach((column, unit) -> out.putIfAbsent("cevns.unit." + column, unit));
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String v = e.getValue();
      if (v == null || v.isEmpty() || (v.charAt(0) != '{' && v.charAt(0) != '[')) {
        continue;
      }
      Object node;
      try (JsonParser p = JSON.createParser(v)) {
        node = read(p, p.nextToken());
      } catch (JsonProcessingException ex) {
        continue; // not JSON: kept as it is
      } catch (IOException ex) {
        throw new UncheckedIOException(ex); // a string is not read from a file
      }
      flatten(e.getKey(), node, out);
    }
    return out;
  }

  /**
   * {@code metadata} without the keys {@link #withFlatKeys} adds (flat copies of JSON values, {@code cevns.unit.*}),
   * e.g. to carry a truth file's metadata into a detector-level file, which derives its own.
   */
  public static Map<String, String> withoutFlatKeys(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("cevns.unit.") || isFlatCopy(k, metadata)) {
        continue;
      }
      out.put(k, e.getValue());
    }
    return out;
  }

  private static boolean isFlatCopy(String key, Map<String, String> metadata) {
    for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
      String v = metadata.get(key.substring(0, dot));
      if (v != null && !v.isEmpty() && (v.charAt(0) == '{' || v.charAt(0) == '[')) {
        return true;
      }
    }
    return false;
  }

  /** A leaf other than a JSON string (number, boolean), with its text as {@code JsonNode.asText} writes it. */
  private record Scalar(String text) {}

  /** A JSON null (a leaf not copied). */
  private static final Object NULL = new Object();

  /**
   * The value starting at {@code t}: a {@link LinkedHashMap} (a repeated field name keeps its first place and its
   * last value, as Jackson's tree), an {@link ArrayList}, a {@link String}, a {@link Scalar} or {@link #NULL}. Read
   * iteratively (as Jackson's tree deserializer), so deep nesting fails with the parser's depth limit.
   */
  private static Object read(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      List<Object> stack = new ArrayList<>();
      Object root = t == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
      stack.add(root);
      String field = null;
      while (!stack.isEmpty()) {
        Object top = stack.get(stack.size() - 1);
        JsonToken n = p.nextToken();
        if (n == null) {
          throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of JSON");
        }
        if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
          stack.remove(stack.size() - 1);
          continue;
        }
        if (n == JsonToken.FIELD_NAME) {
          field = p.currentName();
          continue;
        }
        Object value = n == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>()
            : n == JsonToken.START_ARRAY ? new ArrayList<>() : leaf(p, n);
        if (top instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) m;
          map.put(field, value);
        } else {
          @SuppressWarnings("unchecked")
          List<Object> list = (List<Object>) top;
          list.add(value);
        }
        if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
          stack.add(value);
        }
      }
      return root;
    }
    return leaf(p, t);
  }

  private static Object leaf(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return new Scalar(Integer.toString(p.getIntValue()));
          case LONG:
            return new Scalar(Long.toString(p.getLongValue()));
          default:
            return new Scalar(p.getBigIntegerValue().toString());
        }
      case VALUE_NUMBER_FLOAT:
        return new Scalar(Double.toString(p.getDoubleValue()));
      case VALUE_TRUE:
        return new Scalar("true");
      case VALUE_FALSE:
        return new Scalar("false");
      default:
        return NULL;
    }
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> object) {
      for (Map.Entry<?, ?> f : object.entrySet()) {
        flatten(prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node instanceof List<?> array) {
      for (int i = 0; i < array.size(); i++) {
        flatten(prefix + "." + segment(array.get(i), i), array.get(i), out);
      }
    } else if (node instanceof String text) {
      out.putIfAbsent(prefix, text);
    } else if (node instanceof Scalar scalar) {
      out.putIfAbsent(prefix, scalar.text());
    }
  }

  private static String segment(Object element, int index) {
    if (!(element instanceof Map<?, ?> object)) {
      return Integer.toString(index);
    }
    StringBuilder s = new StringBuilder();
    for (String f : NAMING_FIELDS) {
      if (object.get(f) instanceof String n) {
        s.append(s.length() == 0 ? "" : ".").append(n);
      }
    }
    return s.length() == 0 ? Integer.toString(index) : s.toString();
  }
}
