package org.cevns.physics.xs.bsm;

import org.cevns.physics.constants.PhysicalConstants;

/** Constants of the new-physics cross sections, each with unit and source (checked by NewPhysicsConstantsTest). */
public final class NewPhysicsConstants {
  private NewPhysicsConstants() {}

  /** Proton mass m_p in MeV (CODATA 2018). */
  public static final double PROTON_MASS_MEV = 938.27208816;
  /** Neutron mass m_n in MeV (CODATA 2018). */
  public static final double NEUTRON_MASS_MEV = 939.56542052;
  /** u-quark mass in MeV, MS-bar at 2 GeV (PDG 2022 quark-mass review). */
  public static final double UP_QUARK_MASS_MEV = 2.16;
  /** d-quark mass in MeV, MS-bar at 2 GeV (PDG 2022 quark-mass review). */
  public static final double DOWN_QUARK_MASS_MEV = 4.67;
  /**
   * Scalar quark content f_Tu^p = ⟨p|m_u ūu|p⟩/m_p (dimensionless; Hoferichter, Ruiz de Elvira, Kubis,
   * Meißner, PRL 115 (2015) 092301, σ_πN = 59.1 MeV, as tabulated by Ellis, Nagata, Olive, EPJC 78 (2018) 569).
   */
  public static final double F_TU_PROTON = 0.0208;
  /** f_Td^p (same source as {@link #F_TU_PROTON}). */
  public static final double F_TD_PROTON = 0.0411;
  /** f_Tu^n (same source as {@link #F_TU_PROTON}). */
  public static final double F_TU_NEUTRON = 0.0189;
  /** f_Td^n (same source as {@link #F_TU_PROTON}). */
  public static final double F_TD_NEUTRON = 0.0451;

  /** Scalar charge of the proton per unit u-quark coupling, (m_p/m_u) f_Tu^p. */
  public static final double PROTON_SCALAR_U = PROTON_MASS_MEV / UP_QUARK_MASS_MEV * F_TU_PROTON;
  /** Scalar charge of the proton per unit d-quark coupling, (m_p/m_d) f_Td^p. */
  public static final double PROTON_SCALAR_D = PROTON_MASS_MEV / DOWN_QUARK_MASS_MEV * F_TD_PROTON;
  /** Scalar charge of the neutron per unit u-quark coupling, (m_n/m_u) f_Tu^n. */
  public static final double NEUTRON_SCALAR_U = NEUTRON_MASS_MEV / UP_QUARK_MASS_MEV * F_TU_NEUTRON;
  /** Scalar charge of the neutron per unit d-quark coupling, (m_n/m_d) f_Td^n. */
  public static final double NEUTRON_SCALAR_D = NEUTRON_MASS_MEV / DOWN_QUARK_MASS_MEV * F_TD_NEUTRON;

  /**
   * 2√2 π α / G_F in MeV²: the photon-exchange amplitude in units of the weak one. The vector coupling of a
   * unit positive charge is shifted by this × [Q_ν/Q² − ⟨r²_ν⟩/6] (Q² = 2MT, ⟨r²⟩ in MeV⁻²).
   */
  public static final double PHOTON_OVER_WEAK_MEV2 = 2 * Math.sqrt(2) * Math.PI
      * PhysicalConstants.FINE_STRUCTURE_CONSTANT / PhysicalConstants.FERMI_CONSTANT_PER_MEV2;

  /** 1/(√2 G_F) in MeV²: a mediator exchange g_ν g_f/(Q² + m²) in units of the weak vector coupling. */
  public static final double MEDIATOR_OVER_WEAK_MEV2 = 1 / (Math.sqrt(2) * PhysicalConstants.FERMI_CONSTANT_PER_MEV2);

  /** π α² / m_e² in MeV⁻²: the magnetic-moment cross section per μ_B², per unit charge² and per (1/T − 1/E). */
  public static final double MAGNETIC_MEV_M2 = Math.PI * PhysicalConstants.FINE_STRUCTURE_CONSTANT
      * PhysicalConstants.FINE_STRUCTURE_CONSTANT
      / (PhysicalConstants.ELECTRON_MASS_MEV * PhysicalConstants.ELECTRON_MASS_MEV);

  /** Reduced Planck constant ħ = 6.582119569e-22 MeV s (CODATA 2018, exact in the 2019 SI). */
  public static final double HBAR_MEV_S = 6.582119569e-22;

  /** Metres per femtometre, 1e-15 (ħc in MeV m = {@link PhysicalConstants#HBARC_MEV_FM} × this). */
  public static final double METERS_PER_FM = 1e-15;
}
