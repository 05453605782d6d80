package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The columns of {@code cevns rates}' detected-events table: a detector without beam windows (a reactor) has one
 * column per period, {@code on} and {@code off}; before 2026-12-06 they read {@code on/none} and {@code off/none}
 * ("none": the beam-window column of an event outside any window, which says nothing at a reactor). A pulsed
 * source keeps period/window, its events outside the windows under {@code beam/none}.
 */
class RatesDetectedColumnsTest {
  @Test
  void reactorColumnsArePeriods() {
    CliRunner.Result r = CliRunner.run("rates", GenerateCommandTest.CONFIGS.resolve("conus-plus.yaml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().matches("(?s).*\n  component +on +off\n.*"), r.out());
    assertFalse(r.out().contains("/none"), r.out());
    CliRunner.Result b = CliRunner.run("rates", GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString());
    assertEquals(0, b.exitCode(), b.err());
    assertTrue(b.out().matches("(?s).*\n  component +beam/coincidence +beam/anticoincidence +beam/none\n.*"), b.out());
  }
}
