package org.cevns.detsim.window;

import org.cevns.physics.constants.Units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.cevns.events.block.WindowKind;

class BeamWindowsTest {
  private static final double SNS_PERIOD_NS = Units.NS_PER_S / 60;

  @Test
  void snsWindowBeforeThePulse() {
    BeamWindows w = BeamWindows.immediatelyBefore(0, 6000, SNS_PERIOD_NS);
    assertEquals(SNS_PERIOD_NS, BeamWindows.periodNsForRepetitionHz(60), 1e-6);
    assertEquals(WindowKind.COINCIDENCE, w.classify(0));
    assertEquals(WindowKind.COINCIDENCE, w.classify(5999.9));
    assertEquals(WindowKind.NONE, w.classify(6000));
    assertEquals(WindowKind.ANTICOINCIDENCE, w.classify(-6000));
    assertEquals(WindowKind.ANTICOINCIDENCE, w.classify(-0.001));
    assertEquals(WindowKind.NONE, w.classify(-6000.001));
    assertEquals(-6000, w.cycleStartNs());
    assertEquals(6000, w.lengthNs(WindowKind.COINCIDENCE));
    assertEquals(6000, w.lengthNs(WindowKind.ANTICOINCIDENCE));
    assertEquals(SNS_PERIOD_NS - 12000, w.lengthNs(WindowKind.NONE), 1e-6);
    assertEquals(6000 / SNS_PERIOD_NS, w.windowFraction(), 1e-18);
  }

  @Test
  void geminiDelayedWindow() {
    BeamWindows w = BeamWindows.of(0, 6000, AntiWindowPlacement.DELAYED, 1.67e6, SNS_PERIOD_NS);
    assertEquals(1.67e6, w.anticoincidenceStartNs());
    assertEquals(WindowKind.ANTICOINCIDENCE, w.classify(1.67e6 + 10));
    assertEquals(WindowKind.COINCIDENCE, w.classify(10));
    assertEquals(WindowKind.NONE, w.classify(1.0e6));
    assertEquals(0, w.cycleStartNs());
  }

  @Test
  void essWholePulsePlusTail() {
    double period = BeamWindows.periodNsForRepetitionHz(14);
    double length = 2.86e6 + 10 * 2196.981; // pulse + 10 muon lifetimes
    BeamWindows w = BeamWindows.immediatelyBefore(0, length, period);
    assertEquals(WindowKind.COINCIDENCE, w.classify(2.86e6));
    assertEquals(WindowKind.ANTICOINCIDENCE, w.classify(-1));
    assertTrue(w.windowFraction() > 0.04 && w.windowFraction() < 0.041);
  }

  @Test
  void columnSpellings() {
    assertEquals("coincidence", WindowKind.COINCIDENCE.columnName());
    assertEquals("anticoincidence", WindowKind.ANTICOINCIDENCE.columnName());
    assertEquals("none", WindowKind.NONE.columnName());
    assertEquals(WindowKind.ANTICOINCIDENCE, WindowKind.fromColumnName("AntiCoincidence"));
    assertThrows(IllegalArgumentException.class, () -> WindowKind.fromColumnName("beam"));
  }

  @Test
  void validation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BeamWindows.of(0, 6000, AntiWindowPlacement.BEFORE, 5000, SNS_PERIOD_NS));
    assertEquals("delayNs must be >= coincidenceLengthNs 6000.0 (windows must not overlap), got 5000.0",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BeamWindows.of(0, 6000, AntiWindowPlacement.DELAYED, 1.67e7, SNS_PERIOD_NS));
    assertThrows(IllegalArgumentException.class, () -> BeamWindows.immediatelyBefore(0, 0, SNS_PERIOD_NS));
    assertThrows(IllegalArgumentException.class, () -> BeamWindows.immediatelyBefore(Double.NaN, 10, 100));
  }
}
