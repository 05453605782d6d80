package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/**
 * An invalid experiment configuration: a key path, what is allowed there and the offending value.
 *
 * <p>{@link #getMessage()} is exactly one line, {@code KEY.PATH: WHAT IS ALLOWED[, got VALUE]}, e.g.
 * {@code detectors[1].mass_kg: must be > 0, got -3} or
 * {@code detectors[0].mass_kgg: unknown key, allowed: name, target, mass_kg, ...}. The CLI prints it and exits
 * with status 2. Key paths use the YAML key names, {@code .} between map keys and {@code [i]} for list items.
 * Errors about the file itself (unreadable, YAML syntax) use the file name as key path and give the line and
 * column in the text.
 *
 * <p>Values are rendered as in YAML: numbers as written ({@code -3}, {@code 0.0848}, {@code .inf},
 * {@code .nan}), strings in single quotes ({@code 'pion'}), maps and lists as {@code a map}, {@code a list},
 * {@code {}}, {@code []}.
 *
 * <p>Records of this package throw it from their compact constructors with paths relative to the record
 * (e.g. {@code mass_kg}); the loader re-throws it {@link #under(String) under} the record's own path. It is an
 * {@link IllegalArgumentException}, so programmatic construction of the records fails the usual way.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_RENDERED_STRING = 80;

  private final String keyPath;
  private final String allowed;
  private final String value;
  /** True when {@link #keyPath} is already the full path from the document root. */
  private final boolean rooted;

  /**
   * @param keyPath key path, e.g. {@code detectors[1].mass_kg}; empty when the record itself is meant
   * @param allowed what is allowed (or what is wrong), e.g. {@code must be > 0}
   * @param value the offending value, already rendered (see {@link #render(JsonNode)}); null when there is none
   */
  public ConfigException(String keyPath, String allowed, String value) {
    this(keyPath, allowed, value, false);
  }

  private ConfigException(String keyPath, String allowed, String value, boolean rooted) {
    super(format(keyPath, allowed, value));
    this.keyPath = keyPath == null ? "" : keyPath;
    this.allowed = oneLine(allowed);
    this.value = value == null ? null : oneLine(value);
    this.rooted = rooted;
  }

  /** An error whose key path is already complete: {@link #under} leaves it as it is. */
  static ConfigException rooted(String keyPath, String allowed, String value) {
    return new ConfigException(keyPath, allowed, value, true);
  }

  /** This error, marked as having a complete key path. */
  ConfigException rooted() {
    if (rooted) {
      return this;
    }
    ConfigException e = new ConfigException(keyPath, allowed, value, true);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** An error without an offending value, e.g. {@code unknown key, allowed: ...}. */
  public ConfigException(String keyPath, String problem) {
    this(keyPath, problem, null);
  }

  private static String format(String keyPath, String allowed, String value) {
    String path = keyPath == null || keyPath.isEmpty() ? "" : keyPath + ": ";
    return path + oneLine(allowed) + (value == null ? "" : ", got " + oneLine(value));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /** Key path of the offending value; empty for a record-level problem of a record built outside a file. */
  public String keyPath() {
    return keyPath;
  }

  /** What is allowed (or what is wrong), without the key path and value. */
  public String allowed() {
    return allowed;
  }

  /** The offending value as rendered in the message, if there is one. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The same error with {@code parentPath} prepended to the key path ({@code detectors[1]} + {@code mass_kg}),
   * unless the path is already complete (errors raised by {@link ConfigNode} and {@link YamlReader}, or
   * already re-thrown under a parent), which are returned unchanged.
   */
  public ConfigException under(String parentPath) {
    if (rooted) {
      return this;
    }
    ConfigException e = new ConfigException(join(parentPath, keyPath), allowed, value, true);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** Joins key paths: {@code join("a", "b") = "a.b"}, {@code join("a", "[0].b") = "a[0].b"}, empty parts vanish. */
  public static String join(String parent, String child) {
    if (parent == null || parent.isEmpty()) {
      return child == null ? "" : child;
    }
    if (child == null || child.isEmpty()) {
      return parent;
    }
    return child.startsWith("[") ? parent + child : parent + "." + child;
  }

  /** Renders a YAML value for a message: numbers as written, strings quoted, containers by kind. */
  public static String render(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    if (node.isFloatingPointNumber()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? node.asText().toLowerCase(Locale.ROOT) : render(d);
    }
    if (node.isNumber()) {
      return node.asText();
    }
    if (node.isObject()) {
      return node.isEmpty() ? "{}" : "a map";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "[]" : "a list";
    }
    return quote(node.asText());
  }

  /** Renders a number: {@code -3}, {@code 0.0848}, {@code 1.38e23}, {@code .inf}, {@code -.inf}, {@code .nan}. */
  public static String render(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d).replace('E', 'e');
  }

  /** Renders a computed number (a sum, a product) with 10 significant digits, so 0.9899999999999999 reads 0.99. */
  public static String renderRounded(double d) {
    if (!Double.isFinite(d)) {
      return render(d);
    }
    return render(new BigDecimal(d).round(new MathContext(10)).doubleValue());
  }

  /** Quotes a string for a message: {@code 'text'}, with {@code '} doubled, control characters escaped, cut at 80. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(s.length(), MAX_RENDERED_STRING);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        sb.append("''");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (Character.isISOControl(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > n) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
