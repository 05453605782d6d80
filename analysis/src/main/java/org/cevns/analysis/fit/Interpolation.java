package org.cevns.analysis.fit;

/**
 * The HistFactory interpolations of the {@link Modifier}s, as pyhf evaluates a workspace by default (pyhf
 * {@code _ModelConfig}: {@code normsys} code 4, {@code histosys} code 4p, the defaults since 2021, pyhf 0.6.1,
 * scikit-hep/pyhf#1425; Cranmer et al., CERN-OPEN-2012-016;
 * Heinrich, Feickert, Stark, Cranmer, JOSS 6 (2021) 2823). Both are twice continuously differentiable in α, so
 * the deviance has no kink at α = 0 even when the ±1σ variations are asymmetric, and the Newton minimiser
 * ({@link ProjectedNewton}) handles every model.
 *
 * <ul>
 *   <li>code 4 (normsys, multiplicative): f(α) = κ_hi^α for α &ge; 1, κ_lo^(−α) for α &le; −1, and
 *       1 + Σ_{i=1..6} a_i α^i for |α| &lt; 1, the a_i fixed by matching the value and the first and second
 *       derivatives at α = ±1 (f(0) = 1);
 *   <li>code 4p (histosys, additive): Δ(α) = α·δ⁺ for α &gt; 1, α·δ⁻ for α &lt; −1, and
 *       α·(S + α·A·(15 − 10α² + 3α⁴)) for |α| &le; 1, with δ⁺ = hi − nominal, δ⁻ = nominal − lo,
 *       S = (δ⁺ + δ⁻)/2, A = (δ⁺ − δ⁻)/16.
 * </ul>
 *
 * For symmetric variations (κ_hi·κ_lo = 1, δ⁺ = δ⁻) code 4p is exactly linear (code 0), and code 4 differs from
 * the exponential κ^α (code 1) only inside |α| &lt; 1, by less than 4e-10 relative for κ ≤ 1.2 (1e-7 at κ = 1.5):
 * only asymmetric variations change the likelihood.
 */
final class Interpolation {
  /** The inverse of the 6 × 6 boundary-condition matrix of code 4 at α₀ = 1 (pyhf {@code code4}). */
  private static final double[][] CODE4_INVERSE = {
    {15.0 / 16, -15.0 / 16, -7.0 / 16, -7.0 / 16, 1.0 / 16, -1.0 / 16},
    {3.0 / 2, 3.0 / 2, -9.0 / 16, 9.0 / 16, 1.0 / 16, 1.0 / 16},
    {-5.0 / 8, 5.0 / 8, 5.0 / 8, 5.0 / 8, -1.0 / 8, 1.0 / 8},
    {-3.0 / 2, -3.0 / 2, 7.0 / 8, -7.0 / 8, -1.0 / 8, -1.0 / 8},
    {3.0 / 16, -3.0 / 16, -3.0 / 16, -3.0 / 16, 1.0 / 16, -1.0 / 16},
    {1.0 / 2, 1.0 / 2, -5.0 / 16, 5.0 / 16, 1.0 / 16, 1.0 / 16},
  };

  private Interpolation() {}

  /** The coefficients a_1 … a_6 of the code-4 polynomial for κ_hi, κ_lo (both &gt; 0). */
  static double[] code4Coefficients(double kappaHi, double kappaLo) {
    double lh = Math.log(kappaHi);
    double ll = Math.log(kappaLo);
    double[] b = {kappaHi - 1, kappaLo - 1, lh * kappaHi, -ll * kappaLo, lh * lh * kappaHi, ll * ll * kappaLo};
    double[] a = new double[6];
    for (int r = 0; r < 6; r++) {
      double v = 0;
      for (int c = 0; c < 6; c++) {
        v += CODE4_INVERSE[r][c] * b[c];
      }
      a[r] = v;
    }
    return a;
  }

  /** Code 4 factor f(α), given ln κ_hi, ln κ_lo and the polynomial coefficients. */
  static double code4(double alpha, double lnKappaHi, double lnKappaLo, double[] a) {
    if (alpha >= 1) {
      return Math.exp(alpha * lnKappaHi);
    }
    if (alpha <= -1) {
      return Math.exp(-alpha * lnKappaLo);
    }
    return 1 + alpha * (a[0] + alpha * (a[1] + alpha * (a[2] + alpha * (a[3] + alpha * (a[4] + alpha * a[5])))));
  }

  /** d ln f/dα of code 4. */
  static double code4LogDerivative(double alpha, double lnKappaHi, double lnKappaLo, double[] a) {
    if (alpha >= 1) {
      return lnKappaHi;
    }
    if (alpha <= -1) {
      return -lnKappaLo;
    }
    double d = a[0] + alpha * (2 * a[1] + alpha * (3 * a[2] + alpha * (4 * a[3] + alpha * (5 * a[4]
        + alpha * 6 * a[5]))));
    return d / code4(alpha, lnKappaHi, lnKappaLo, a);
  }

