package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cevns.schema.ConfigException;
import org.junit.jupiter.api.function.Executable;

/** Shared by the analysis configuration-error tests: the one-line error of a bad configuration. */
final class ConfigErrorAssertions {
  private ConfigErrorAssertions() {}

  /** The configuration error {@code work} throws, checked to be one line. */
  static ConfigException error(Executable work) {
    ConfigException e = assertThrows(ConfigException.class, work);
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  /** Asserts that {@code work} fails with exactly {@code expected}, on one line. */
  static void assertMessage(String expected, Executable work) {
    assertEquals(expected, error(work).getMessage());
  }
}
