package org.cevns.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/**
 * Reads the whole-number options (event and toy counts, seeds) as a physicist writes them: {@code 20000000},
 * {@code 2e7} or {@code 2.5E6}, exactly; a value with a fraction, out of range or not a number is refused with one
 * line (exit 2). Before, {@code --events 2e7} was refused as "not a long".
 */
final class WholeNumbers {
  private WholeNumbers() {}

  /** Registers the converters for {@code long}, {@code Long}, {@code int} and {@code Integer} options of {@code cl}. */
  static void register(CommandLine cl) {
    cl.registerConverter(Long.class, WholeNumbers::parseLong);
    cl.registerConverter(Long.TYPE, WholeNumbers::parseLong);
    cl.registerConverter(Integer.class, WholeNumbers::parseInt);
    cl.registerConverter(Integer.TYPE, WholeNumbers::parseInt);
  }

  /** {@code text} as a long: decimal digits, or a decimal number in scientific notation whose value is whole. */
  static long parseLong(String text) {
    String t = text.strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException plain) {
      BigDecimal value;
      try {
        value = new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number (e.g. 20000000 or 2e7)");
      }
      try {
        return value.longValueExact();
      } catch (ArithmeticException e) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number in ["
            + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
      }
    }
  }

  /** {@code text} as an int, as {@link #parseLong(String)} reads it, within the range of an int. */
  static int parseInt(String text) {
    long v = parseLong(text);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new CommandLine.TypeConversionException("'" + text + "' is out of range (at most " + Integer.MAX_VALUE + ")");
    }
    return (int) v;
  }
}
