package org.cevns.analysis.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for summaries and legends, ASCII minus. Values with uncertainties follow the PDG
 * rounding rule (Particle Data Group, Review of Particle Physics, PRD 98 (2018) 030001, Introduction
 * sec. 5.3): the three highest digits of the uncertainty decide — 100–354: two significant digits,
 * 355–949: one, 950–999: round up to 1000 and keep two; the value gets the same last decimal place.
 */
public final class ValueFormat {
  private static final double SCI_HIGH = 1e6;
  private static final double SCI_LOW = 1e-4;

  private ValueFormat() {}

  /**
   * @param x the value
   * @param significant significant digits, 1..17
   * @return plain decimal for 1e-4 ≤ |x| < 1e6 (and 0), otherwise {@code 1.23e-5}; "nan", "inf"
   */
  public static String number(double x, int significant) {
    if (significant < 1 || significant > 17) {
      throw new IllegalArgumentException("significant digits must be in 1..17, got " + significant);
    }
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(x).round(new MathContext(significant, RoundingMode.HALF_EVEN));
    double a = Math.abs(b.doubleValue());
    if (a >= SCI_HIGH || a < SCI_LOW) {
      int e = b.precision() - b.scale() - 1;
      BigDecimal m = b.scaleByPowerOfTen(-e).stripTrailingZeros();
      return m.toPlainString() + "e" + e;
    }
    return b.stripTrailingZeros().toPlainString();
  }

  /** Exponent of the last significant digit of an uncertainty under the PDG rule. */
  static int pdgLastDigit(double sigma) {
    int e = (int) Math.floor(Math.log10(sigma));
    long three = Math.round(sigma / Math.pow(10, e - 2));
    if (three >= 1000) {
      e++;
      three = 100;
    }
    return three <= 354 ? e - 1 : e;
  }

  /**
   * @param value central value
   * @param sigma uncertainty, > 0 (otherwise the value alone with 4 significant digits)
   * @return e.g. {@code "0.2790 ± 0.0123"} → {@code "0.279 ± 0.012"}
   */
  public static String withUncertainty(double value, double sigma) {
    if (!(sigma > 0) || !Double.isFinite(sigma) || !Double.isFinite(value)) {
      return number(value, 4);
    }
    int last = pdgLastDigit(sigma);
    return scaled(value, last) + " \u00b1 " + scaled(sigma, last);
  }

  /**
   * @param value central value
   * @param lower lower bound of the interval (≤ value)
   * @param upper upper bound (≥ value)
   * @return e.g. {@code "1.02 +0.21 -0.19"}, rounded by the narrower side (PDG)
   */
  public static String withInterval(double value, double lower, double upper) {
    double plus = upper - value;
    double minus = value - lower;
    if (!(plus > 0) || !(minus > 0) || !Double.isFinite(plus) || !Double.isFinite(minus)) {
      return number(value, 4) + " [" + number(lower, 4) + ", " + number(upper, 4) + "]";
    }
    int last = pdgLastDigit(Math.min(plus, minus));
    return scaled(value, last) + " +" + scaled(plus, last) + " -" + scaled(minus, last);
  }

  /**
   * Interval bounds rounded as an uncertainty of half the interval width (PDG rule).
   *
   * @param lower lower bound
   * @param upper upper bound
   * @return e.g. {@code "0.83, 1.23"}
   */
  public static String pair(double lower, double upper) {
    double half = 0.5 * (upper - lower);
    if (!(half > 0) || !Double.isFinite(half)) {
      return number(lower, 4) + ", " + number(upper, 4);
    }
    int last = pdgLastDigit(half);
    return scaled(lower, last) + ", " + scaled(upper, last);
  }

  /**
   * @param z significance in standard deviations
   * @return e.g. {@code "3.7σ"} (one decimal)
   */
  public static String significance(double z) {
    if (!Double.isFinite(z)) {
      return number(z, 2) + "\u03c3";
    }
    return BigDecimal.valueOf(z).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "\u03c3";
  }

  /**
   * @param p probability in [0, 1]
   * @return two significant digits: {@code "0.034"}, {@code "2.1e-5"}; a p-value below 1 that would round to 1
   *     keeps the digits that tell it from 1 ({@code "0.997"}, {@code "0.9996"}; above 1 − 1e-6 {@code "> 0.999999"})
   */
  public static String pValue(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], got " + p);
    }
    if (p != 0 && p < 1e-3) {
      BigDecimal b = new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_EVEN));
      int e = b.precision() - b.scale() - 1;
      return b.scaleByPowerOfTen(-e).toPlainString() + "e" + e;
    }
    String two = number(p, 2);
    if (p == 1 || BigDecimal.ONE.compareTo(new BigDecimal(two)) > 0) {
      return two;
    }
    for (int decimals = 3; decimals <= NEAR_ONE_DECIMALS; decimals++) {
      BigDecimal b = new BigDecimal(p).setScale(decimals, RoundingMode.HALF_EVEN);
      if (b.compareTo(BigDecimal.ONE) < 0) {
        return b.stripTrailingZeros().toPlainString();
      }
    }
    return "> 0." + "9".repeat(NEAR_ONE_DECIMALS);
  }

  /** The most decimals a p-value just below 1 is printed with. */
  private static final int NEAR_ONE_DECIMALS = 6;

  private static String scaled(double v, int lastDigitExponent) {
    BigDecimal b = new BigDecimal(v).setScale(-lastDigitExponent, RoundingMode.HALF_UP);
    if (lastDigitExponent > 0) {
      b = b.setScale(0, RoundingMode.UNNECESSARY);
    }
    String s = b.toPlainString();
    return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
  }
}
