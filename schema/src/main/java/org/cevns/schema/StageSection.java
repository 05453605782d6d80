package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A configuration subtree the generator does not interpret, kept for the stage that owns it
 * ({@code detectors[i].response}, {@code detectors[i].backgrounds}, {@code windows}, {@code analysis}). The tree
 * is copied on the way in and out, so the record is immutable.
 *
 * @param keyPath key path of the subtree in the file, e.g. {@code detectors[1].response}, for error messages
 * @param node the subtree as read (any YAML value: map, list, scalar or null)
 */
public record StageSection(String keyPath, JsonNode node) {
  public StageSection {
    Objects.requireNonNull(keyPath, "keyPath");
    node = Objects.requireNonNull(node, "node").deepCopy();
  }

  /** A copy of the subtree. */
  @Override
  public JsonNode node() {
    return node.deepCopy();
  }

  /** A strict reader of the subtree that reports errors with the full key path. */
  public ConfigNode reader() {
    return ConfigNode.of(node, keyPath);
  }
}
