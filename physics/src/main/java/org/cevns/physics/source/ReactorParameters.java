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
 * @param capturesPerFission ²³⁸U(n,γ)²³⁹U captures per fission, in [0, 2]: each adds one ν̄ from ²³⁹U and one
 *     from ²³⁹Np β decay ({@link ReactorSource#U239_ENDPOINT_MEV}); default 0 (off). About 0.6 in a
 *     light-water power reactor (Kopeikin, Mikaelyan, Sinev, Phys. At. Nucl. 67 (2004) 1892).
 */
public record ReactorParameters(
    double thermalPowerMW,
    FissionFractions fissionFractions,
    FissionEnergies energiesPerFission,
    LowEnergyModel lowEnergyModel,
    HighEnergyModel highEnergyModel,
    double maxEnergyMeV,
    double capturesPerFission) {
  /** Smallest allowed {@code maxEnergyMeV} (MeV): the upper end of the Huber/Mueller fits. */
  public static final double MIN_MAX_ENERGY_MEV = ReactorIsotopeSpectrum.FIT_MAX_ENERGY_MEV;
  /** Largest allowed {@code maxEnergyMeV} (MeV): the continued fits are negligible beyond it. */
  public static final double MAX_MAX_ENERGY_MEV = ReactorIsotopeSpectrum.MAX_ALLOWED_ENERGY_MEV;

  /** Parameters without neutron-capture ν̄. */
  public ReactorParameters(double thermalPowerMW, FissionFractions fissionFractions,
      FissionEnergies energiesPerFission, LowEnergyModel lowEnergyModel, HighEnergyModel highEnergyModel,
      double maxEnergyMeV) {
    this(thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, highEnergyModel, maxEnergyMeV, 0);
  }

  public ReactorParameters {
    Checks.positive("thermalPowerMW", thermalPowerMW);
    Checks.notNull("fissionFractions", fissionFractions);
    Checks.notNull("energiesPerFission", energiesPerFission);
    Checks.notNull("lowEnergyModel", lowEnergyModel);
    Checks.notNull("highEnergyModel", highEnergyModel);
    Checks.inClosedRange("maxEnergyMeV", maxEnergyMeV, ReactorIsotopeSpectrum.FIT_MAX_ENERGY_MEV,
        ReactorIsotopeSpectrum.MAX_ALLOWED_ENERGY_MEV);
    Checks.inClosedRange("capturesPerFission", capturesPerFission, 0, 2);
  }

  /**
   * Defaults: energies per fission of Ma et al. 2013, VOGEL_ENGEL below 2 MeV, no capture ν̄, EXTRAPOLATE above 8 MeV up to
   * {@value ReactorIsotopeSpectrum#DEFAULT_MAX_ENERGY_MEV} MeV.
   */
  public static ReactorParameters of(double thermalPowerMW, FissionFractions fissionFractions) {
    return new ReactorParameters(thermalPowerMW, fissionFractions, FissionEnergies.ma2013(),
        LowEnergyModel.VOGEL_ENGEL, HighEnergyModel.EXTRAPOLATE, ReactorIsotopeSpectrum.DEFAULT_MAX_ENERGY_MEV, 0);
  }

  public ReactorParameters withEnergiesPerFission(FissionEnergies e) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, e, lowEnergyModel, highEnergyModel, maxEnergyMeV, capturesPerFission);
  }

  public ReactorParameters withLowEnergyModel(LowEnergyModel m) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, m, highEnergyModel, maxEnergyMeV, capturesPerFission);
  }

  public ReactorParameters withHighEnergyModel(HighEnergyModel m) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, m, maxEnergyMeV, capturesPerFission);
  }

  public ReactorParameters withMaxEnergyMeV(double e) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, highEnergyModel, e, capturesPerFission);
  }

  public ReactorParameters withCapturesPerFission(double c) {
    return new ReactorParameters(
        thermalPowerMW, fissionFractions, energiesPerFission, lowEnergyModel, highEnergyModel, maxEnergyMeV, c);
  }
}
