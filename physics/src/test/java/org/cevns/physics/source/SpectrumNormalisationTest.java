package org.cevns.physics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/**
 * The fixed Gauss–Legendre normalisations of the reactor and β spectra against the adaptive Gauss–Legendre
 * integrals they replaced (commons-math3 {@code IterativeLegendreGaussIntegrator}, 8 points, the tolerances used
 * before: 1e-13 relative for the reactor pieces, 1e-10 for the β spectrum), over every model and support.
 */
class SpectrumNormalisationTest {
  private static double adaptive(DoubleUnaryOperator f, double lo, double hi, double relTol) {
    return new IterativeLegendreGaussIntegrator(8, relTol, 1e-15).integrate(1_000_000, f::applyAsDouble, lo, hi);
  }

  @Test
  void reactorYieldsMatchTheAdaptiveIntegralTo1e12() {
    for (FissionIsotope iso : FissionIsotope.values()) {
      for (LowEnergyModel low : LowEnergyModel.values()) {
        for (HighEnergyModel high : HighEnergyModel.values()) {
          for (double max : new double[] {8.0, 10.0, 20.0}) {
            ReactorIsotopeSpectrum s = ReactorIsotopeSpectrum.of(iso, low, high, max);
            double[] edges = {s.minEnergyMeV(), Math.max(s.minEnergyMeV(), 2.0), Math.min(8.0, s.maxEnergyMeV()),
                s.maxEnergyMeV()};
            double reference = 0;
            for (int k = 0; k + 1 < edges.length; k++) {
              if (edges[k + 1] > edges[k]) {
                reference += adaptive(s::neutrinosPerFissionPerMeV, edges[k], edges[k + 1], 1e-13);
              }
            }
            assertEquals(1.0, s.neutrinosPerFission() / reference, 1e-12, s.toString());
            assertEquals(1.0, s.neutrinosPerFission(3.0, 7.5)
                / adaptive(s::neutrinosPerFissionPerMeV, 3.0, 7.5, 1e-13), 1e-12, s + " 3-7.5 MeV");
          }
        }
      }
    }
  }

  @Test
  void betaSpectraAreNormalisedTo1e10() {
    double[][] branches = {{ReactorSource.U239_ENDPOINT_MEV, 93}, {ReactorSource.NP239_ENDPOINT_MEV, 94},
        {0.1, 1}, {3.0, 20}, {14.0, 5}};
    for (double[] b : branches) {
      BetaDecaySpectrum s = BetaDecaySpectrum.of(b[0], (int) b[1]);
      assertEquals(1.0, adaptive(s::densityPerMeV, 0, b[0], 1e-12), 1e-10, s.toString());
    }
    // the two branches of the shipped reactor configs (smooth integrands: the adaptive reference converges)
    for (double[] b : new double[][] {branches[0], branches[1]}) {
      BetaDecaySpectrum s = BetaDecaySpectrum.of(b[0], (int) b[1]);
      assertEquals(1.0, adaptive(s::densityPerMeV, 0, b[0], 1e-14), 1e-13, s.toString());
    }
  }

  @Test
  void equalParametersGiveTheSameInstance() {
    assertSame(ReactorIsotopeSpectrum.of(FissionIsotope.U235), ReactorIsotopeSpectrum.of(FissionIsotope.U235));
    assertSame(BetaDecaySpectrum.of(1.2617, 93), BetaDecaySpectrum.of(1.2617, 93));
  }
}
