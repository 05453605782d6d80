package org.cevns.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a Jackson tree for {@link ConfigNode}, stricter and more complete than
 * {@code ObjectMapper.readTree}:
 *
 * <ul>
 *   <li>{@code .inf}, {@code -.inf}, {@code .nan} (any YAML capitalisation) are doubles (Jackson 2 rejects them);
 *   <li>duplicate keys in a map are errors (they would silently overwrite);
 *   <li>aliases ({@code *name}) of maps, lists and scalars are expanded to copies of their anchor
 *       ({@code &name}) (Jackson 2 would return the alias name as a string, and drops the anchors of scalars);
 *       at most {@value #MAX_NODES} values after expansion (alias bombs are refused) and at most
 *       {@value #MAX_DEPTH} levels of nesting; merge keys ({@code <<}) are not supported and show up as unknown
 *       keys;
 *   <li>exactly one YAML document; an empty document gives {@link MissingNode}.
 * </ul>
 *
 * <p>Scalars are typed as Jackson's YAML parser does (YAML 1.1 style): unquoted {@code 3} is an integer,
 * {@code 3.0}, {@code 1e3} and {@code 13.8e22} are doubles, {@code true}/{@code yes}/{@code on} are booleans,
 * {@code ~}/{@code null}/an empty value are null, anything quoted is a string.
 *
 * <p>Errors are {@link ConfigException}s with the source name as key path and the position, e.g.
 * {@code exp.yaml: invalid YAML at line 3, column 7: mapping values are not allowed here}.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = new AnchorKeepingFactory();
  /** Deepest nesting of maps and lists (the reference configuration needs 6); deeper input is refused. */
  private static final int MAX_DEPTH = 64;
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
  /** Guard against alias bombs ("billion laughs"): at most this many nodes after alias expansion. */
  private static final long MAX_NODES = 1_000_000;

  private final YAMLParser parser;
  private final String sourceName;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private long nodes;
  private int depth;

  private YamlReader(YAMLParser parser, String sourceName) {
    this.parser = parser;
    this.sourceName = sourceName;
  }

  /**
   * Parses one YAML document.
   *
   * @param yaml the text
   * @param sourceName name used as key path of syntax errors (the file name, or e.g. {@code <string>})
   * @return the tree, or {@link MissingNode} if the document is empty (only comments or blank)
   * @throws ConfigException on a syntax error, a duplicate key, an unknown alias or a second document
   */
  public static JsonNode read(String yaml, String sourceName) {
    try (YAMLParser p = FACTORY.createParser(new java.io.StringReader(yaml))) {
      YamlReader reader = new YamlReader(p, sourceName);
      JsonToken first = p.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode root = reader.value(first);
      if (p.nextToken() != null) {
        throw reader.errorAt(p.currentTokenLocation(), "only one YAML document is allowed, found a second one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(e, sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode value(JsonToken token) throws IOException {
    if (++nodes > MAX_NODES) {
      throw errorAt(parser.currentTokenLocation(), "document too large (more than " + MAX_NODES + " values after expanding aliases)");
    }
    if (parser.isCurrentAlias()) {
      String name = parser.getText();
      JsonNode target = anchors.get(name);
      if (target == null) {
        throw errorAt(parser.currentTokenLocation(), "unknown alias *" + name);
      }
      nodes += countNodes(target);
      if (nodes > MAX_NODES) {
        throw errorAt(parser.currentTokenLocation(), "document too large (more than " + MAX_NODES + " values after expanding aliases)");
      }
      return target.deepCopy();
    }
    Object anchor = parser.getObjectId();
    JsonNode node;
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && ++depth > MAX_DEPTH) {
      throw errorAt(parser.currentTokenLocation(), "nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (token) {
      case START_OBJECT: {
        ObjectNode map = f.objectNode();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String key = parser.currentName();
          JsonLocation keyLocation = parser.currentTokenLocation();
          JsonNode v = value(parser.nextToken());
          if (map.has(key)) {
            throw errorAt(keyLocation, "duplicate key '" + key + "'");
          }
          map.set(key, v);
        }
        node = map;
        depth--;
        break;
      }
      case START_ARRAY: {
        ArrayNode list = f.arrayNode();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(t));
        }
        node = list;
        depth--;
        break;
      }
      case VALUE_NUMBER_INT:
        node = integer();
        break;
      case VALUE_NUMBER_FLOAT:
        node = f.numberNode(floating());
        break;
      case VALUE_TRUE:
        node = f.booleanNode(true);
        break;
      case VALUE_FALSE:
        node = f.booleanNode(false);
        break;
      case VALUE_NULL:
        node = f.nullNode();
        break;
      case VALUE_STRING:
        node = f.textNode(parser.getText());
        break;
      default:
        throw errorAt(parser.currentTokenLocation(), "unexpected YAML content " + token);
    }
    if (anchor != null) {
      anchors.put(anchor.toString(), node);
    }
    return node;
  }

  /**
   * Jackson's YAML parser drops the anchor of a scalar that is a map value or list element ({@code a: &x 3});
   * this parser keeps it, so aliases of scalars ({@code b: *x}) work as YAML defines them.
   */
  private static final class AnchorKeepingFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    @Override
    protected YAMLParser _createParser(java.io.Reader r, com.fasterxml.jackson.core.io.IOContext ctxt) {
      return new YAMLParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r) {
        @Override
        public JsonToken nextToken() throws IOException {
          JsonToken t = super.nextToken();
          if (t != null && t.isScalarValue() && _lastEvent instanceof org.yaml.snakeyaml.events.ScalarEvent) {
            String anchor = ((org.yaml.snakeyaml.events.ScalarEvent) _lastEvent).getAnchor();
            if (anchor != null) {
              _currentAnchor = anchor;
            }
          }
          return t;
        }
      };
    }
  }

  private JsonNode integer() throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (parser.getNumberType()) {
      case INT:
        return f.numberNode(parser.getIntValue());
      case LONG:
        return f.numberNode(parser.getLongValue());
      default:
        return f.numberNode(parser.getBigIntegerValue());
    }
  }

  private double floating() throws IOException {
    String text = parser.getText().trim();
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return parser.getDoubleValue();
    }
  }

  private static long countNodes(JsonNode n) {
    long count = 1;
    for (JsonNode child : n) {
      count += countNodes(child);
    }
    return count;
  }

  private ConfigException errorAt(JsonLocation location, String problem) {
    return ConfigException.rooted(sourceName, "invalid YAML at " + position(location.getLineNr(), location.getColumnNr()) + ": " + problem, null);
  }

  private static String position(int line, int column) {
    return line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") : "unknown position";
  }

  private static ConfigException syntaxError(JsonProcessingException e, String sourceName) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
      org.yaml.snakeyaml.error.MarkedYAMLException y = (org.yaml.snakeyaml.error.MarkedYAMLException) e.getCause();
      org.yaml.snakeyaml.error.Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
      String problem = y.getProblem() != null ? y.getProblem() : y.getMessage();
      if (y.getContext() != null) {
        problem = problem + " (" + y.getContext() + ")";
      }
      String where = mark == null ? "unknown position" : position(mark.getLine() + 1, mark.getColumn() + 1);
      return ConfigException.rooted(sourceName, "invalid YAML at " + where + ": " + problem.strip(), null);
    }
    JsonLocation location = e.getLocation();
    String where = location == null ? "unknown position" : position(location.getLineNr(), location.getColumnNr());
    return ConfigException.rooted(sourceName, "invalid YAML at " + where + ": " + e.getOriginalMessage(), null);
  }
}