  /** df/dα of code 4 (the factor f times {@link #code4LogDerivative}). */
  static double code4Derivative(double alpha, double lnKappaHi, double lnKappaLo, double[] a) {
    if (alpha >= 1) {
      return lnKappaHi * Math.exp(alpha * lnKappaHi);
    }
    if (alpha <= -1) {
      return -lnKappaLo * Math.exp(-alpha * lnKappaLo);
    }
    return a[0] + alpha * (2 * a[1] + alpha * (3 * a[2] + alpha * (4 * a[3] + alpha * (5 * a[4] + alpha * 6 * a[5]))));
  }

  /** d²f/dα² of code 4. */
  static double code4SecondDerivative(double alpha, double lnKappaHi, double lnKappaLo, double[] a) {
    if (alpha >= 1) {
      return lnKappaHi * lnKappaHi * Math.exp(alpha * lnKappaHi);
    }
    if (alpha <= -1) {
      return lnKappaLo * lnKappaLo * Math.exp(-alpha * lnKappaLo);
    }
    return 2 * a[1] + alpha * (6 * a[2] + alpha * (12 * a[3] + alpha * (20 * a[4] + alpha * 30 * a[5])));
  }

  /** Code 4p additive change Δ(α) of one bin with δ⁺ = hi − nominal, δ⁻ = nominal − lo. */
  static double code4p(double alpha, double deltaHi, double deltaLo) {
    if (alpha > 1) {
      return alpha * deltaHi;
    }
    if (alpha < -1) {
      return alpha * deltaLo;
    }
    double s = 0.5 * (deltaHi + deltaLo);
    double a = 0.0625 * (deltaHi - deltaLo);
    double a2 = alpha * alpha;
    return alpha * (s + alpha * a * (15 + a2 * (-10 + a2 * 3)));
  }

  /**
   * Code 4p as weights of the two variations: Δ_i(α) = w⁺·δ⁺_i + w⁻·δ⁻_i, and likewise its first and second
   * derivatives in α, the weights depending on α only, so a histosys over many bins costs two multiply-adds per bin
   * once they are computed. With Q(α) = α²(15 − 10α² + 3α⁴)/16: for |α| &le; 1, w^± = α/2 ± Q(α) (derivatives
   * 1/2 ± Q′, ±Q″); for α &gt; 1, (α, 0); for α &lt; −1, (0, α). The same function as {@link #code4p} up to rounding.
   *
   * @param order 0 value, 1 first derivative, 2 second derivative
   * @param out receives w⁺ at {@code out[at]} and w⁻ at {@code out[at + 1]}
   */
  static void code4pWeights(double alpha, int order, double[] out, int at) {
    double hi;
    double lo;
    if (alpha > 1) {
      hi = order == 0 ? alpha : order == 1 ? 1.0 : 0.0;
      lo = 0.0;
    } else if (alpha < -1) {
      hi = 0.0;
      lo = order == 0 ? alpha : order == 1 ? 1.0 : 0.0;
    } else {
      double a2 = alpha * alpha;
      double lin = order == 0 ? 0.5 * alpha : order == 1 ? 0.5 : 0.0;
      double q = order == 0 ? a2 * (15 + a2 * (-10 + a2 * 3)) / 16
          : order == 1 ? alpha * (30 + a2 * (-40 + a2 * 18)) / 16 : (30 + a2 * (-120 + a2 * 90)) / 16;
      hi = lin + q;
      lo = lin - q;
    }
    out[at] = hi;
    out[at + 1] = lo;
  }

  /** dΔ/dα of code 4p. */
  static double code4pDerivative(double alpha, double deltaHi, double deltaLo) {
    if (alpha > 1) {
      return deltaHi;
    }
    if (alpha < -1) {
      return deltaLo;
    }
    double s = 0.5 * (deltaHi + deltaLo);
    double a = 0.0625 * (deltaHi - deltaLo);
    double a2 = alpha * alpha;
    return s + a * alpha * (30 + a2 * (-40 + a2 * 18));
  }

  /** d²Δ/dα² of code 4p (0 outside |α| &le; 1). */
  static double code4pSecondDerivative(double alpha, double deltaHi, double deltaLo) {
    if (alpha > 1 || alpha < -1) {
      return 0.0;
    }
    double a = 0.0625 * (deltaHi - deltaLo);
    double a2 = alpha * alpha;
    return a * (30 + a2 * (-120 + a2 * 90));
  }
}
