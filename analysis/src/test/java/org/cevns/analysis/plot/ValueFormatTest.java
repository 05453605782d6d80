package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValueFormatTest {
  /** Examples of the PDG rule as quoted by the STAR HepData guidance (PRD 98 (2018) 030001, sec. 5.3). */
  @Test
  void pdgRoundingRule() {
    assertEquals("0.279 \u00b1 0.012", ValueFormat.withUncertainty(0.279008, 0.0123261)); // 123: 2 digits
    assertEquals("0.2790 \u00b1 0.0008", ValueFormat.withUncertainty(0.279008, 0.000766099)); // 766: 1 digit
    assertEquals("1.23 \u00b1 0.10", ValueFormat.withUncertainty(1.234, 0.0987)); // 987: up to 1000, 2 digits
    assertEquals("400 \u00b1 110", ValueFormat.withUncertainty(395.2, 106.3));
    assertEquals("3820 \u00b1 60", ValueFormat.withUncertainty(3819.7, 61.8));
    assertEquals("1.0 \u00b1 3.5", ValueFormat.withUncertainty(1.0, 3.54)); // 354: still 2 digits
    assertEquals("1 \u00b1 4", ValueFormat.withUncertainty(1.0, 3.55)); // 355: 1 digit
    assertEquals("-0.05 \u00b1 0.12", ValueFormat.withUncertainty(-0.0512, 0.1234));
  }

  @Test
  void asymmetricIntervalRoundedByNarrowerSide() {
    assertEquals("1.02 +0.21 -0.19", ValueFormat.withInterval(1.0234, 0.8321, 1.2345));
    assertEquals("0.83, 1.23", ValueFormat.pair(0.8321, 1.2345));
  }

  @Test
  void plainNumbersSignificancesAndPValues() {
    assertEquals("1.23e6", ValueFormat.number(1234567, 3));
    assertEquals("0.000123", ValueFormat.number(1.23e-4, 3));
    assertEquals("1.2e-5", ValueFormat.number(1.23e-5, 2));
    assertEquals("0.3", ValueFormat.number(0.1 + 0.2, 6));
    assertEquals("3.7\u03c3", ValueFormat.significance(3.72));
    assertEquals("11.6\u03c3", ValueFormat.significance(11.6));
    assertEquals("0.41", ValueFormat.pValue(0.4132));
    assertEquals("2.1e-5", ValueFormat.pValue(2.13e-5));
    // a goodness-of-fit p of 0.997 printed as "p = 1" (found by trying cevns run as a user)
    assertEquals("0.997", ValueFormat.pValue(0.997));
    assertEquals("0.9996", ValueFormat.pValue(0.99962));
    assertEquals("0.99", ValueFormat.pValue(0.9904));
    assertEquals("> 0.999999", ValueFormat.pValue(1 - 1e-8));
    assertEquals("1", ValueFormat.pValue(1.0));
    assertEquals("0", ValueFormat.pValue(0.0));
    assertThrows(IllegalArgumentException.class, () -> ValueFormat.pValue(1.5));
  }
}
