package org.cevns.events.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flat copies of the JSON metadata values, so that readers get numbers without parsing nested JSON (pyarrow's
 * {@code schema.metadata}, DuckDB's {@code parquet_kv_metadata}): every leaf of a JSON object or list value of
 * key {@code k} is added as {@code k.path = value}, where a path segment is the field name, or for list elements
 * their {@code name}, {@code detector}, {@code source} or {@code component} field (joined by {@code .}) when they
 * have one, else the index. The JSON values stay as they are; existing keys are not replaced.
 */
public final class FlatMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
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
      JsonNode node;
      try {
        node = JSON.readTree(v);
      } catch (JsonProcessingException ex) {
        continue; // not JSON: kept as it is
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

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        flatten(prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "." + segment(node.get(i), i), node.get(i), out);
      }
    } else if (!node.isNull()) {
      out.putIfAbsent(prefix, node.asText());
    }
  }

  private static String segment(JsonNode element, int index) {
    if (!element.isObject()) {
      return Integer.toString(index);
    }
    StringBuilder s = new StringBuilder();
    for (String f : NAMING_FIELDS) {
      JsonNode n = element.get(f);
      if (n != null && n.isTextual()) {
        s.append(s.length() == 0 ? "" : ".").append(n.asText());
      }
    }
    return s.length() == 0 ? Integer.toString(index) : s.toString();
  }
}
