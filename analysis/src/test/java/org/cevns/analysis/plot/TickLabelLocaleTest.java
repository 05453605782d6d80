package org.cevns.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tick labels do not depend on the JVM's locale. Regression: under LANG=de_DE.UTF-8 or tr_TR.UTF-8 every plot of
 * {@code cevns analyze} read "0,5 1,5 2,5" on its energy axis (sv_SE: "−0,1" with U+2212), so the same configuration
 * and seed gave other PNG, SVG and PDF bytes on another desktop.
 */
class TickLabelLocaleTest {
  @ParameterizedTest
  @ValueSource(strings = {"de-DE", "tr-TR", "sv-SE", "fr-FR"})
  void tickLabelsReadTheSameInEveryLocale(String tag) {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag(tag));
      NumberAxis linear = HepTheme.linear("E", new Range(0, 5));
      assertEquals("-0.5", linear.getTickUnit().valueToString(-0.5));
      assertEquals("12,345.5", linear.getTickUnit().valueToString(12345.5));
      assertEquals("-2.5E-32", new ScientificTicks().format(-2.5e-32));
      LogAxis parameter = HepTheme.logParameter("x", new Range(1e-6, 1e-2));
      assertEquals("1E-5", parameter.getNumberFormatOverride().format(1e-5));
      assertEquals("0.125", HepTheme.decimal("0.###").format(0.125));
    } finally {
      Locale.setDefault(before);
    }
  }
}
