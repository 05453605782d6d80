package org.cevns.physics.formfactor;

/** Form factor of a uniform sphere, 3 j₁(x)/x, numerically stable at small x. */
final class SphericalBessel {
  private SphericalBessel() {}

  /** Below this |x| the Taylor series is used (truncation error &lt; 1e-17 there). */
  static final double SERIES_LIMIT = 0.1;

  /**
   * 3 j₁(x)/x = 3 (sin x − x cos x)/x³; for |x| &lt; 0.1 the series
   * 1 − x²/10 + x⁴/280 − x⁶/15120 + x⁸/1330560 (exact coefficients of the Taylor expansion), which avoids the
   * cancellation of the closed form. Equal to 1 at x = 0.
   */
  static double threeJ1OverX(double x) {
    double x2 = x * x;
    if (Math.abs(x) < SERIES_LIMIT) {
      return 1 - x2 / 10 * (1 - x2 / 28 * (1 - x2 / 54 * (1 - x2 / 88)));
    }
    return 3 * (Math.sin(x) - x * Math.cos(x)) / (x2 * x);
  }
}
