package org.cevns.analysis.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis tick generation. Linear axes use steps of 1, 2 or 5 times a power of ten, with labels built
 * from exact decimals (never {@code 0.30000000000000004}); magnitudes of 10⁵ and above or below 10⁻³
 * get a common exponent ({@code 2.5×10^{5}}). Log axes put major ticks on decades (every n-th decade
 * when there are many) and fall back to 1-2-5 ticks inside a range narrower than two decades. Minus
 * signs are the typographic U+2212.
 */
public final class Ticks {
  /** The typographic minus sign used in labels. */
  public static final String MINUS = "\u2212";
  private static final int[] MANTISSAS = {1, 2, 5};
  private static final double EPS = 1e-9;

  private Ticks() {}

  /**
   * The step 1, 2 or 5 × 10^e: mantissa and exponent.
   *
   * @param mantissa 1, 2 or 5
   * @param exponent power of ten
   */
  record Step(int mantissa, int exponent) {
    double value() {
      return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).doubleValue();
    }

    /** Exact k × step. */
    BigDecimal times(long k) {
      return BigDecimal.valueOf(k * mantissa).scaleByPowerOfTen(exponent);
    }
  }

  /**
   * The smallest 1-2-5 step giving at most {@code maxTicks} ticks in [min, max].
   *
   * @param min range start
   * @param max range end, > min
   * @param maxTicks largest number of major ticks, at least 2
   * @return the step
   */
  public static double niceStep(double min, double max, int maxTicks) {
    return step(min, max, maxTicks).value();
  }

  static Step step(double min, double max, int maxTicks) {
    checkRange(min, max);
    if (maxTicks < 2) {
      throw new IllegalArgumentException("maxTicks must be >= 2, got " + maxTicks);
    }
    int e = (int) Math.floor(Math.log10((max - min) / maxTicks)) - 1;
    for (int guard = 0; guard < 10; guard++, e++) {
      for (int m : MANTISSAS) {
        Step s = new Step(m, e);
        if (count(min, max, s.value()) <= maxTicks) {
          return s;
        }
      }
    }
    throw new IllegalStateException("no tick step found for [" + min + ", " + max + "]");
  }

  private static long count(double min, double max, double step) {
    return (long) Math.floor(max / step + EPS) - (long) Math.ceil(min / step - EPS) + 1;
  }

  /**
   * Linear ticks inside [min, max].
   *
   * @param min range start (finite)
   * @param max range end (finite, > min)
   * @param maxTicks largest number of major ticks, at least 2
   * @return the ticks
   */
  public static TickSet linear(double min, double max, int maxTicks) {
    Step s = step(min, max, maxTicks);
    double stepValue = s.value();
    long k0 = (long) Math.ceil(min / stepValue - EPS);
    long k1 = (long) Math.floor(max / stepValue + EPS);
    List<BigDecimal> exact = new ArrayList<>();
    for (long k = k0; k <= k1; k++) {
      exact.add(s.times(k));
    }
    double[] major = exact.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    List<String> labels = formatLinear(exact, s);
    // minor: 5 per step for mantissa 1 and 5, 4 per step for mantissa 2
    int sub = s.mantissa() == 2 ? 4 : 5;
    Step minorStep = s.mantissa() == 2 ? new Step(5, s.exponent() - 1)
        : new Step(s.mantissa() == 1 ? 2 : 1, s.exponent() - (s.mantissa() == 1 ? 1 : 0));
    double minorValue = minorStep.value();
    List<Double> minor = new ArrayList<>();
    for (long k = (long) Math.ceil(min / minorValue - EPS); k <= (long) Math.floor(max / minorValue + EPS); k++) {
      if (Math.floorMod(k, sub) != 0) {
        minor.add(minorStep.times(k).doubleValue());
      }
    }
    return new TickSet(min, max, major, labels, minor.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Formats one value lying on a tick of the given step as the linear ticks do.
   *
   * @param value the value (a multiple of step)
   * @param step the tick step (1, 2 or 5 × 10^e)
   * @return the label
   */
  public static String formatLinear(double value, double step) {
    if (!(step > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("need finite value and step > 0, got " + value + ", " + step);
    }
    int e = (int) Math.floor(Math.log10(step) + EPS);
    long mant = Math.round(step / Math.pow(10, e));
    Step s = new Step((int) mant, e);
    long k = Math.round(value / s.value());
    return formatLinear(List.of(s.times(k)), s).get(0);
  }

  private static List<String> formatLinear(List<BigDecimal> values, Step s) {
    double maxAbs = 0;
    for (BigDecimal v : values) {
      maxAbs = Math.max(maxAbs, Math.abs(v.doubleValue()));
    }
    List<String> out = new ArrayList<>();
    boolean sci = maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3);
    int common = sci ? (int) Math.floor(Math.log10(maxAbs) + EPS) : 0;
    int decimals = Math.max(0, common - s.exponent());
    if (!sci) {
      decimals = Math.max(0, -s.exponent());
    }
    for (BigDecimal v : values) {
      if (v.signum() == 0) {
        out.add("0");
      } else if (sci) {
        BigDecimal m = v.scaleByPowerOfTen(-common).setScale(decimals, RoundingMode.HALF_EVEN);
        out.add(minus(m.toPlainString()) + "\u00d710^{" + minus(Integer.toString(common)) + "}");
      } else {
        out.add(minus(v.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString()));
      }
    }
    return out;
  }

  /**
   * Log ticks inside [min, max].
   *
   * @param min range start, > 0
   * @param max range end, > min
   * @param maxTicks largest number of labelled ticks, at least 2
   * @return the ticks
   */
  public static TickSet log(double min, double max, int maxTicks) {
    checkRange(min, max);
    if (!(min > 0)) {
      throw new IllegalArgumentException("log axis range must be > 0, got [" + min + ", " + max + "]");
    }
    if (maxTicks < 2) {
      throw new IllegalArgumentException("maxTicks must be >= 2, got " + maxTicks);
    }
    int d0 = (int) Math.ceil(Math.log10(min) - EPS);
    int d1 = (int) Math.floor(Math.log10(max) + EPS);
    int decades = d1 - d0 + 1;
    if (decades >= 2) {
      int every = (int) Math.ceil(decades / (double) maxTicks);
      List<Double> major = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> minor = new ArrayList<>();
      boolean plain = d0 >= -3 && d1 <= 4;
      for (int d = d0; d <= d1; d++) {
        if (Math.floorMod(d, every) == 0) {
          major.add(pow10(d));
          labels.add(plain ? BigDecimal.ONE.scaleByPowerOfTen(d).toPlainString()
              : "10^{" + minus(Integer.toString(d)) + "}");
        } else {
          minor.add(pow10(d));
        }
      }
      if (every == 1 && decades <= 9) {
        for (int d = d0 - 1; d <= d1; d++) {
          for (int m = 2; m <= 9; m++) {
            double v = m * pow10(d);
            if (v >= min * (1 - EPS) && v <= max * (1 + EPS)) {
              minor.add(v);
            }
          }
        }
        minor.sort(Double::compare);
      }
      return new TickSet(min, max, toArray(major), labels, toArray(minor));
    }
    return narrowLog(min, max, maxTicks);
  }

  /** Fewer than two decades inside the range: 1-2-5 ticks, or linear ticks if that gives < 2. */
  private static TickSet narrowLog(double min, double max, int maxTicks) {
    List<BigDecimal> exact = new ArrayList<>();
    List<Double> minor = new ArrayList<>();
    for (int d = (int) Math.floor(Math.log10(min)) ; d <= (int) Math.ceil(Math.log10(max)); d++) {
      for (int m = 1; m <= 9; m++) {
        BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(d);
        double dv = v.doubleValue();
        if (dv >= min * (1 - EPS) && dv <= max * (1 + EPS)) {
          if (m == 1 || m == 2 || m == 5) {
            exact.add(v);
          } else {
            minor.add(dv);
          }
        }
      }
    }
    if (exact.size() < 2 || exact.size() > maxTicks) {
      return linear(min, max, maxTicks);
    }
    List<String> labels = new ArrayList<>();
    for (BigDecimal v : exact) {
      double dv = v.doubleValue();
      if (dv >= 1e-3 && dv < 1e5) {
        labels.add(v.stripTrailingZeros().toPlainString());
      } else {
        BigDecimal unscaled = v.stripTrailingZeros();
        int exp = unscaled.precision() - unscaled.scale() - 1;
        labels.add(unscaled.unscaledValue() + "\u00d710^{" + minus(Integer.toString(exp)) + "}");
      }
    }
    return new TickSet(min, max, exact.stream().mapToDouble(BigDecimal::doubleValue).toArray(),
        labels, toArray(minor));
  }

  /**
   * The automatic linear range: [min, max] widened outwards to multiples of the tick step.
   *
   * @param min data minimum
   * @param max data maximum, > min
   * @param maxTicks largest number of major ticks
   * @return {lower, upper}
   */
  public static double[] niceLinearRange(double min, double max, int maxTicks) {
    Step s = step(min, max, maxTicks);
    double v = s.value();
    double lo = s.times((long) Math.floor(min / v + EPS)).doubleValue();
    double hi = s.times((long) Math.ceil(max / v - EPS)).doubleValue();
    return new double[] {lo, hi};
  }

  /**
   * The automatic log range: [min, max] widened outwards to whole decades.
   *
   * @param min data minimum, > 0
   * @param max data maximum, > min
   * @return {lower, upper}
   */
  public static double[] niceLogRange(double min, double max) {
    checkRange(min, max);
    if (!(min > 0)) {
      throw new IllegalArgumentException("log range must be > 0, got [" + min + ", " + max + "]");
    }
    return new double[] {pow10((int) Math.floor(Math.log10(min) + EPS)),
        pow10((int) Math.ceil(Math.log10(max) - EPS))};
  }

  static double pow10(int d) {
    return BigDecimal.ONE.scaleByPowerOfTen(d).doubleValue();
  }

  static String minus(String s) {
    return s.replace("-", MINUS);
  }

  private static void checkRange(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException("tick range needs finite min < max, got [" + min + ", " + max + "]");
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
