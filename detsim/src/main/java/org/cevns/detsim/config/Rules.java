package org.cevns.detsim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;

/** Validation helpers of the detsim configuration sections; messages follow {@code docs/design.md}. */
final class Rules {
  /** Names of background components: they end up in the {@code component} column. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private Rules() {}

  /**
   * The keys of {@code keys} present in map {@code node}; fails unless exactly one is:
   * {@code PATH: must give exactly one of a, b, got none}.
   */
  static String exactlyOne(ConfigNode node, String... keys) {
    List<String> given = present(node, keys);
    if (given.size() != 1) {
      throw new ConfigException(node.path(), "must give exactly one of " + String.join(", ", keys),
          given.isEmpty() ? "none" : String.join(", ", given));
    }
    return given.get(0);
  }

  /** The key of {@code keys} present in map {@code node}, or null; fails if more than one is. */
  static String atMostOne(ConfigNode node, String... keys) {
    List<String> given = present(node, keys);
    if (given.size() > 1) {
      throw new ConfigException(node.path(), "must give at most one of " + String.join(", ", keys),
          String.join(", ", given));
    }
    return given.isEmpty() ? null : given.get(0);
  }

  private static List<String> present(ConfigNode node, String... keys) {
    List<String> given = new ArrayList<>();
    for (String k : keys) {
      if (node.has(k)) {
        given.add(k);
      }
    }
    return given;
  }

  /** A name matching {@link #NAME}. */
  static String name(ConfigNode node) {
    String s = node.asString();
    if (!NAME.matcher(s).matches()) {
      throw node.error("must match [A-Za-z0-9_.-]+");
    }
    return s;
  }

  /**
   * Runs a model factory; its {@link IllegalArgumentException} (a rule only the model checks, such as a
   * polynomial that must increase) becomes a {@link ConfigException} at {@code node}: {@code PATH: MESSAGE}.
   */
  static <T> T model(ConfigNode node, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw node.problem("invalid: " + e.getMessage());
    }
  }
}
