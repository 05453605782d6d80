package org.cevns.physics.nucleus;

import org.cevns.physics.constants.PhysicalConstants;

/**
 * One nuclide with the data the cross sections need. Instances normally come from {@link IsotopeTable}, whose
 * javadoc gives the sources of every number.
 *
 * @param z                       proton number (≥ 1)
 * @param a                       mass number (≥ z)
 * @param symbol                  element symbol, e.g. {@code "Cs"}
 * @param atomicMassU             mass of the neutral atom in u (AME2020)
 * @param naturalAbundance        atom fraction of this isotope in the natural element (CIAAW/IUPAC
 *                                representative composition); 0 for a nuclide that does not occur naturally
 * @param nuclearSpin             ground-state spin J in units of ħ (0 for even-even nuclei)
 * @param protonSpinExpectation   ⟨S_p⟩ = ⟨J, M=J| Σ_protons s_z |J, M=J⟩ (0 when J = 0)
 * @param neutronSpinExpectation  ⟨S_n⟩, same for neutrons (0 when J = 0)
 */
public record Isotope(
    int z,
    int a,
    String symbol,
    double atomicMassU,
    double naturalAbundance,
    double nuclearSpin,
    double protonSpinExpectation,
    double neutronSpinExpectation) {

  /** Validates every field; throws {@link IllegalArgumentException} naming the offending one. */
  public Isotope {
    if (z < 1) {
      throw new IllegalArgumentException("isotope z: must be >= 1, got " + z);
    }
    if (a < z) {
      throw new IllegalArgumentException("isotope a: must be >= z = " + z + ", got " + a);
    }
    if (symbol == null || !symbol.matches("[A-Z][a-z]?")) {
      throw new IllegalArgumentException("isotope symbol: must be an element symbol like 'Cs', got '" + symbol + "'");
    }
    if (!(atomicMassU > 0) || !Double.isFinite(atomicMassU)) {
      throw new IllegalArgumentException("isotope " + symbol + a + " atomicMassU: must be > 0, got " + atomicMassU);
    }
    if (!(naturalAbundance >= 0 && naturalAbundance <= 1)) {
      throw new IllegalArgumentException(
          "isotope " + symbol + a + " naturalAbundance: must be in [0, 1], got " + naturalAbundance);
    }
    if (!(nuclearSpin >= 0) || Math.rint(2 * nuclearSpin) != 2 * nuclearSpin) {
      throw new IllegalArgumentException(
          "isotope " + symbol + a + " nuclearSpin: must be a non-negative multiple of 1/2, got " + nuclearSpin);
    }
    if (!Double.isFinite(protonSpinExpectation) || !Double.isFinite(neutronSpinExpectation)) {
      throw new IllegalArgumentException("isotope " + symbol + a + " spin expectation values: must be finite");
    }
    if (nuclearSpin == 0 && (protonSpinExpectation != 0 || neutronSpinExpectation != 0)) {
      throw new IllegalArgumentException(
          "isotope " + symbol + a + " spin expectation values: must be 0 for a spin-0 nucleus");
    }
  }

  /** Neutron number N = A − Z. */
  public int neutronNumber() {
    return a - z;
  }

  /**
   * Nuclear mass in MeV, M = m_atom·u − Z·m_e (the electron binding energy, at most ~0.5 MeV for
   * lead and a relative 3e-6, is neglected).
   */
  public double nuclearMassMeV() {
    return atomicMassU * PhysicalConstants.ATOMIC_MASS_UNIT_MEV - z * PhysicalConstants.ELECTRON_MASS_MEV;
  }

  /** Label element symbol + mass number, e.g. {@code "Cs133"} (the key used in configs and event files). */
  public String label() {
    return symbol + a;
  }

  /** True when J &gt; 0, i.e. the nucleus can have an axial (spin-dependent) coupling. */
  public boolean hasSpin() {
    return nuclearSpin > 0;
  }

  @Override
  public String toString() {
    return label();
  }
}
