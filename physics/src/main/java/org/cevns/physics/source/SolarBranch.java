package org.cevns.physics.source;

/**
 * The solar-neutrino branches below ⁸B (spelled {@code pp}, {@code pep}, {@code be7}, {@code n13}, {@code o15},
 * {@code f17} in a configuration), each with its B16-GS98 flux and its spectrum shape:
 * <ul>
 *   <li>continuous branches (pp, ¹³N, ¹⁵O, ¹⁷F): the allowed β⁺ shape
 *   dN/dE ∝ E² p W F(−Z, W), W = Q − E + m_e, p = √(W² − m_e²), 0 &lt; E &lt; Q, with the non-relativistic Fermi
 *   function of a positron, F = 2πη/(1 − e^{−2πη}), η = −αZW/p (Z of the daughter: ²H, ¹³C, ¹⁵N, ¹⁷O) and the
 *   endpoints Q of Bahcall's tabulated spectra (J. N. Bahcall, "Neutrino Astrophysics", CUP 1989, and the
 *   spectra published with it: pp 0.42341 MeV, ¹³N 1.199, ¹⁵O 1.732, ¹⁷F 1.740). Checked against Bahcall's
 *   tables (public copy: SNO+/RAT {@code SOLAR.ratdb}): largest difference 0.12 % (pp), 0.5 % (¹³N), 0.11 %
 *   (¹⁵O), 1.0 % (¹⁷F) of the peak density; mean energies 0.2668 / 0.7063 / 0.9961 / 0.9981 MeV against
 *   the tables' 0.2666 / 0.7067 / 0.9965 / 0.9996 (docs/physics.md, walkeves section);</li>
 *   <li>lines: pep 1.442 MeV; ⁷Be 0.8613 MeV (89.56 %) and 0.3843 MeV (10.44 %, to the 478 keV state of ⁷Li)
 *   (Bahcall 1989); the thermal width of the lines (~1 keV) is not modelled.</li>
 * </ul>
 * Fluxes at Earth (cm⁻²s⁻¹): B16-GS98 standard solar model, Vinyoles et al., ApJ 835 (2017) 202, Table 6:
 * pp 5.98e10 (±0.6 %), pep 1.44e8 (±1 %), ⁷Be 4.93e9 (±6 %), ¹³N 2.78e8 (±15 %), ¹⁵O 2.05e8 (±17 %),
 * ¹⁷F 5.29e6 (±20 %).
 */
public enum SolarBranch {
  /** p + p → d + e⁺ + ν_e. */
  PP("pp", 5.98e10, 0.42341, 1, null, null),
  /** p + e⁻ + p → d + ν_e (line). */
  PEP("pep", 1.44e8, 0, 0, new double[] {1.442}, new double[] {1}),
  /** ⁷Be + e⁻ → ⁷Li + ν_e (two lines). */
  BE7("Be7", 4.93e9, 0, 0, new double[] {0.8613, 0.3843}, new double[] {0.8956, 0.1044}),
  /** ¹³N → ¹³C + e⁺ + ν_e (CNO cycle). */
  N13("N13", 2.78e8, 1.199, 6, null, null),
  /** ¹⁵O → ¹⁵N + e⁺ + ν_e (CNO cycle). */
  O15("O15", 2.05e8, 1.732, 7, null, null),
  /** ¹⁷F → ¹⁷O + e⁺ + ν_e (CNO cycle). */
  F17("F17", 5.29e6, 1.740, 8, null, null);

  /** Knots of a tabulated continuous shape: E_k = Q (1 − (1 − k/N)²), dense near the √(Q − E) endpoint. */
  static final int KNOTS = 240;

  private final String parent;
  private final double b16Gs98FluxPerCm2S;
  private final double endpointMeV;
  private final int daughterZ;
  private final double[] lineEnergiesMeV;
  private final double[] lineFractions;

  SolarBranch(String parent, double flux, double endpointMeV, int daughterZ, double[] lines, double[] fractions) {
    this.parent = parent;
    this.b16Gs98FluxPerCm2S = flux;
    this.endpointMeV = endpointMeV;
    this.daughterZ = daughterZ;
    this.lineEnergiesMeV = lines;
    this.lineFractions = fractions;
  }

  /** The {@code parent} column label (pp, pep, Be7, N13, O15, F17). */
  public String parent() {
    return parent;
  }

  /** Flux at Earth of the B16-GS98 model in cm⁻²s⁻¹ (Vinyoles et al. 2017). */
  public double b16Gs98FluxPerCm2S() {
    return b16Gs98FluxPerCm2S;
  }

  /** True for pep and ⁷Be. */
  public boolean isLine() {
    return lineEnergiesMeV != null;
  }

  /** Line energies in MeV (lines only; a copy). */
  public double[] lineEnergiesMeV() {
    return lineEnergiesMeV.clone();
  }

  /** Fraction of the branch's flux in each line (lines only; a copy; sums to 1). */
  public double[] lineFractions() {
    return lineFractions.clone();
  }

  /** Endpoint Q in MeV (continuous branches only). */
  public double endpointMeV() {
    return endpointMeV;
  }

  /** Knot energies in MeV of the continuous shape (continuous branches only). */
  public double[] knotEnergiesMeV() {
    double[] e = new double[KNOTS + 1];
    for (int k = 0; k <= KNOTS; k++) {
      double u = 1 - (double) k / KNOTS;
      e[k] = endpointMeV * (1 - u * u);
    }
    e[KNOTS] = endpointMeV;
    return e;
  }

  /** Unnormalised allowed β⁺ density at {@code energyMeV} (continuous branches only); 0 outside (0, Q). */
  public double allowedShape(double energyMeV) {
    return BetaDecaySpectrum.allowedNeutrinoDensity(energyMeV, endpointMeV, -daughterZ);
  }
}
