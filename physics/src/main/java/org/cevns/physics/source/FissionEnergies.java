package org.cevns.physics.source;

import org.cevns.physics.Checks;

/**
 * Energy released per fission of each isotope in MeV (config {@code energy_per_fission_mev}); each finite
 * and &gt; 0.
 */
public record FissionEnergies(double u235MeV, double u238MeV, double pu239MeV, double pu241MeV) {
  public FissionEnergies {
    Checks.positive("energy_per_fission_mev.U235", u235MeV);
    Checks.positive("energy_per_fission_mev.U238", u238MeV);
    Checks.positive("energy_per_fission_mev.Pu239", pu239MeV);
    Checks.positive("energy_per_fission_mev.Pu241", pu241MeV);
  }

  /** Ma et al., PRC 88 (2013) 014605: 202.36, 205.99, 211.12, 214.26 MeV. */
  public static FissionEnergies ma2013() {
    return new FissionEnergies(
        FissionIsotope.U235.defaultEnergyPerFissionMeV(),
        FissionIsotope.U238.defaultEnergyPerFissionMeV(),
        FissionIsotope.PU239.defaultEnergyPerFissionMeV(),
        FissionIsotope.PU241.defaultEnergyPerFissionMeV());
  }

  /** Energy per fission of {@code isotope} in MeV. */
  public double get(FissionIsotope isotope) {
    return switch (isotope) {
      case U235 -> u235MeV;
      case U238 -> u238MeV;
      case PU239 -> pu239MeV;
      case PU241 -> pu241MeV;
    };
  }

  /** Mean energy per fission Σ f_i E_i in MeV. */
  public double meanMeV(FissionFractions fractions) {
    double sum = 0;
    for (FissionIsotope i : FissionIsotope.values()) {
      sum += fractions.get(i) * get(i);
    }
    return sum;
  }
}
