package org.cevns.physics.xs.bsm;

/**
 * A sterile neutrino N reached from the active flavours through a transition magnetic moment (the dipole
 * portal, Brdar, Greljo, Kopp, Opferkuch, JCAP 01 (2021) 039): ν_α + A → N + A.
 *
 * @param massMeV m_N in MeV, &gt; 0
 * @param dipoleMuB transition moment d_α per active flavour, in Bohr magnetons
 */
public record Sterile(double massMeV, PerFlavour dipoleMuB) {

  /** Validates the mass (finite, &gt; 0) and that the moments are present. */
  public Sterile {
    if (!(massMeV > 0) || Double.isInfinite(massMeV)) {
      throw new IllegalArgumentException("sterile mass_mev: must be finite and > 0, got " + massMeV);
    }
    if (dipoleMuB == null) {
      throw new IllegalArgumentException("sterile dipole_mub: must be given");
    }
  }
}
