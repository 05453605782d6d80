package org.cevns.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Validation helpers shared by the records' compact constructors (messages relative to the record). */
final class Checks {
  /** Names of experiments, sources, detectors and parents: they end up in file names and event columns. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  static final String NAME_RULE = "must match [A-Za-z0-9_.-]+";

  private Checks() {}

  /** {@code value} if non-null, else {@code KEY: required key is missing}. */
  static <T> T present(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "required key is missing");
    }
    return value;
  }

  /**
   * Longest name, in characters: names end up in file names (plots {@code profile_DET.COMP_DET.COMP.png} hold two,
   * {@code spectrum_DET…}), which file systems cap at 255 bytes; a 5000-character detector name failed at the end
   * of a fit when its plots were written.
   */
  static final int NAME_MAX_CHARS = 64;

  /** A name matching {@link #NAME} of at most {@value #NAME_MAX_CHARS} characters. */
  static String name(String key, String value) {
    present(key, value);
    nameLength(key, value);
    if (!NAME.matcher(value).matches()) {
      throw new ConfigException(key, NAME_RULE, ConfigException.quote(value));
    }
    return value;
  }

  /** Refuses a name of more than {@value #NAME_MAX_CHARS} characters (its first 20 and its length in the message). */
  static void nameLength(String key, String value) {
    if (value.length() > NAME_MAX_CHARS) {
      throw new ConfigException(key, "must be at most " + NAME_MAX_CHARS + " characters (names end up in file names)",
          ConfigException.quote(value.substring(0, 20)) + "... (" + value.length() + " characters)");
    }
  }

  /** Checks a present optional number against {@code range}; null counts as empty. */
  static OptionalDouble optional(String key, OptionalDouble value, DoubleRange range) {
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (value.isPresent()) {
      range.check(key, value.getAsDouble());
    }
    return value;
  }

  /** Null-safe: null counts as empty. */
  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /**
   * Exactly one of {@code keys} must be present:
   * {@code must give exactly one of pot, beam_energy_gwh, got pot, beam_energy_gwh} (path empty: the record).
   */
  static void exactlyOne(List<String> keys, boolean... present) {
    List<String> given = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (present[i]) {
        given.add(keys.get(i));
      }
    }
    if (given.size() != 1) {
      throw new ConfigException("", "must give exactly one of " + String.join(", ", keys),
          given.isEmpty() ? "none" : String.join(", ", given));
    }
  }

  /** An unmodifiable copy keeping the iteration order; null keys or values are rejected. */
  static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
    Map<K, V> copy = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
    }
    return Collections.unmodifiableMap(copy);
  }
}
