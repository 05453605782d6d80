package org.cevns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cevns.schema.YamlReader;
import org.cevns.schema.YamlWriter;

/**
 * The cases of the key-walk fuzzer ({@link ConfigWalkFuzzTest}): every key path of a shipped configuration (scalars,
 * lists and maps) with every mutation that applies to its value, written as a mutated copy of the configuration.
 */
final class ConfigWalk {
  private ConfigWalk() {}

  /** The configurations walked: the key reference and shipped configurations of each kind of source. */
  static final List<String> BASES =
      List.of("reference.yaml", "coherent-csi.yaml", "conus-plus.yaml", "xenonnt-b8.yaml", "ess.yaml", "nucleus.yaml");

  /** Items of a longer list beyond these indices are not walked (tables of numbers: the first two and the last). */
  private static final int LIST_ITEMS_WALKED = 2;

  /** A mutation: a name and the replacement of a value (null: does not apply to that value). */
  record Mutation(String name, Function<JsonNode, JsonNode> replace) {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static JsonNode yaml(String text) {
    return YamlReader.read(text, "<fuzz>");
  }

  /** Mutations of a value; DUPLICATE and MISSPELLED act on the key instead (map keys only). */
  static final List<Mutation> MUTATIONS = List.of(
      new Mutation("negative", v -> !v.isNumber() ? null : v.asDouble() == 0 ? yaml("-1")
          : v.isIntegralNumber() ? F.numberNode(-Math.abs(v.longValue())) : F.numberNode(-Math.abs(v.doubleValue()))),
      new Mutation("zero", v -> v.isNumber() ? yaml(v.isIntegralNumber() ? "0" : "0.0") : null),
      new Mutation("nan", v -> v.isNumber() ? yaml(".nan") : null),
      new Mutation("inf", v -> v.isNumber() ? yaml(".inf") : null),
      new Mutation("minus-inf", v -> v.isNumber() ? yaml("-.inf") : null),
      new Mutation("huge", v -> v.isNumber() ? yaml("1.0e300") : null),
      new Mutation("tiny", v -> v.isNumber() ? yaml("1.0e-300") : null),
      new Mutation("fraction", v -> v.isIntegralNumber() ? yaml("2.5") : null),
      new Mutation("string-for-number", v -> v.isNumber() ? yaml("abc") : null),
      new Mutation("quoted-number", v -> v.isNumber() ? yaml("'" + v.asText() + "'") : null),
      new Mutation("unit-string", v -> v.isNumber() ? yaml("10 kg") : null),
      new Mutation("number-for-string", v -> v.isTextual() ? yaml("42") : null),
      new Mutation("unknown-word", v -> v.isTextual() ? yaml("zzfuzz-word") : null),
      new Mutation("empty-string", v -> v.isValueNode() ? yaml("''") : null),
      new Mutation("long-string", v -> v.isTextual() ? yaml("x".repeat(5000)) : null),
      new Mutation("bool", v -> v.isValueNode() && !v.isBoolean() ? yaml("true") : null),
      new Mutation("null", v -> yaml("null")),
      new Mutation("map-for-value", v -> v.isObject() ? null : yaml("{zzfuzz: 1}")),
      new Mutation("list-for-scalar", v -> v.isValueNode() ? yaml("[1]") : null),
      new Mutation("scalar-for-container", v -> v.isContainerNode() ? yaml("7") : null),
      new Mutation("empty-list", v -> v.isArray() || v.isValueNode() ? yaml("[]") : null),
      new Mutation("empty-map", v -> v.isContainerNode() ? yaml("{}") : null),
      new Mutation("duplicate-key", v -> null),
      new Mutation("misspelled-key", v -> null));

  /** One fuzz case: a configuration, the key path mutated and the mutation. */
  record Case(String base, List<Object> path, String mutation) {
    String keyPath() {
      return ConfigWalk.keyPath(path);
    }

