package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class YamlReaderWriterTest {
  private static JsonNode read(String yaml) {
    return YamlReader.read(yaml, "t.yaml");
  }

  @Test
  void yamlSpecialFloats() {
    JsonNode n = read("a: .inf\nb: -.inf\nc: .NaN\nd: +.Inf\ne: 13.8e22\nf: 1e3\ng: 3\nh: '3'\ni: 1_000\n");
    assertEquals(Double.POSITIVE_INFINITY, n.get("a").doubleValue());
    assertEquals(Double.NEGATIVE_INFINITY, n.get("b").doubleValue());
    assertTrue(Double.isNaN(n.get("c").doubleValue()));
    assertEquals(Double.POSITIVE_INFINITY, n.get("d").doubleValue());
    assertEquals(1.38e23, n.get("e").doubleValue());
    assertEquals(1000.0, n.get("f").doubleValue());
    assertTrue(n.get("g").isInt());
    assertTrue(n.get("h").isTextual());
    assertEquals(1000, n.get("i").intValue());
  }

  @Test
  void aliasesAreExpanded() {
    JsonNode n = read("base: &r {model: lindhard, k: 0.162}\ncopy: *r\n");
    assertEquals(n.get("base"), n.get("copy"));
    ((ObjectNode) n.get("copy")).put("k", 1);
    assertEquals(0.162, n.get("base").get("k").doubleValue(), "copies, not shared");
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 8; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    ConfigException e = assertThrows(ConfigException.class, () -> read(yaml.toString()));
    assertTrue(e.getMessage().contains("document too large"), e.getMessage());
  }

  @Test
  void emptyDocumentIsMissing() {
    assertTrue(read("").isMissingNode());
    assertTrue(read("# comment only\n").isMissingNode());
  }

  @Test
  void writerOutputReadsBackEqual() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("plain", "coherent-csi");
    root.put("bool_word", "on");
    root.put("yes_word", "Yes");
    root.put("numeric_string", "3");
    root.put("float_string", "1.5e3");
    root.put("spaces", "a b: c # d");
    root.put("quote", "it's \"x\"\\");
    root.put("newline", "line1\nline2\ttab");
    root.put("empty", "");
    root.put("unicode", "ν̄_e θ");
    root.put("inf", Double.POSITIVE_INFINITY);
    root.put("ninf", Double.NEGATIVE_INFINITY);
    root.put("nan", Double.NaN);
    root.put("integral_double", 14.0);
    root.put("tiny", 4.8e-15);
    root.put("big", 1.38e23);
    root.put("int", 7);
    root.put("long", 9_000_000_000L);
    root.putNull("null");
    root.putObject("empty_map");
    root.putArray("empty_list");
    root.putArray("scalars").add(1).add("two").add(3.5);
    ObjectNode nested = root.putObject("nested");
    nested.putArray("maps").addObject().put("a", 1).putObject("deeper").putArray("x").addArray().add(1);
    nested.withArray("maps").add(f.arrayNode().add(f.objectNode().put("k", "v")));
    root.putArray("list_of_lists").add(f.arrayNode().add(1).add(2)).add(f.arrayNode());
    String yaml = YamlWriter.write(root);
    JsonNode back = read(yaml);
    assertEquals(root.size(), back.size(), yaml);
    root.properties().forEach(e -> {
      JsonNode b = back.get(e.getKey());
      if (e.getKey().equals("nan")) {
        assertTrue(Double.isNaN(b.doubleValue()));
      } else if (e.getValue().isNumber() && b.isNumber()) {
        assertEquals(e.getValue().doubleValue(), b.doubleValue(), e.getKey());
        assertEquals(e.getValue().isIntegralNumber(), b.isIntegralNumber(), e.getKey());
      } else {
        assertEquals(e.getValue(), b, e.getKey() + " in\n" + yaml);
      }
    });
    assertEquals(yaml, YamlWriter.write(back), "fixed point");
  }
}
