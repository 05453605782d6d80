package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The impact column of the nuisance table gives each side its own sign (regression: printed "+-0.2 / 0.21"). */
class TerminalSummaryTest {
  @Test
  void impactsCarryTheirOwnSign() {
    assertEquals("-0.2", TerminalSummary.signed(-0.2));
    assertEquals("+0.21", TerminalSummary.signed(0.21));
    assertEquals("+0", TerminalSummary.signed(0.0));
  }
}
