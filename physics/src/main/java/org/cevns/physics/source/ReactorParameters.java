package org.cevns.physics.source;

import org.cevns.physics.Checks;

/**
 * Parameters of a reactor source (design.md "Source types", type {@code reactor}).
 *
 * @param thermalPowerMW thermal power in MW, finite and &gt; 0
 * @param fissionFractions fission fractions
 * @param energiesPerFission energy per fission of each isotope
 * @param lowEnergyModel treatment below 2 MeV
 * @param highEnergyModel treatment above 8 MeV
 * @param maxEnergyMeV upper edge of the spectra for the continuing high-energy models, in [8, 20] MeV
 */
public record ReactorParameters(
    double thermalPowerMW,
    FissionFractions fissionFractions,
    FissionEnergies energiesPerFission,
    LowEnergyModel lowEnergyModel,
    HighEnergyModel highEnergyModel,
    double maxEnergyMeV) {
  public ReactorParameters {
    Checks.positive("thermalPowerMW", thermalPowerMW);
    Checks.notNull("fissionFractions", fissionFractions);
    Checks.notNull("energiesPerFission", energiesPerFission);
    Checks.notNull("lowEnergyModel", lowEnergyModel);
    Checks.notNull("highEnergyModel", highEnergyModel);
    Checks.inClosedRange("maxEnergyMeV", maxEnergyMeV, ReactorIsotopeSpectrum.FIT_MAX_ENERGY_MEV,
        ReactorIsotopeSpectrum.MAX_ALLOWED_ENERGY_MEV);
  }

  /**
   * Defaults: energies per fission of Ma et al. 2013, EXPONENTIAL below 2 MeV, EXTRAPOLATE above 8 MeV up to
   * {@value ReactorIsotopeSpectrum#DEFAULT_MAX_ENERGY_MEV} MeV.
   */
  public static ReactorParameters of(double thermalPowerMW, FissionFractions fissionFractions) {
    return new ReactorParameters(thermalPowerMW, fissionFractions, FissionEnergies.ma2013(),
        LowEnergyModel.EXPONENTIAL, HighEnergyModel.EXTRAPOLATE, ReactorIsotopeSpectrum.DEFAULT_MAX_ENERGY_MEV);
  }

  public ReactorParameters withEnergiesPerFission(FissionEnergies e) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, e, lowEnergyModel, highEnergyModel, maxEnergyMeV);
  }

  public ReactorParameters withLowEnergyModel(LowEnergyModel m) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, m, highEnergyModel, maxEnergyMeV);
  }

  public ReactorParameters withHighEnergyModel(HighEnergyModel m) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, m, maxEnergyMeV);
  }

  public ReactorParameters withMaxEnergyMeV(double e) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, highEnergyModel, e);
  }
}
