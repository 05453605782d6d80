package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Shared by the configuration-error tests of this module: a valid base configuration and the one-line error. */
final class ConfigErrorAssertions {
  /** A valid configuration: the SNS (13.99 GWh) and a 14.6 kg CsI detector at 19.3 m; sections can be appended. */
  static final String SNS_CSI = String.join("\n",
      "name: test",
      "sources:",
      "  - name: sns",
      "    type: pion-dar",
      "    facility: sns",
      "    exposure: {beam_energy_gwh: 13.99}",
      "detectors:",
      "  - name: csi",
      "    target: {formula: CsI}",
      "    mass_kg: 14.6",
      "    distance_m: 19.3",
      "");

  private ConfigErrorAssertions() {}

  /** The configuration error {@code work} throws, checked to be one line. */
  static ConfigException error(Executable work, String what) {
    ConfigException e = assertThrows(ConfigException.class, work, what);
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  /** The one-line message of the error of parsing {@code yaml} (relative files under {@code dir}). */
  static String message(String yaml, Path dir) {
    return error(() -> ConfigLoader.parse(yaml, dir), yaml).getMessage();
  }

  /** Asserts that {@code work} fails with exactly {@code expected}, on one line. */
  static void assertMessage(String expected, Executable work, String what) {
    assertEquals(expected, error(work, what).getMessage());
  }
}
