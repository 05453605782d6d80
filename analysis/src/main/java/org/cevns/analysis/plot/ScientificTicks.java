package org.cevns.analysis.plot;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels of an axis with tiny or huge steps (a magnetic moment in μ_B, a radius in cm², a coupling of 10⁻⁵):
 * {@code 0.##E0}, except that zero is "0" (it read "0E0" on every new-physics profile and contour axis that
 * crosses 0). The symbols of {@link java.util.Locale#ROOT}, in every locale.
 */
final class ScientificTicks extends NumberFormat {
  private static final long serialVersionUID = 1L;
  private final DecimalFormat scientific = HepTheme.decimal("0.##E0");

  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    return number == 0 ? toAppendTo.append('0') : scientific.format(number, toAppendTo, pos);
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return format((double) number, toAppendTo, pos);
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    return scientific.parse(source, parsePosition);
  }
}
