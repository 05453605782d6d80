package org.cevns.physics.constants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Every constant of {@link PhysicalConstants} against the value of the source its javadoc names, and the
 * derived constants against their definition. The values below were typed from the tables, not copied from the
 * class. CODATA 2022 (Mohr et al., Rev. Mod. Phys. 97 (2025) 025002) differs from the CODATA 2018 values cevns
 * uses by less than 2e-9 relative (m_e 0.51099895069, u 931.49410372 MeV, α 7.2973525643e-3), far below every
 * other uncertainty of a rate: {@link #codata2022DiffersByLessThanTwoPartsPerBillion()} pins that statement.
 */
class PhysicalConstantsTest {

  @Test
  void codata2018Values() {
    // CODATA 2018 (Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010)
    assertEquals(1.1663787e-5, PhysicalConstants.FERMI_CONSTANT_PER_GEV2, 0.0);
    assertEquals(197.3269804, PhysicalConstants.HBARC_MEV_FM, 0.0);
    assertEquals(0.3893793721e-27, PhysicalConstants.HBARC_SQUARED_GEV2_CM2, 0.0);
    assertEquals(7.2973525693e-3, PhysicalConstants.FINE_STRUCTURE_CONSTANT, 0.0);
    assertEquals(0.51099895, PhysicalConstants.ELECTRON_MASS_MEV, 0.0);
    assertEquals(105.6583755, PhysicalConstants.MUON_MASS_MEV, 0.0);
    assertEquals(931.49410242, PhysicalConstants.ATOMIC_MASS_UNIT_MEV, 0.0);
    // SI 2019: exact
    assertEquals(6.02214076e23, PhysicalConstants.AVOGADRO_PER_MOL, 0.0);
  }

  @Test
  void pdgValues() {
    // PDG 2022 and 2024 (unchanged): m_π± 139.57039(18) MeV, τ_π± 2.6033(5)e-8 s, τ_μ 2.1969811(22)e-6 s
    assertEquals(139.57039, PhysicalConstants.CHARGED_PION_MASS_MEV, 0.0);
    assertEquals(26.033, PhysicalConstants.PION_LIFETIME_NS, 0.0);
    assertEquals(2196.9811, PhysicalConstants.MUON_LIFETIME_NS, 2e-4); // class keeps 7 digits: 2196.981
    // low-Q² MS-bar weak mixing angle 0.23857(5) (PDG electroweak review; the value COHERENT fits compare with)
    assertEquals(0.23857, PhysicalConstants.SIN2_THETA_W_LOW_Q, 0.0);
  }

  @Test
  void obliquityIsTheIau2006ValueAtJ2000() {
    // 84381.406 arcseconds (Capitaine, Wallace & Chapront 2003)
    assertEquals(84381.406 / 3600.0, PhysicalConstants.OBLIQUITY_OF_ECLIPTIC_DEG, 1e-7);
  }

  @Test
  void derivedConstantsFollowFromTheirDefinitions() {
    assertEquals(1.1663787e-11, PhysicalConstants.FERMI_CONSTANT_PER_MEV2, 1e-22);
    // (ħc)² = (197.3269804 MeV fm × 1e-13 cm/fm / 1000 MeV/GeV)² = 3.893793721e-28 GeV² cm²: the two constants agree
    double hbarcGevCm = PhysicalConstants.HBARC_MEV_FM / Units.FM_PER_CM / Units.MEV_PER_GEV;
    assertEquals(hbarcGevCm * hbarcGevCm, PhysicalConstants.HBARC_SQUARED_GEV2_CM2, 1e-9 * 0.3893793721e-27);
    assertEquals(0.3893793721e-21, PhysicalConstants.HBARC_SQUARED_MEV2_CM2, 1e-31);
    // (m_π² − m_μ²)/(2 m_π) = (19479.894 − 11163.693)/279.14078 = 29.79214 MeV
    assertEquals(29.79214, PhysicalConstants.PROMPT_NUMU_ENERGY_MEV, 1e-5);
  }

  @Test
  void codata2022DiffersByLessThanTwoPartsPerBillion() {
    assertEquals(1.0, 0.51099895069 / PhysicalConstants.ELECTRON_MASS_MEV, 2e-9);
    assertEquals(1.0, 931.49410372 / PhysicalConstants.ATOMIC_MASS_UNIT_MEV, 2e-9);
    assertEquals(1.0, 7.2973525643e-3 / PhysicalConstants.FINE_STRUCTURE_CONSTANT, 2e-9);
    assertEquals(1.0, 105.6583755 / PhysicalConstants.MUON_MASS_MEV, 0.0);
    assertEquals(1.0, 1.1663787e-5 / PhysicalConstants.FERMI_CONSTANT_PER_GEV2, 0.0);
  }
}
