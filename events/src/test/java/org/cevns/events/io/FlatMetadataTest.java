package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatMetadata#withFlatKeys} gives the keys and values that its former implementation, Jackson's tree
 * ({@code ObjectMapper.readTree}, {@code JsonNode.asText}), gave: on the shapes of cevns' metadata and on awkward
 * and random JSON.
 */
class FlatMetadataTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> NAMING_FIELDS =
      List.of("name", "detector", "source", "period", "component", "process", "flavor", "isotope");

  /** The former implementation, through Jackson's tree. */
  private static Map<String, String> jackson(Map<String, String> metadata, Map<String, String> units) {
    Map<String, String> out = new LinkedHashMap<>(metadata);
    units.forEach((column, unit) -> out.putIfAbsent("cevns.unit." + column, unit));
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String v = e.getValue();
      if (v == null || v.isEmpty() || (v.charAt(0) != '{' && v.charAt(0) != '[')) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(v);
      } catch (JsonProcessingException ex) {
        continue;
      }
      flatten(e.getKey(), node, out);
    }
    return out;
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

  private static void check(String... values) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      metadata.put("k" + i, values[i]);
    }
    metadata.put("cevns.unit.x", "given");
    Map<String, String> units = Map.of("x", "MeV", "y", "s");
    Map<String, String> mine = FlatMetadata.withFlatKeys(metadata, units);
    Map<String, String> theirs = jackson(metadata, units);
    assertEquals(theirs, mine, String.join(" | ", values));
    assertEquals(new ArrayList<>(theirs.keySet()), new ArrayList<>(mine.keySet()), "key order");
  }

  @Test
  void metadataShapesGiveTheTreesKeys() {
    check("{\n  \"experiment\" : \"CENNS-10 LAr\",\n  \"detectors\" : [ {\n    \"name\" : \"lar\",\n    \"mass_kg\" : 24.4,"
        + "\n    \"roi_max_kevnr\" : null,\n    \"expected_events\" : {\n      \"cevns\" : 163.18311,\n      \"eves\" : \"NaN\""
        + "\n    },\n    \"by_process_flavor_isotope\" : [ {\n      \"process\" : \"cevns\",\n      \"flavor\" : \"nue\",\n"
        + "      \"isotope\" : \"Ar40\",\n      \"expected_events\" : 1.0E-7\n    } ]\n  } ]\n}",
        "[{\"detector\":\"csi\",\"mass_kg\":14.6,\"exposures\":[{\"source\":\"SNS\",\"period\":\"run1\",\"exposure\":3.2E23,"
        + "\"exposure_unit\":\"protons_on_target\",\"live_seconds\":1.0E7,\"distance_m\":19.3}]}]",
        "plain text", "", "not: [json", "# a YAML comment");
  }

  @Test
  void awkwardJsonGivesTheTreesKeys() {
    check("{\"a\":1,\"a\":2,\"b\":{\"a\":[1,2,[3,{\"name\":5}]]}}", "[1, 2147483648, -9223372036854775809,"
        + " 123456789012345678901234567890, -0, 0.1, -0.0, 1e400, -1e-400, 1E2, 4.9e-324, 1.7976931348623157e308, true,"
        + " false, null, \"\", \"\\u00fc\\n\\t\\\"\"]",
        "[{\"name\":\"a\",\"detector\":\"b\",\"isotope\":\"c\"},{\"name\":1},{\"name\":null},{},[],{\"period\":\"p\"}]",
        "{\"x\":1} trailing", "[1,2", "{\"a\":}", "[NaN]", "{\"a\":1,}", "[\"\\ud83d\\ude00 ☢ Übung\"]", "{}", "[]",
        "[".repeat(1200) + "]".repeat(1200), "[".repeat(900) + "1" + "]".repeat(900),
        "{\"a.b\":{\"c\":1},\"a\":{\"b.c\":2}}", "[[{\"name\":\"n\"}],[[\"x\"]]]");
  }

  @Test
  void randomJsonGivesTheTreesKeys() {
    UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(20261207L);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      value(r, s, 0, r.nextBoolean());
      check(s.toString());
    }
  }

  private static void value(UniformRandomProvider r, StringBuilder s, int depth, boolean object) {
    int kind = depth == 0 ? (object ? 0 : 1) : r.nextInt(depth > 5 ? 7 : 9);
    switch (kind) {
      case 0, 7 -> {
        s.append('{');
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          s.append(i == 0 ? "" : ",").append('"')
              .append(r.nextInt(3) == 0 ? NAMING_FIELDS.get(r.nextInt(NAMING_FIELDS.size())) : "f" + r.nextInt(4))
              .append("\":");
          value(r, s, depth + 1, false);
        }
        s.append('}');
      }
      case 1, 8 -> {
        s.append('[');
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          s.append(i == 0 ? "" : ",");
          value(r, s, depth + 1, false);
        }
        s.append(']');
      }
      case 2 -> s.append('"').append(List.of("a", "SNS", "nue", "x.y", "").get(r.nextInt(5))).append('"');
      case 3 -> s.append(r.nextLong() >> r.nextInt(64));
      case 4 -> s.append(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 5 -> s.append(List.of("true", "false", "null").get(r.nextInt(3)));
      default -> s.append((r.nextDouble() * 2 - 1)).append('e').append(r.nextInt(700) - 350);
    }
  }
}
