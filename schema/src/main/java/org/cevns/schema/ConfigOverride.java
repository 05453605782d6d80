package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command-line override {@code --set key.path=value} of a configuration, applied to the YAML tree after
 * {@code include:} is resolved and before validation, so an override is checked like a value in the file.
 *
 * <p>The key path uses the spelling of error messages: map keys joined by {@code .}, list items as {@code [i]}
 * (0-based, an existing item), e.g. {@code detectors[0].mass_kg}, {@code physics.sin2_theta_w},
 * {@code sources[1].exposure.live_days}. A key holding {@code .}, {@code [}, {@code ]}, {@code =} or {@code "}
 * is written in double quotes ({@code detectors[0].distances_m."sns.v2"}). Missing maps on the way are created
 * (an unknown key then fails validation with the usual message); a list index must exist. The value is read as
 * YAML: {@code 20} is an integer, {@code 2.5e3} a double, {@code true} a boolean, {@code '3'} a string,
 * {@code [cevns, eves]} and {@code {box_m: [1, 1, 1]}} flow collections; an empty value is null. The whole value
 * replaces what was there (a map is not merged into the old map).
 *
 * <p>Errors are {@link ConfigException}s whose key path is {@code --set TEXT}, e.g.
 * {@code --set detectors[5].mass_kg=20: index 5 is out of range, detectors has 2 items}.
 *
 * @param text the override as given ({@code key.path=value}), for messages
 * @param path the key path: {@link String} map keys and {@link Integer} list indices, at least one element
 * @param value the parsed value
 */
public record ConfigOverride(String text, List<Object> path, JsonNode value) {
  public ConfigOverride {
    Objects.requireNonNull(text, "text");
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty key path");
    }
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses {@code key.path=value}.
   *
   * @throws ConfigException if there is no {@code =}, the key path is malformed, or the value is not valid YAML
   */
  public static ConfigOverride parse(String text) {
    String where = "--set " + text;
    int eq = separator(text);
    if (eq < 0) {
      throw new ConfigException(where, "must be KEY.PATH=VALUE (e.g. detectors[0].mass_kg=20)");
    }
    List<Object> path = parsePath(text.substring(0, eq), where);
    String valueText = text.substring(eq + 1);
    JsonNode value = YamlReader.read(valueText, where);
    if (value instanceof MissingNode) {
      value = NullNode.getInstance();
    }
    return new ConfigOverride(text, path, value);
  }

  /** Parses every element of {@code texts} with {@link #parse}. */
  public static List<ConfigOverride> parseAll(List<String> texts) {
    List<ConfigOverride> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(t));
    }
    return out;
  }

  /** Index of the {@code =} ending the key path (outside quotes), or -1. */
  private static int separator(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '=' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static List<Object> parsePath(String key, String where) {
    List<Object> path = new ArrayList<>();
    int i = 0;
    int n = key.length();
    boolean needKey = true;
    while (i < n) {
      char c = key.charAt(i);
      if (c == '[') {
        int close = key.indexOf(']', i);
        String digits = close < 0 ? "" : key.substring(i + 1, close);
        if (path.isEmpty() || !digits.matches("[0-9]{1,9}")) {
          throw malformed(where, "a list index is [N] after a key, N = 0, 1, ...");
        }
        path.add(Integer.parseInt(digits));
        i = close + 1;
        needKey = false;
      } else if (c == '.') {
        if (needKey) {
          throw malformed(where, "empty key");
        }
        needKey = true;
        i++;
      } else {
        if (!needKey) {
          throw malformed(where, "keys are separated by '.'");
        }
        StringBuilder k = new StringBuilder();
        if (c == '"') {
          int close = key.indexOf('"', i + 1);
          if (close < 0) {
            throw malformed(where, "unterminated quote");
          }
          k.append(key, i + 1, close);
          i = close + 1;
        } else {
          while (i < n && ".[]\"".indexOf(key.charAt(i)) < 0) {
            k.append(key.charAt(i++));
          }
          if (i < n && (key.charAt(i) == ']' || key.charAt(i) == '"')) {
            throw malformed(where, "unexpected '" + key.charAt(i) + "'");
          }
        }
        if (k.toString().isBlank()) {
          throw malformed(where, "empty key");
        }
        path.add(k.toString());
        needKey = false;
      }
    }
    if (needKey) {
      throw malformed(where, path.isEmpty() ? "empty key path" : "empty key");
    }
    return path;
  }

  private static ConfigException malformed(String where, String why) {
    return new ConfigException(where, "malformed key path (" + why + "), expected e.g. detectors[0].mass_kg=20");
  }

  /** The key path in the spelling of error messages ({@code detectors[0].mass_kg}). */
  public String keyPath() {
    return keyPath(path.size());
  }

  private String keyPath(int elements) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < elements; i++) {
      Object p = path.get(i);
      if (p instanceof Integer) {
        b.append('[').append(p).append(']');
      } else {
        String k = (String) p;
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(k.matches("[^.\\[\\]=\"]+") ? k : "\"" + k + "\"");
      }
    }
    return b.toString();
  }

  /**
   * Sets the value in {@code root}, creating missing maps on the way.
   *
   * @throws ConfigException if the path goes through a scalar or a list with a key, through a map with an
   *     index, or names a list item that does not exist
   */
  public void applyTo(ObjectNode root) {
    String where = "--set " + text;
    if (path.get(0).equals(ConfigLoader.INCLUDE_KEY)) {
      throw new ConfigException(where, "include cannot be overridden (it is resolved before --set is applied)");
    }
    JsonNode node = root;
    for (int i = 0; i < path.size(); i++) {
      Object p = path.get(i);
      boolean last = i == path.size() - 1;
      String parent = i == 0 ? "the configuration" : keyPath(i);
      if (p instanceof Integer) {
        int index = (Integer) p;
        if (!node.isArray()) {
          throw new ConfigException(where, parent + " is " + kind(node) + ", not a list");
        }
        if (index >= node.size()) {
          throw new ConfigException(where, "index " + index + " is out of range, " + parent + " has " + node.size()
              + (node.size() == 1 ? " item" : " items"));
        }
        if (last) {
          ((ArrayNode) node).set(index, value.deepCopy());
          return;
        }
        node = child(node, node.get(index), i, where);
      } else {
        String key = (String) p;
        if (!node.isObject()) {
          throw new ConfigException(where, parent + " is " + kind(node) + ", not a map");
        }
        ObjectNode map = (ObjectNode) node;
        if (last) {
          map.set(key, value.deepCopy());
          return;
        }
        JsonNode next = map.get(key);
        if (next == null || next.isNull()) {
          if (path.get(i + 1) instanceof Integer) {
            throw new ConfigException(where, keyPath(i + 1) + " is not set, so it has no item " + path.get(i + 1));
          }
          next = map.putObject(key);
        }
        node = child(map, next, i, where);
      }
    }
  }

  private JsonNode child(JsonNode parent, JsonNode next, int i, String where) {
    Objects.requireNonNull(parent);
    if (!next.isContainerNode()) {
      String wanted = path.get(i + 1) instanceof Integer ? "a list" : "a map";
      throw new ConfigException(where, keyPath(i + 1) + " is " + kind(next) + ", not " + wanted);
    }
    return next;
  }

  private static String kind(JsonNode n) {
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    return "the value " + ConfigException.render(n);
  }
}
