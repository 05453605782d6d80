package org.cevns.generator.sample;

import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.source.EnergySpectrum;

/** Test-only spectra. */
final class TestSpectra {
  private TestSpectra() {}

  /** ν_e Michel spectrum 96 E² (m_μ − 2E)/m_μ⁴ on [0, m_μ/2] (muon decay at rest). */
  static EnergySpectrum michel() {
    double m = PhysicalConstants.MUON_MASS_MEV;
    return new EnergySpectrum() {
      @Override public boolean isLine() {
        return false;
      }

      @Override public double minEnergyMeV() {
        return 0.0;
      }

      @Override public double maxEnergyMeV() {
        return 0.5 * m;
      }

      @Override public double densityPerMeV(double e) {
        return e < 0.0 || e > 0.5 * m ? 0.0 : 96.0 * e * e * (m - 2.0 * e) / (m * m * m * m);
      }

      @Override public String toString() {
        return "michel";
      }
    };
  }

  /** A line at {@code energyMeV}. */
  static EnergySpectrum line(double energyMeV) {
    return new EnergySpectrum() {
      @Override public boolean isLine() {
        return true;
      }

      @Override public double minEnergyMeV() {
        return energyMeV;
      }

      @Override public double maxEnergyMeV() {
        return energyMeV;
      }

      @Override public double densityPerMeV(double e) {
        throw new UnsupportedOperationException("line");
      }
    };
  }

  /**
   * Reactor-like falling spectrum on [1, 10] MeV with a jump at 4 MeV (a mismatched low-energy model):
   * ∝ exp(−E/2) below 4 MeV and 0.5·exp(−E/2) above; breakpoint 4 MeV.
   */
  static EnergySpectrum stepped() {
    double lo = 1.0;
    double mid = 4.0;
    double hi = 10.0;
    double norm = 2.0 * (Math.exp(-lo / 2) - Math.exp(-mid / 2))
        + 0.5 * 2.0 * (Math.exp(-mid / 2) - Math.exp(-hi / 2));
    return new EnergySpectrum() {
      @Override public boolean isLine() {
        return false;
      }

      @Override public double minEnergyMeV() {
        return lo;
      }

      @Override public double maxEnergyMeV() {
        return hi;
      }

      @Override public double densityPerMeV(double e) {
        if (e < lo || e > hi) {
          return 0.0;
        }
        return (e < mid ? 1.0 : 0.5) * Math.exp(-e / 2) / norm;
      }

      @Override public double[] breakpointsMeV() {
        return new double[] {mid};
      }
    };
  }

  /**
   * Piecewise-linear tabulated spectrum (like a spectrum file): knots at 2 + 0.25 k MeV, k = 0..40, with
   * values (1 + 0.6 sin k)·exp(−E/3); every knot is a breakpoint.
   */
  static EnergySpectrum tabulated() {
    int knots = 41;
    double[] e = new double[knots];
    double[] v = new double[knots];
    for (int k = 0; k < knots; k++) {
      e[k] = 2.0 + 0.25 * k;
      v[k] = (1.0 + 0.6 * Math.sin(k)) * Math.exp(-e[k] / 3.0);
    }
    double norm = 0.0;
    for (int k = 0; k + 1 < knots; k++) {
      norm += 0.5 * (v[k] + v[k + 1]) * (e[k + 1] - e[k]);
    }
    double total = norm;
    return new EnergySpectrum() {
      @Override public boolean isLine() {
        return false;
      }

      @Override public double minEnergyMeV() {
        return e[0];
      }

      @Override public double maxEnergyMeV() {
        return e[knots - 1];
      }

      @Override public double densityPerMeV(double x) {
        if (x < e[0] || x > e[knots - 1]) {
          return 0.0;
        }
        int k = Math.min(knots - 2, (int) ((x - e[0]) / 0.25));
        double f = (x - e[k]) / (e[k + 1] - e[k]);
        return ((1 - f) * v[k] + f * v[k + 1]) / total;
      }

      @Override public double[] breakpointsMeV() {
        return java.util.Arrays.copyOfRange(e, 1, knots - 1);
      }
    };
  }
}
