package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a Jackson tree as block-style YAML, deterministically (map keys in the tree's order) and such that
 * {@link YamlReader} reads back an equal tree: doubles keep a {@code .} or exponent ({@code 14.0},
 * {@code 1.38e23}), infinities and NaN are {@code .inf}, {@code -.inf}, {@code .nan}; strings are plain when
 * that is unambiguous and double-quoted otherwise ({@code "on"}, {@code "3"}, {@code "a b"}). Lists of scalars
 * are written in flow style ({@code [cevns, eves]}), and so are short maps of scalars
 * ({@code exposure: {beam_energy_gwh: 13.99}}); other lists and maps in block style.
 */
public final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./+-]*");
  /** Words YAML 1.1 (and Jackson) would read as booleans or null. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "infinity");

  /** Maps of scalars are written on one line if it stays this short. */
  private static final int MAX_FLOW_LINE = 100;

  private YamlWriter() {}

  /** The YAML text of {@code root} (a map at the top for a configuration; any node is accepted). */
  public static String write(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    if (root.isObject() && !root.isEmpty()) {
      writeMapBody(sb, root, 0);
    } else if (root.isArray() && !root.isEmpty() && !isFlowList(root)) {
      writeListBody(sb, root, 0);
    } else {
      sb.append(flow(root)).append('\n');
    }
    return sb.toString();
  }

  private static void writeMapBody(StringBuilder sb, JsonNode map, int indent) {
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      indent(sb, indent);
      writeEntry(sb, e.getKey(), e.getValue(), indent);
    }
  }

  /** Writes {@code key: value} starting at the current position (indentation already written). */
  private static void writeEntry(StringBuilder sb, String key, JsonNode value, int indent) {
    sb.append(string(key)).append(':');
    String flowMap = value.isObject() ? flowMap(value) : null;
    if (flowMap != null && indent + key.length() + flowMap.length() + 2 <= MAX_FLOW_LINE) {
      sb.append(' ').append(flowMap).append('\n');
    } else if (value.isObject() && !value.isEmpty()) {
      sb.append('\n');
      writeMapBody(sb, value, indent + 2);
    } else if (value.isArray() && !value.isEmpty() && !isFlowList(value)) {
      sb.append('\n');
      writeListBody(sb, value, indent + 2);
    } else {
      sb.append(' ').append(flow(value)).append('\n');
    }
  }

  private static void writeListBody(StringBuilder sb, JsonNode list, int indent) {
    for (JsonNode item : list) {
      indent(sb, indent);
      sb.append('-');
      String flowMap = item.isObject() ? flowMap(item) : null;
      if (flowMap != null && indent + flowMap.length() + 2 <= MAX_FLOW_LINE) {
        sb.append(' ').append(flowMap).append('\n');
      } else if (item.isObject() && !item.isEmpty()) {
        sb.append(' ');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : item.properties()) {
          if (!first) {
            indent(sb, indent + 2);
          }
          writeEntry(sb, e.getKey(), e.getValue(), indent + 2);
          first = false;
        }
      } else if (item.isArray() && !item.isEmpty() && !isFlowList(item)) {
        sb.append('\n');
        writeListBody(sb, item, indent + 2);
      } else {
        sb.append(' ').append(flow(item)).append('\n');
      }
    }
  }

  /** {@code {a: 1, b: x}} for a non-empty map of scalars, else null. */
  private static String flowMap(JsonNode map) {
    if (map.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      if (e.getValue().isContainerNode()) {
        return null;
      }
      sb.append(sb.length() == 1 ? "" : ", ").append(string(e.getKey())).append(": ").append(flow(e.getValue()));
    }
    return sb.append('}').toString();
  }

  private static boolean isFlowList(JsonNode list) {
    for (JsonNode item : list) {
      if (item.isContainerNode() && !item.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static void indent(StringBuilder sb, int indent) {
    sb.append(" ".repeat(indent));
  }

  /** A scalar, an empty container, or a list of those, on one line. */
  private static String flow(JsonNode node) {
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(flow(node.get(i)));
      }
      return sb.append(']').toString();
    }
    if (node.isObject()) {
      return "{}";
    }
    if (node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    if (node.isFloatingPointNumber()) {
      return number(node.doubleValue());
    }
    if (node.isNumber()) {
      return node.asText();
    }
    return string(node.asText());
  }

  /** A double as YAML that reads back as the same double. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    return Double.toString(d).replace('E', 'e');
  }

  private static String string(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (Character.isISOControl(c)) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
