package org.cevns.physics.source;

import java.util.function.DoubleUnaryOperator;

/**
 * Normalised neutrino energy distribution of one source component: either a line (all neutrinos at one
 * energy) or a continuous probability density on [{@link #minEnergyMeV}, {@link #maxEnergyMeV}] that
 * integrates to 1.
 */
public interface EnergySpectrum {
  /** True when every neutrino has energy {@link #minEnergyMeV} (= {@link #maxEnergyMeV}). */
  boolean isLine();

  /** Lower edge of the support in MeV (the line energy for a line). */
  double minEnergyMeV();

  /** Upper edge of the support in MeV (the line energy for a line). */
  double maxEnergyMeV();

  /** Probability density per MeV, normalised to 1 on the support; 0 outside; undefined for a line. */
  double densityPerMeV(double energyMeV);

  /**
   * {@link #densityPerMeV} as a function for one thread that asks for energies mostly in ascending order (the nodes
   * of one integral): the same values, possibly faster (a table remembers where the last energy was); not to be
   * shared between threads.
   */
  default DoubleUnaryOperator densityInOrder() {
    return new Density(this);
  }

  /** {@link #densityPerMeV} of a spectrum as a function (a named class: lambdas are not in the start-up archive). */
  final class Density implements DoubleUnaryOperator {
    private final EnergySpectrum spectrum;

    Density(EnergySpectrum spectrum) {
      this.spectrum = spectrum;
    }

    @Override
    public double applyAsDouble(double energyMeV) {
      return spectrum.densityPerMeV(energyMeV);
    }
  }

  /**
   * Energies in MeV inside the support where the density has a kink or a jump (table knots, thresholds);
   * integrators and samplers place grid nodes there. May be empty.
   */
  default double[] breakpointsMeV() {
    return new double[0];
  }
}
