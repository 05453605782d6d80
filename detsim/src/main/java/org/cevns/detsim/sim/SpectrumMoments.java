package org.cevns.detsim.sim;

import java.util.Arrays;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.source.TabulatedSpectrum;

/**
 * The running moments M_k(x) = ∫_x^{E_max} φ(E) E^k dE, k = 0, −1, −2 (MeV^k), of a tabulated spectrum, exact for its
 * piecewise-linear density: with them the recoil spectrum g(T) of a cross section that is c₀ + c₁/E + c₂/E² at fixed
 * T ({@link org.cevns.physics.xs.RecoilCrossSection#inverseEnergyCoefficients}, the EvES of the Standard Model) is
 * c₀ M₀ + c₁ M₋₁ + c₂ M₋₂ at x = max(E_min, E_min(T)), without an integral over E at every T.
 *
 * <p>Tabulated once per spectrum, summed from E_max down: M_k(E_i) at every knot but the first (the first is never
 * needed: x = E_min(T) &gt; 0 above it, or x = E_0, the whole first segment, computed as a piece; a table starting at
 * E = 0 has no finite M₋₁(0)). On a segment [a, b] with density v_a + β(E − a) and u = (b − a)/a:
 * <pre>
 *   ∫ φ     = (b − a)(v_a + β (b − a)/2)
 *   ∫ φ/E   = v_a ln(1 + u) + β a (u − ln(1 + u))
 *   ∫ φ/E²  = v_a u/b + β (ln(1 + u) − u/(1 + u))
 * </pre>
 * the two differences by their Taylor series below u = {@value #SERIES_BELOW} (where the closed forms lose digits to
 * cancellation: ε/u² relative). Immutable.
 */
final class SpectrumMoments {
  /** Below this u = (b − a)/a the series replace the closed forms (error of the closed forms there ≤ ~ε/u² = 2e-14). */
  static final double SERIES_BELOW = 0.1;
  /** Terms of the series: u^{n}/n with u &lt; 0.1 falls below 1e-30 of the leading u²/2 well before n = 32. */
  private static final int SERIES_TERMS = 32;

  private final double[] energiesMeV;
  private final double[] densitiesPerMeV;
  /** above[k][i] = ∫_{E_i}^{E_max} φ E^{−k} dE for i ≥ 1 (index 0 unused: 0). */
  private final double[][] above;

  private SpectrumMoments(double[] energiesMeV, double[] densitiesPerMeV) {
    this.energiesMeV = energiesMeV;
    this.densitiesPerMeV = densitiesPerMeV;
    int n = energiesMeV.length;
    above = new double[3][n];
    double[] piece = new double[3];
    for (int i = n - 2; i >= 1; i--) {
      piece(energiesMeV[i], energiesMeV[i + 1], densitiesPerMeV[i], slope(i), piece);
      for (int k = 0; k < 3; k++) {
        above[k][i] = above[k][i + 1] + piece[k];
      }
    }
  }

  /** The moments of {@code spectrum} when it is a {@link TabulatedSpectrum}, else null. */
  static SpectrumMoments of(EnergySpectrum spectrum) {
    if (spectrum instanceof TabulatedSpectrum t) {
      return new SpectrumMoments(t.knotEnergiesMeV(), t.knotDensitiesPerMeV());
    }
    return null;
  }

  /** {M₀(x), M₋₁(x), M₋₂(x)}: 0 at and above E_max; x at or below E_min is the whole spectrum (x &gt; 0 if E_min = 0). */
  double[] at(double x) {
    double[] out = new double[3];
    int n = energiesMeV.length;
    if (!(x < energiesMeV[n - 1])) {
      return out;
    }
    double a = Math.max(x, energiesMeV[0]);
    int k = Arrays.binarySearch(energiesMeV, a);
    int i = Math.min(k >= 0 ? k : -k - 2, n - 2);
    double beta = slope(i);
    double va = densitiesPerMeV[i] + beta * (a - energiesMeV[i]);
    piece(a, energiesMeV[i + 1], va, beta, out);
    for (int m = 0; m < 3; m++) {
      out[m] += above[m][i + 1];
    }
    return out;
  }

  /** g(T) = c₀ M₀(x) + c₁ M₋₁(x) + c₂ M₋₂(x) for the coefficients {@code c} = {c₀, c₁, c₂}. */
  double combine(double[] c, double x) {
    double[] m = at(x);
    return c[0] * m[0] + c[1] * m[1] + c[2] * m[2];
  }

  private double slope(int i) {
    return (densitiesPerMeV[i + 1] - densitiesPerMeV[i]) / (energiesMeV[i + 1] - energiesMeV[i]);
  }

  /** The three moments of [a, b] with density va + beta (E − a) into {@code out}; needs 0 &lt; a &lt; b. */
  private static void piece(double a, double b, double va, double beta, double[] out) {
    double h = b - a;
    double u = h / a;
    double log = Math.log1p(u);
    double uMinusLog;
    double logMinusRatio;
    if (u < SERIES_BELOW) {
      // u − ln(1+u) = Σ_{n≥2} (−1)^n uⁿ/n;  ln(1+u) − u/(1+u) = Σ_{n≥2} (−1)^n (n−1) uⁿ/n
      uMinusLog = 0;
      logMinusRatio = 0;
      double power = u;
      for (int n = 2; n <= SERIES_TERMS; n++) {
        power *= -u;
        double term = -power / n; // (−1)^n uⁿ/n: power = (−1)^{n−1} uⁿ
        uMinusLog += term;
        logMinusRatio += (n - 1) * term;
      }
    } else {
      uMinusLog = u - log;
      logMinusRatio = log - u / (1 + u);
    }
    out[0] = h * (va + 0.5 * beta * h);
    out[1] = va * log + beta * a * uMinusLog;
    out[2] = va * u / b + beta * logMinusRatio;
  }
}
