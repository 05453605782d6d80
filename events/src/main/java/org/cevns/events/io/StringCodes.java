package org.cevns.events.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only table of strings and their integer codes (0, 1, 2, ... in order of first appearance): the
 * dictionary that readers rebuild for string columns. Codes never change once given, so a snapshot
 * {@link #values()} is valid for every code handed out before it. Not thread-safe.
 */
public final class StringCodes {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  private StringCodes() {}

  /** An empty table. */
  public static StringCodes empty() {
    return new StringCodes();
  }

  /** A table whose first codes are those of {@code seed} (e.g. the run's detector names), in order. */
  public static StringCodes of(List<String> seed) {
    if (seed == null) {
      throw new IllegalArgumentException("seed must be a list (possibly empty), got null");
    }
    StringCodes t = new StringCodes();
    for (int i = 0; i < seed.size(); i++) {
      String s = seed.get(i);
      if (s == null || t.codes.containsKey(s)) {
        throw new IllegalArgumentException("seed[" + i + "] must be a non-null string not seen before, got " + s);
      }
      t.codeOf(s);
    }
    return t;
  }

  /** The code of {@code value}, adding it if new. */
  public int codeOf(String value) {
    Integer c = codes.get(value);
    if (c != null) {
      return c;
    }
    if (value == null) {
      throw new IllegalArgumentException("value must not be null");
    }
    int code = values.size();
    values.add(value);
    codes.put(value, code);
    return code;
  }

  /** The string of {@code code}. */
  public String value(int code) {
    return values.get(code);
  }

  /** Number of codes given so far. */
  public int size() {
    return values.size();
  }

  /** Immutable snapshot of the values, indexed by code. */
  public List<String> values() {
    return List.copyOf(values);
  }
}
