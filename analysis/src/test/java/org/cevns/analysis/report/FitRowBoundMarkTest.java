package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cevns.analysis.fit.Interval;
import org.junit.jupiter.api.Test;

/**
 * μ's row in the fit table of {@code run} and {@code analyze} ("best fit μ, 68.27 % CL": the value with its
 * half-widths) marks a half-width to an interval end at μ's range "&gt; " (a lower limit), as the precision tables do;
 * without such an end the text is as before.
 */
class FitRowBoundMarkTest {
  @Test
  void aHalfWidthToAnEndAtTheRangeIsMarked() {
    assertEquals("0.12 +0.47 -(> 0.12)",
        TerminalSummary.withInterval(0.12, new Interval(0.6827, 1.0, 0.12, 0.0, 0.59, true, false)));
    assertEquals("0.88 +(> 0.12) -0.47",
        TerminalSummary.withInterval(0.88, new Interval(0.6827, 1.0, 0.88, 0.41, 1.0, false, true)));
    assertEquals("-7.6 +2.0 -2.7",
        TerminalSummary.withInterval(-7.639, new Interval(0.6827, 1.0, -7.639, -10.384, -5.630, false, false)));
    assertEquals("0 > [0, 0.59]",
        TerminalSummary.withInterval(0.0, new Interval(0.6827, 1.0, 0.0, 0.0, 0.59, true, false)));
  }
}
