package org.cevns.physics.source;

import org.cevns.physics.Checks;

/**
 * Mono-energetic spectrum: every neutrino has energy {@link #energyMeV}, e.g. the prompt ν_μ of π⁺ decay at
 * rest. Has no density ({@link #densityPerMeV} throws): consumers test {@link #isLine()} first.
 *
 * @param energyMeV line energy in MeV, finite and &gt; 0
 */
record LineSpectrum(double energyMeV) implements EnergySpectrum {
  public LineSpectrum {
    Checks.positive("energyMeV", energyMeV);
  }

  /** A line at {@code energyMeV} (finite, &gt; 0). */
  public static LineSpectrum of(double energyMeV) {
    return new LineSpectrum(energyMeV);
  }

  @Override
  public boolean isLine() {
    return true;
  }

  @Override
  public double minEnergyMeV() {
    return energyMeV;
  }

  @Override
  public double maxEnergyMeV() {
    return energyMeV;
  }

  /** Always throws: a line has no density per MeV. */
  @Override
  public double densityPerMeV(double energyMeV) {
    throw new UnsupportedOperationException(
        "a line spectrum at " + this.energyMeV + " MeV has no density; test isLine() first");
  }
}
