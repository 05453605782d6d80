package org.cevns.generator.config;

/**
 * Reactor ν̄_e spectrum below ~2 MeV, where the Huber/Mueller fits are not valid (brief §4.2). YAML
 * {@code low_energy_model}; the default is the source classes' choice.
 */
public enum LowEnergyModel {
  /** {@code exponential}: documented exponential extrapolation of the fit. */
  EXPONENTIAL,
  /** {@code vogel-engel}: exp-quadratic of Vogel & Engel, PRD 39 3378 (1989). */
  VOGEL_ENGEL,
  /** {@code kopeikin}: tables of Kopeikin, Phys. At. Nucl. 75 (2012) 143. */
  KOPEIKIN
}
