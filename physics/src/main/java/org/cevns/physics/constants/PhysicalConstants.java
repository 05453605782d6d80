package org.cevns.physics.constants;

/**
 * Physical constants, each with its unit and source. Defaults only: every input that a physicist may want to
 * change (sin²θ_W, couplings, radii) is also a configuration key.
 */
public final class PhysicalConstants {
  private PhysicalConstants() {}

  /** Fermi constant G_F/(ħc)³ in GeV⁻² (CODATA 2018). */
  public static final double FERMI_CONSTANT_PER_GEV2 = 1.1663787e-5;
  /** Fermi constant in MeV⁻² (CODATA 2018, converted). */
  public static final double FERMI_CONSTANT_PER_MEV2 =
      FERMI_CONSTANT_PER_GEV2 / (Units.MEV_PER_GEV * Units.MEV_PER_GEV);
  /** (ħc)² in GeV² cm² (CODATA 2018): converts GeV⁻² to cm². */
  public static final double HBARC_SQUARED_GEV2_CM2 = 0.3893793721e-27;
  /** (ħc)² in MeV² cm² (CODATA 2018, converted): converts MeV⁻² to cm². */
  public static final double HBARC_SQUARED_MEV2_CM2 =
      HBARC_SQUARED_GEV2_CM2 * Units.MEV_PER_GEV * Units.MEV_PER_GEV;
  /** ħc in MeV fm (CODATA 2018): converts momentum transfer in MeV to fm⁻¹. */
  public static final double HBARC_MEV_FM = 197.3269804;
  /**
   * Low-Q² MS-bar weak mixing angle sin²θ_W (dimensionless): 0.23857(5), the PDG electroweak review's value at
   * Q² → 0 as quoted with PDG 2018 by Cadeddu &amp; Dordei, arXiv:1808.10202, the value CEvNS fits of the COHERENT
   * data compare with (not Erler &amp; Ramsey-Musolf, PRD 72 (2005) 073003: 0.23867(16)). Later PDG editions were
   * not re-read for this number.
   */
  public static final double SIN2_THETA_W_LOW_Q = 0.23857;
  /** Fine-structure constant α (dimensionless, CODATA 2018): Coulomb (Fermi-function) corrections of β spectra. */
  public static final double FINE_STRUCTURE_CONSTANT = 7.2973525693e-3;
  /** Electron mass in MeV (CODATA 2018). */
  public static final double ELECTRON_MASS_MEV = 0.51099895;
  /**
   * Obliquity of the ecliptic ε in degrees (IAU 2006 precession, value at J2000.0: 84381.406″; Capitaine, Wallace
   * &amp; Chapront, A&amp;A 412 (2003) 567): the Sun's declination ranges over ±ε during a year.
   */
  public static final double OBLIQUITY_OF_ECLIPTIC_DEG = 23.4392794;
  /** Muon mass in MeV (CODATA 2018). */
  public static final double MUON_MASS_MEV = 105.6583755;
  /** Charged-pion mass in MeV (PDG 2022). */
  public static final double CHARGED_PION_MASS_MEV = 139.57039;
  /** Atomic mass unit in MeV (CODATA 2018). */
  public static final double ATOMIC_MASS_UNIT_MEV = 931.49410242;
  /** π⁺ mean lifetime in ns (PDG 2022). */
  public static final double PION_LIFETIME_NS = 26.033;
  /** μ⁺ mean lifetime in ns (PDG 2022). */
  public static final double MUON_LIFETIME_NS = 2196.981;
  /** Avogadro constant in mol⁻¹ (exact, SI 2019). */
  public static final double AVOGADRO_PER_MOL = 6.02214076e23;
  /** Prompt ν_μ energy from π⁺ decay at rest, (m_π² − m_μ²)/(2 m_π), in MeV (two-body kinematics). */
  public static final double PROMPT_NUMU_ENERGY_MEV =
      (CHARGED_PION_MASS_MEV * CHARGED_PION_MASS_MEV - MUON_MASS_MEV * MUON_MASS_MEV)
          / (2.0 * CHARGED_PION_MASS_MEV);
}
