package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Labels of new-physics profile and contour plots: the tick at 0 of a scientific axis reads "0" (it read "0E0"),
 * and a best fit at the Standard Model within the minimiser's rounding is labelled 0 (it read "9.74e−48" on the
 * CsI ⟨r²_νμ⟩ profile, whose axis spans 1.2 × 10⁻³¹ cm²).
 */
class ScanAxisLabelsTest {
  @Test
  void theZeroTickOfAScientificAxisIsZero() {
    ScientificTicks f = new ScientificTicks();
    assertEquals("0", f.format(0.0));
    assertEquals("0", f.format(-0.0));
    assertEquals("2E-5", f.format(2e-5));
    assertEquals("-2.5E-32", f.format(-2.5e-32));
    assertEquals("1E6", f.format(1_000_000L));
  }

  @Test
  void aBestFitWithinRoundingOfZeroIsLabelledZero() {
    assertEquals(0.0, ProfilePlotBuilder.shownBestFit(9.743e-48, -8e-32, 4e-32));
    assertEquals(0.0, ProfilePlotBuilder.shownBestFit(4.15e-17, 0, 2e-5));
    assertEquals(1e-9, ProfilePlotBuilder.shownBestFit(1e-9, 0, 2e-9));
    assertEquals(-0.05, ProfilePlotBuilder.shownBestFit(-0.05, -0.2, 0.6));
  }
}
