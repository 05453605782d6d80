package org.cevns.physics.source;

/**
 * The four isotopes whose fissions produce reactor ν̄_e, with the published fit coefficients of their
 * spectra per fission and their default energy release per fission.
 *
 * <ul>
 *   <li>{@link #conversionFit()}: S(E) = exp(Σ_{k=0..5} a_k E^k) in ν̄/MeV/fission, E in MeV, fitted on
 *       2–8 MeV. U-235, Pu-239, Pu-241: Huber, PRC 84 (2011) 024617 (conversion of the ILL β spectra);
 *       U-238: Mueller et al., PRC 83 (2011) 054615 (summation).
 *   <li>{@link #vogelEngelFit()}: S(E) = exp(a0 + a1 E + a2 E²), Vogel &amp; Engel, PRD 39 (1989) 3378,
 *       table I (coefficients cross-checked against several public transcriptions).
 *   <li>{@link #defaultEnergyPerFissionMeV()}: Ma et al., PRC 88 (2013) 014605.
 * </ul>
 */
enum FissionIsotope {
  U235("U235", new double[] {4.367, -4.577, 2.100, -0.5294, 0.06186, -0.002777},
      new double[] {0.870, -0.160, -0.0910}, 202.36),
  U238("U238", new double[] {0.4833, 0.1927, -0.1283, -0.006762, 0.002233, -0.0001536},
      new double[] {0.976, -0.162, -0.0790}, 205.99),
  PU239("Pu239", new double[] {4.757, -5.392, 2.563, -0.6596, 0.07820, -0.003536},
      new double[] {0.896, -0.239, -0.0981}, 211.12),
  PU241("Pu241", new double[] {2.990, -2.882, 1.278, -0.3343, 0.03905, -0.001754},
      new double[] {0.793, -0.080, -0.1085}, 214.26);

  private final String label;
  private final double[] conversionFit;
  private final double[] vogelEngelFit;
  private final double energyPerFissionMeV;

  FissionIsotope(String label, double[] conversionFit, double[] vogelEngelFit, double energyPerFissionMeV) {
    this.label = label;
    this.conversionFit = conversionFit;
    this.vogelEngelFit = vogelEngelFit;
    this.energyPerFissionMeV = energyPerFissionMeV;
  }

  /** Label written to the {@code parent} column and used as configuration key: U235, U238, Pu239, Pu241. */
  public String label() {
    return label;
  }

  /** Huber (U-235, Pu-239, Pu-241) or Mueller (U-238) coefficients a_0..a_5 (a copy). */
  public double[] conversionFit() {
    return conversionFit.clone();
  }

  /** Vogel–Engel coefficients a_0..a_2 (a copy). */
  public double[] vogelEngelFit() {
    return vogelEngelFit.clone();
  }

  /** Energy release per fission in MeV (Ma et al. 2013). */
  public double defaultEnergyPerFissionMeV() {
    return energyPerFissionMeV;
  }

  /** Parses a label (U235, U238, Pu239, Pu241; case-insensitive). */
  public static FissionIsotope fromLabel(String label) {
    for (FissionIsotope i : values()) {
      if (i.label.equalsIgnoreCase(label)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown fission isotope '" + label + "', allowed: U235, U238, Pu239, Pu241");
  }
}
