package org.cevns.generator.config;

/**
 * Reactor ν̄_e spectrum above 8 MeV, beyond the fits' range (brief §4.2). YAML {@code high_energy_model}; the
 * default is the source classes' choice.
 */
public enum HighEnergyModel {
  /** {@code extrapolate}: the exp-polynomial fits continued up to {@code max_energy_mev}. */
  EXTRAPOLATE,
  /** {@code zero}: no neutrinos above 8 MeV. */
  ZERO
}
