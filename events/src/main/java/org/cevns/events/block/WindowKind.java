package org.cevns.events.block;

import java.util.Locale;

/** Which beam window an event time falls in; spelled as in the {@code window} column. */
public enum WindowKind {
  /** Coincidence (on-beam) window. */
  COINCIDENCE,
  /** Anti-coincidence (off-beam) window, same length as the coincidence window. */
  ANTICOINCIDENCE,
  /** Neither window. */
  NONE;

  /** Column spelling: {@code coincidence}, {@code anticoincidence}, {@code none}. */
  public String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a column spelling (case-insensitive). */
  public static WindowKind fromColumnName(String name) {
    for (WindowKind k : values()) {
      if (k.columnName().equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "window must be one of coincidence, anticoincidence, none, got " + name);
  }
}
