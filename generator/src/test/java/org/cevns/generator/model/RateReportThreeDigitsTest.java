package org.cevns.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link RateReport#threeDigits} is {@code String.format(Locale.ROOT, "%03d", a)} (the rows' sort key). */
class RateReportThreeDigitsTest {
  @Test
  void equalsTheFormattersZeroPadding() {
    int[] extra = {Integer.MIN_VALUE, -1000, -99, -7, Integer.MAX_VALUE, 100_000};
    for (int a = -120; a <= 1200; a++) {
      assertEquals(String.format(Locale.ROOT, "%03d", a), RateReport.threeDigits(a), "A = " + a);
    }
    for (int a : extra) {
      assertEquals(String.format(Locale.ROOT, "%03d", a), RateReport.threeDigits(a), "A = " + a);
    }
  }
}
