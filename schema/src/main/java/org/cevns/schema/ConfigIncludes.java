package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves the top-level {@code include:} of a configuration: a file name or a list of file names, relative to
 * the including file. Each included file is read like a configuration (its own includes first), then the trees
 * are deep-merged: maps key by key, the including file's values over the included ones, later includes over
 * earlier ones; lists and scalars are replaced as a whole, never concatenated. Relative {@code file:} values of
 * an included file (spectrum files, detector tables) are rewritten relative to the including file, so they
 * still name the file next to the included configuration. Cycles and more than {@value #MAX_DEPTH} nested
 * includes are one-line errors naming the chain of files.
 */
final class ConfigIncludes {
  /** Most nested includes (a file including a file including ...). */
  static final int MAX_DEPTH = 8;

  private ConfigIncludes() {}

  /**
   * Resolves the includes of {@code tree} (modified: the {@code include} key is removed).
   *
   * @param tree the configuration tree of one file
   * @param dir directory of that file (relative include names and {@code file:} values resolve against it)
   * @param shown the file as the user named it ({@code configs/exp.yaml}), or {@code <yaml>} for text
   * @param chain real paths of the files including this one, outermost first, then this one (if a file)
   * @param shownChain the same as named for messages
   * @return the merged tree
   */
  static ObjectNode resolve(ObjectNode tree, Path dir, String shown, List<Path> chain, List<String> shownChain) {
    return resolve(tree, dir, shown, chain, shownChain, null);
  }

  /**
   * The files {@code file} includes ({@code include:}, recursively), real paths, each once: inputs of a run as much
   * as the configuration itself (an output must not replace them).
   *
   * @throws ConfigException as {@link ConfigLoader#load} for an unreadable file or a bad include
   */
  static List<Path> files(Path file) {
    ObjectNode tree = ConfigLoader.readTree(file, file.toString(), "configuration");
    List<Path> chain = new ArrayList<>();
    chain.add(real(file));
    List<Path> seen = new ArrayList<>();
    resolve(tree, file.toAbsolutePath().getParent(), file.toString(), chain, List.of(file.toString()), seen);
    return List.copyOf(seen);
  }

  /** As above; adds the real path of every included file to {@code seen} (if not null). */
  static ObjectNode resolve(ObjectNode tree, Path dir, String shown, List<Path> chain, List<String> shownChain,
      List<Path> seen) {
    return resolve(tree, dir, shown, chain, shownChain, seen, null);
  }

  /**
   * As above; also adds every included file as named (absolute and normalised, links not resolved: a symbolic link
   * itself) to {@code named} (if not null), each once.
   */
  static ObjectNode resolve(ObjectNode tree, Path dir, String shown, List<Path> chain, List<String> shownChain,
      List<Path> seen, List<Path> named) {
    JsonNode include = tree.remove(ConfigLoader.INCLUDE_KEY);
    if (include == null) {
      return tree;
    }
    String where = chain.size() <= 1 ? ConfigLoader.INCLUDE_KEY : shown + ": " + ConfigLoader.INCLUDE_KEY;
    List<String> names = new ArrayList<>();
    if (include.isTextual()) {
      names.add(include.asText());
    } else if (include.isArray() && include.size() > 0) {
      for (JsonNode n : include) {
        if (!n.isTextual()) {
          throw new ConfigException(where, "must be a file name or a non-empty list of file names",
              ConfigException.render(include));
        }
        names.add(n.asText());
      }
    } else {
      throw new ConfigException(where, "must be a file name or a non-empty list of file names",
          ConfigException.render(include));
    }
    ObjectNode merged = null;
    for (String name : names) {
      if (name.isBlank()) {
        throw new ConfigException(where, "must name a file", ConfigException.quote(name));
      }
      Path file = dir.resolve(name).toAbsolutePath().normalize();
      String fileShown = shownSibling(shown, name);
      Path real = real(file);
      List<String> names2 = new ArrayList<>(shownChain);
      names2.add(fileShown);
      if (chain.contains(real)) {
        throw new ConfigException(where, "cycle " + String.join(" -> ", names2));
      }
      if (names2.size() - 1 > MAX_DEPTH) {
        throw new ConfigException(where, "more than " + MAX_DEPTH + " nested includes: "
            + String.join(" -> ", names2));
      }
      ObjectNode included = ConfigLoader.readTree(file, fileShown, "configuration included by " + shown);
      if (seen != null && !seen.contains(real)) {
        seen.add(real);
      }
      if (named != null && !named.contains(file)) {
        named.add(file);
      }
      List<Path> chain2 = new ArrayList<>(chain);
      chain2.add(real);
      included = resolve(included, file.getParent(), fileShown, chain2, names2, seen, named);
      rebaseFiles(included, file.getParent(), dir);
      merged = merged == null ? included : merge(merged, included);
    }
    return merge(merged, tree);
  }

  /** {@code name} next to the file shown as {@code shown} ({@code configs/exp.yaml} + {@code base.yaml}). */
  private static String shownSibling(String shown, String name) {
    Path p = Path.of(name);
    if (p.isAbsolute() || shown.startsWith("<")) {
      return p.normalize().toString();
    }
    Path parent = Path.of(shown).getParent();
    return (parent == null ? p : parent.resolve(p)).normalize().toString();
  }

  /** The file with links resolved, or as given if it does not exist (reported when it is read). */
  static Path real(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | SecurityException e) {
      return file; // missing: reported when it is read
    }
  }

  /** Deep merge: {@code over}'s keys replace {@code base}'s, maps merged recursively; returns {@code base}. */
  static ObjectNode merge(ObjectNode base, ObjectNode over) {
    Iterator<Map.Entry<String, JsonNode>> it = over.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = base.get(e.getKey());
      if (old != null && old.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) old, (ObjectNode) e.getValue());
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
    return base;
  }

  /** Rewrites relative {@code file:} values written relative to {@code from} to be relative to {@code to}. */
  private static void rebaseFiles(JsonNode node, Path from, Path to) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = o.get(k);
        if (k.equals("file") && v.isTextual()) {
          o.set(k, TextNode.valueOf(rebase(v.asText(), from, to)));
        } else {
          rebaseFiles(v, from, to);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> rebaseFiles(n, from, to));
    }
  }

  private static String rebase(String written, Path from, Path to) {
    Path p;
    try {
      p = Path.of(written);
    } catch (java.nio.file.InvalidPathException e) {
      return written; // reported by the key's own check
    }
    if (written.isBlank() || p.isAbsolute() || from.equals(to)) {
      return written;
    }
    Path target = from.resolve(p).normalize();
    Path relative = to.relativize(target);
    return relative.toString().isEmpty() ? target.toString() : relative.toString();
  }
}
