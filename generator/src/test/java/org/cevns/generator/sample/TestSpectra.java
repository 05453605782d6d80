package org.cevns.generator.sample;

import org.cevns.generator.constants.PhysicalConstants;
import org.cevns.generator.source.EnergySpectrum;

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
}