    @Override
    public String toString() {
      return base + " " + keyPath() + " " + mutation;
    }
  }

  /** The key path in the spelling of error messages: {@code detectors[0].mass_kg}. */
  static String keyPath(List<Object> path) {
    StringBuilder b = new StringBuilder();
    for (Object p : path) {
      if (p instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append(b.length() > 0 ? "." : "").append(p);
      }
    }
    return b.toString();
  }

  static JsonNode tree(String base) throws IOException {
    return YamlReader.read(Files.readString(GenerateCommandTest.CONFIGS.resolve(base)), base);
  }

  /** Every case of every base, in a fixed order. */
  static List<Case> allCases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String base : BASES) {
      Map<List<Object>, JsonNode> nodes = new LinkedHashMap<>();
      collect(tree(base), new ArrayList<>(), nodes);
      nodes.forEach((path, value) -> {
        for (Mutation m : MUTATIONS) {
          boolean keyMutation = m.name().endsWith("-key");
          if (keyMutation ? path.get(path.size() - 1) instanceof String : m.replace().apply(value) != null) {
            cases.add(new Case(base, path, m.name()));
          }
        }
      });
    }
    return cases;
  }

  private static void collect(JsonNode n, List<Object> path, Map<List<Object>, JsonNode> out) {
    if (!path.isEmpty()) {
      out.put(List.copyOf(path), n);
    }
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> {
        path.add(k);
        collect(n.get(k), path, out);
        path.remove(path.size() - 1);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        if (i < LIST_ITEMS_WALKED || i == n.size() - 1) {
          path.add(i);
          collect(n.get(i), path, out);
          path.remove(path.size() - 1);
        }
      }
    }
  }

  private static JsonNode parent(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object p : path.subList(0, path.size() - 1)) {
      n = p instanceof Integer i ? n.get(i) : n.get((String) p);
    }
    return n;
  }

  /** The text of the mutated configuration of {@code c}. */
  static String mutatedText(Case c) throws IOException {
    JsonNode root = tree(c.base());
    JsonNode parent = parent(root, c.path());
    Object last = c.path().get(c.path().size() - 1);
    JsonNode value = last instanceof Integer i ? parent.get(i) : parent.get((String) last);
    if (c.mutation().equals("duplicate-key")) {
      // the key again, at the end of its map: a marker key renamed in the text, since a tree holds no duplicates
      String marker = "zzduplicatemarker";
      ((ObjectNode) parent).set(marker, value.deepCopy());
      return YamlWriter.write(root).replace(marker + ":", last + ":");
    }
    if (c.mutation().equals("misspelled-key")) {
      ObjectNode map = (ObjectNode) parent;
      ObjectNode renamed = map.objectNode();
      String key = (String) last;
      String typo = typo(key);
      map.properties().forEach(e -> renamed.set(e.getKey().equals(key) ? typo : e.getKey(), e.getValue()));
      map.removeAll();
      map.setAll(renamed);
      return YamlWriter.write(root);
    }
    JsonNode replacement = MUTATIONS.stream().filter(m -> m.name().equals(c.mutation())).findFirst().orElseThrow()
        .replace().apply(value);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, replacement);
    } else {
      ((ObjectNode) parent).set((String) last, replacement);
    }
    return YamlWriter.write(root);
  }

  /** A misspelling of {@code key}: its last two letters swapped, else its last letter dropped, else an x added. */
  static String typo(String key) {
    int n = key.length();
    if (n > 2 && key.charAt(n - 1) != key.charAt(n - 2)) {
      return key.substring(0, n - 2) + key.charAt(n - 1) + key.charAt(n - 2);
    }
    return n > 2 ? key.substring(0, n - 1) : key + "x";
  }

  /** Writes the mutated configuration of {@code c} into {@code dir} (which holds copies of the data files). */
  static Path write(Case c, Path dir, int index) throws IOException {
    return Files.writeString(dir.resolve("case-" + index + ".yaml"), mutatedText(c));
  }
}
