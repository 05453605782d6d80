package org.cevns.physics.xs.bsm;

import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Sterile-neutrino upscattering ν_α + A → N + A through a transition magnetic moment d_α (the dipole portal),
 * coherent on the nuclear charge (Brdar, Greljo, Kopp, Opferkuch, JCAP 01 (2021) 039, eq. 3.3; the massless
 * limit is the magnetic-moment term of Vogel &amp; Engel 1989):
 * <pre>
 *   dσ/dT = (π α² d² / m_e²) Z² F_p²(q) [ 1/T − 1/E − (m_N² / 2ETM)(1 − T/2E + M/2E) + m_N⁴ (T − M)/(8E²T²M²) ]
 * </pre>
 * d in Bohr magnetons (α d² with d = d_μB · e/2m_e gives π α² d_μB²/m_e²), M the nuclear mass, m_N the sterile
 * mass, q = √(2MT + T²). Kinematics of a massive final neutrino: with s = M² + 2ME the process needs
 * E ≥ E_th = m_N + m_N²/2M, and T lies in [T_−, T_+] with 2M T_+ = 2p(E* + p′) − m_N² (p, p′ the
 * centre-of-mass momenta, E* the centre-of-mass energy of N) and T_− = m_N⁴/(4 s T_+) (the product form, free of
 * cancellation). The same for ν and ν̄ (the dipole flips helicity; the unpolarised rate is helicity blind).
 * The cross section grows like 1/T towards T_−, so samplers tabulate it in ln T.
 */
public final class DipoleUpscattering implements RecoilCrossSection {
  private final Isotope isotope;
  private final FormFactor protonFormFactor;
  private final double massMeV;
  private final double sterileMassMeV;
  private final double coefficientMeVm2;
  private final double thresholdMeV;
  private final double radiusScaleFm;

  private DipoleUpscattering(Isotope isotope, FormFactor fp, double sterileMassMeV, double dipoleMuB) {
    this.isotope = isotope;
    this.protonFormFactor = fp;
    this.massMeV = isotope.nuclearMassMeV();
    this.sterileMassMeV = sterileMassMeV;
    this.coefficientMeVm2 = NewPhysicsConstants.MAGNETIC_MEV_M2 * dipoleMuB * dipoleMuB * isotope.z() * isotope.z();
    this.thresholdMeV = sterileMassMeV + sterileMassMeV * sterileMassMeV / (2 * massMeV);
    this.radiusScaleFm = Math.max(fp.rmsRadiusFm(), 1.0);
  }

  /**
   * Upscattering of {@code flavor} on {@code isotope} to the sterile neutrino {@code sterile}.
   *
   * @param protonFormFactor the nuclear charge form factor F_p
   */
  public static DipoleUpscattering of(Isotope isotope, FormFactor protonFormFactor, Flavor flavor, Sterile sterile) {
    if (isotope == null || protonFormFactor == null || flavor == null || sterile == null) {
      throw new IllegalArgumentException("dipole upscattering: isotope, form factor, flavor and sterile must not be null");
    }
    return new DipoleUpscattering(isotope, protonFormFactor, sterile.massMeV(), sterile.dipoleMuB().get(flavor));
  }

  /** Threshold neutrino energy E_th = m_N + m_N²/2M in MeV. */
  public double thresholdEnergyMeV() {
    return thresholdMeV;
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    if (!(energyMeV > thresholdMeV)) {
      return 0;
    }
    return upperMeV(energyMeV);
  }

  private double upperMeV(double e) {
    double m = sterileMassMeV;
    double s = massMeV * massMeV + 2 * massMeV * e;
    double rootS = Math.sqrt(s);
    double p = massMeV * e / rootS;
    double below = 2 * massMeV * (e - m) - m * m; // s − (M + m)²
    double above = 2 * massMeV * (e + m) - m * m; // s − (M − m)²
    double pf = Math.sqrt(Math.max(0, below) * above) / (2 * rootS);
    double eStar = (2 * massMeV * e + m * m) / (2 * rootS);
    return (2 * p * (eStar + pf) - m * m) / (2 * massMeV);
  }

  /** Kinematic lower edge T_−(E) = m_N⁴/(4 s T_+) in MeV (0 at or below threshold). */
  @Override
  public double minRecoilMeV(double energyMeV) {
    if (!(energyMeV > thresholdMeV)) {
      return 0;
    }
    double m2 = sterileMassMeV * sterileMassMeV;
    double s = massMeV * massMeV + 2 * massMeV * energyMeV;
    return m2 * m2 / (4 * s * upperMeV(energyMeV));
  }

  @Override
  public boolean steepAtMinRecoil() {
    return true;
  }

  /**
   * Smallest E with T in [T_−(E), T_+(E)]: E = a [T + √(T² + 2MT)]/(4MT), a = m_N² + 2MT (the massless
   * E_min(T) when m_N = 0); the threshold for T ≤ 0.
   */
  @Override
  public double minEnergyMeV(double recoilMeV) {
    if (!(recoilMeV > 0)) {
      return thresholdMeV;
    }
    double t = recoilMeV;
    double a = sterileMassMeV * sterileMassMeV + 2 * massMeV * t;
    return Math.max(thresholdMeV, a * (t + Math.sqrt(t * t + 2 * massMeV * t)) / (4 * massMeV * t));
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    double e = energyMeV;
    double t = recoilMeV;
    if (!(e > thresholdMeV) || !(t > 0) || t < minRecoilMeV(e) || t > upperMeV(e)) {
      return 0;
    }
    double m2 = sterileMassMeV * sterileMassMeV;
    double mm = massMeV;
    double bracket = 1 / t - 1 / e - m2 / (2 * e * t * mm) * (1 - t / (2 * e) + mm / (2 * e))
        + m2 * m2 * (t - mm) / (8 * e * e * t * t * mm * mm);
    if (!(bracket > 0)) {
      return 0;
    }
    double f = protonFormFactor.value(Math.sqrt(2 * mm * t + t * t));
    return coefficientMeVm2 * f * f * bracket * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
  }

  @Override
  public double totalXsCm2(double energyMeV) {
    double hi = maxRecoilMeV(energyMeV);
    double lo = minRecoilMeV(energyMeV);
    if (!(hi > lo) || coefficientMeVm2 == 0) {
      return 0;
    }
    double qMax = Math.sqrt(2 * massMeV * hi + hi * hi);
    int panels = Math.max(4, (int) Math.ceil(qMax * radiusScaleFm / PhysicalConstants.HBARC_MEV_FM));
    return RecoilIntegral.integrate(t -> xsCm2PerMeV(energyMeV, t), lo, hi, panels);
  }

  /** The nuclide. */
  public Isotope isotope() {
    return isotope;
  }

  @Override
  public String toString() {
    return "DipoleUpscattering[" + isotope.label() + ", mN=" + sterileMassMeV + " MeV]";
  }
}
