package org.cevns.physics.xs;

import java.util.function.DoubleUnaryOperator;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;

/**
 * Coherent elastic neutrino–nucleus scattering on one nuclide (Freedman 1974; Drukier &amp; Stodolsky 1984). With
 * G_V(q) = Z g_V^p F_p(q) +
 * N g_V^n F_n(q) (so Q_W = 2G_V) and the axial coupling G_A(q) below, the form of Barranco, Miranda and Rashba,
 * JHEP 12 (2005) 021:
 * <pre>
 *   dσ/dT = (G_F² M / 2π) { (G_V + G_A)² + (G_V − G_A)² (1 − T/E)² − (G_V² − G_A²) M T / E² }
 * </pre>
 * For G_A = 0 this is (G_F² M / 4π) Q_W² [1 − MT/(2E²) − T/E + T²/(2E²)] (Freedman 1974; Drukier &amp; Stodolsky
 * 1984). q² = 2MT + T², T_max = 2E²/(M + 2E), M from {@link Isotope#nuclearMassMeV()}. Units: G_F in MeV⁻²,
 * result converted to cm²/MeV with (ħc)².
 *
 * <p><b>G_A convention.</b> G_A(q) = ± √[(4/3)(J+1)/J] · (g_A^p ⟨S_p⟩ + g_A^n ⟨S_n⟩) · F_A(q) with the
 * neutral-current axial couplings of the <em>nucleons</em> (not of the quarks):
 * g_A^p = (g_A − g_A^s)/2 and g_A^n = (−g_A − g_A^s)/2, g_A = {@value #NUCLEON_AXIAL_CHARGE} the nucleon axial
 * charge and g_A^s = {@value #STRANGE_AXIAL_CHARGE} the strange-quark axial charge, as in Hoferichter,
 * Menéndez &amp; Schwenk, PRD 102 (2020) 074018 (HMS): the quark couplings ±1/2 times Δu − Δd = g_A and Δs
 * (g_A^p = 0.680, g_A^n = −0.595). With the spin expectation values of {@link Isotope} this is the q → 0 limit
 * of HMS's spin-dependent structure factors, F_A(0) = 4 G_A(0)²; their q dependence is replaced by the
 * axial form factor F_A (default the vector Helm form), which is an approximation at the q of CEvNS
 * recoils only to the extent the spin distribution follows the charge distribution. The factor under the
 * root is the spin average over the 2J+1 substates (projection theorem; Engel, Pittel &amp; Vogel 1992): it
 * gives G_A = g_A^p for a free proton (J = 1/2, ⟨S_p⟩ = 1/2), i.e. σ ∝ g_V² + 3 g_A² for ν–p elastic
 * scattering. The + sign is for neutrinos; antineutrinos flip the sign of the V–A interference, i.e.
 * G_A → −G_A. The axial term vanishes for J = 0 and for odd-odd nuclei (⟨S⟩ = 0 in the table). Averaged over
 * the SNS spectrum (PDG couplings, Helm) it adds 5.0 % to ¹⁹F, 3.4e-3 to ²³Na, 1.8e-4 to ¹³³Cs, 1.5e-4 to
 * ¹²⁷I and 0 to ⁴⁰Ar ({@code CevnsAxialTest}). Earlier versions (and Barranco, Miranda, Rashba 2005) used the quark
 * couplings 0.4995 / −0.5121 without g_A, which underestimates G_A² by a factor ≈ 1.85.
 */
public final class CevnsCrossSection implements RecoilCrossSection {

  /**
   * Nucleon axial charge g_A = |λ| = 1.2754, dimensionless (PDG 2022, neutron β decay λ = g_A/g_V =
   * −1.2754 ± 0.0013; HMS 2020 use 1.27).
   */
  public static final double NUCLEON_AXIAL_CHARGE = 1.2754;
  /**
   * Strange-quark axial charge of the nucleon g_A^s = Δs = −0.085, dimensionless (the value used by HMS 2020,
   * from lattice QCD, uncertainty ±0.018).
   */
  public static final double STRANGE_AXIAL_CHARGE = -0.085;
  /** Neutral-current axial coupling of the proton g_A^p = (g_A − g_A^s)/2 (HMS 2020). */
  public static final double PROTON_AXIAL_COUPLING = (NUCLEON_AXIAL_CHARGE - STRANGE_AXIAL_CHARGE) / 2;
  /** Neutral-current axial coupling of the neutron g_A^n = (−g_A − g_A^s)/2 (HMS 2020). */
  public static final double NEUTRON_AXIAL_COUPLING = (-NUCLEON_AXIAL_CHARGE - STRANGE_AXIAL_CHARGE) / 2;

  private final Isotope isotope;
  private final Couplings couplings;
  private final FormFactor protonFormFactor;
  private final FormFactor neutronFormFactor;
  private final FormFactor axialFormFactor;
  private final boolean sameVectorFormFactor;
  /** F_n returns F_p's values (equal parameters, distinct objects): evaluated once, summed as two terms. */
  private final boolean equalVectorValues;
  /** F_A returns F_n's values: F_n's value is used for both. */
  private final boolean axialIsNeutron;
  private final boolean axial;
  private final double massMeV;
  private final double protonTerm;
  private final double neutronTerm;
  private final double axialCouplingAtZero;
  private final double prefactorCm2PerMeV;
  private final double radiusScaleFm;

  private CevnsCrossSection(Isotope isotope, Flavor flavor, Couplings couplings, FormFactor protonFormFactor,
      FormFactor neutronFormFactor, boolean axialRequested, FormFactor axialFormFactor) {
    this.isotope = isotope;
    this.couplings = couplings;
    this.protonFormFactor = protonFormFactor;
    this.neutronFormFactor = neutronFormFactor;
    this.sameVectorFormFactor = protonFormFactor == neutronFormFactor;
    this.equalVectorValues = protonFormFactor.sameValuesAs(neutronFormFactor);
    this.axialIsNeutron = axialFormFactor != null && neutronFormFactor.sameValuesAs(axialFormFactor);
    this.massMeV = isotope.nuclearMassMeV();
    this.protonTerm = isotope.z() * couplings.gVp();
    this.neutronTerm = isotope.neutronNumber() * couplings.gVn();
    double spinSum = PROTON_AXIAL_COUPLING * isotope.protonSpinExpectation()
        + NEUTRON_AXIAL_COUPLING * isotope.neutronSpinExpectation();
    double ga0 = 0;
    if (axialRequested && isotope.hasSpin()) {
      double j = isotope.nuclearSpin();
      ga0 = Math.sqrt(4.0 / 3.0 * (j + 1) / j) * spinSum * (flavor.isAnti() ? -1 : 1);
    }
    this.axialCouplingAtZero = ga0;
    this.axial = ga0 != 0;
    this.axialFormFactor = axialFormFactor;
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    this.prefactorCm2PerMeV = gf * gf * massMeV / (2 * Math.PI) * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    double r = Math.max(protonFormFactor.rmsRadiusFm(), neutronFormFactor.rmsRadiusFm());
    if (axial) {
      r = Math.max(r, axialFormFactor.rmsRadiusFm());
    }
    this.radiusScaleFm = Math.max(r, 1.0);
  }

  /** Cross section for neutrinos (not antineutrinos); see {@link #of(Isotope, Flavor, Couplings, FormFactor, FormFactor, boolean, FormFactor)}. */
  public static CevnsCrossSection of(Isotope isotope, Couplings couplings, FormFactor protonFormFactor,
      FormFactor neutronFormFactor, boolean axial, FormFactor axialFormFactor) {
    return of(isotope, Flavor.NUMU, couplings, protonFormFactor, neutronFormFactor, axial, axialFormFactor);
  }

  /**
   * Cross section of {@code flavor} on {@code isotope}. The flavour only sets the sign of the axial
   * interference term (the couplings already carry any flavour dependence).
   *
   * @param axial           include the axial term (no effect for nuclei without spin)
   * @param axialFormFactor F_A(q); required when {@code axial}, ignored otherwise (may be null then)
   */
  public static CevnsCrossSection of(Isotope isotope, Flavor flavor, Couplings couplings, FormFactor protonFormFactor,
      FormFactor neutronFormFactor, boolean axial, FormFactor axialFormFactor) {
    if (isotope == null || flavor == null || couplings == null) {
      throw new IllegalArgumentException("CEvNS cross section: isotope, flavor and couplings must not be null");
    }
    if (protonFormFactor == null || neutronFormFactor == null) {
      throw new IllegalArgumentException("CEvNS cross section " + isotope.label()
          + ": proton and neutron form factors must not be null");
    }
    if (axial && axialFormFactor == null) {
      throw new IllegalArgumentException("CEvNS cross section " + isotope.label()
          + ": axial form factor required when axial = true");
    }
    return new CevnsCrossSection(isotope, flavor, couplings, protonFormFactor, neutronFormFactor, axial,
        axialFormFactor);
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return Kinematics.maxRecoilMeV(energyMeV, massMeV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return Kinematics.minEnergyMeV(recoilMeV, massMeV);
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    double e = energyMeV;
    double t = recoilMeV;
    if (!(t >= 0) || !(e > 0) || t > 2 * e * e / (massMeV + 2 * e)) {
      return 0;
    }
    double q = Math.sqrt(2 * massMeV * t + t * t);
    double fp = protonFormFactor.value(q);
    double fn = neutronValue(q, fp);
    return xs(e, t, vector(fp, fn), axialCoupling(q, fn));
  }

  /**
   * dσ/dT at fixed T with G_V(q) and G_A(q) evaluated once: the same doubles as {@link #xsCm2PerMeV} (the same
   * operations in the same order), at a fraction of the cost inside an integral over E.
   */
  @Override
  public DoubleUnaryOperator atRecoilMeV(double recoilMeV) {
    double t = recoilMeV;
    if (!(t >= 0)) {
      return e -> 0;
    }
    double q = Math.sqrt(2 * massMeV * t + t * t);
    double fp = protonFormFactor.value(q);
    double fn = neutronValue(q, fp);
    double gv = vector(fp, fn);
    double ga = axialCoupling(q, fn);
    return e -> !(e > 0) || t > 2 * e * e / (massMeV + 2 * e) ? 0 : xs(e, t, gv, ga);
  }

  /** F_n(q), given F_p(q) = {@code fp}: not evaluated again when both return the same values. */
  private double neutronValue(double q, double fp) {
    return equalVectorValues ? fp : neutronFormFactor.value(q);
  }

  /** G_V(q) = Z g_V^p F_p + N g_V^n F_n. */
  private double vector(double fp, double fn) {
    return sameVectorFormFactor ? (protonTerm + neutronTerm) * fp : protonTerm * fp + neutronTerm * fn;
  }

  /** G_A(q) = G_A(0) F_A(q), 0 without the axial term; F_n's value {@code fn} when F_A returns the same values. */
  private double axialCoupling(double q, double fn) {
    return axial ? axialCouplingAtZero * (axialIsNeutron ? fn : axialFormFactor.value(q)) : 0;
  }

  /** dσ/dT from the couplings at q(T), inside the kinematic range. */
  private double xs(double e, double t, double gv, double ga) {
    double oneMinusY = 1 - t / e;
    double mte = massMeV * t / (e * e);
    double bracket;
    if (axial) {
      double plus = gv + ga;
      double minus = gv - ga;
      bracket = plus * plus + minus * minus * oneMinusY * oneMinusY - (gv * gv - ga * ga) * mte;
    } else {
      bracket = gv * gv * (1 + oneMinusY * oneMinusY - mte);
    }
    return bracket > 0 ? prefactorCm2PerMeV * bracket : 0;
  }

  /**
   * σ(E) by composite 16-point Gauss–Legendre over [0, T_max] with one panel per unit of q_max·R/ħc (at least
   * 4; R the largest rms radius of the form factors); relative accuracy better than 1e-9 for the tabulated
   * nuclei up to 300 MeV.
   */
  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    if (!(tMax > 0)) {
      return 0;
    }
    double qMax = Kinematics.momentumTransferMeV(tMax, massMeV);
    int panels = Math.max(4, (int) Math.ceil(qMax * radiusScaleFm / PhysicalConstants.HBARC_MEV_FM));
    // GaussLegendre.integrate(t -> xsCm2PerMeV(energyMeV, t), 0, tMax, panels) written out: the same operations
    // in the same order (the same doubles), without a lambda per call and a shared call site that the JIT must
    // compile for every integrand (the sampling tables call this ~10^3 times per channel, EnergyGrid).
    double lower = 0;
    double width = (tMax - lower) / panels;
    double half = 0.5 * width;
    double sum = 0;
    for (int p = 0; p < panels; p++) {
      double mid = lower + (p + 0.5) * width;
      double panel = 0;
      for (int i = 0; i < GaussLegendre.POINTS; i++) {
        panel += GaussLegendre.weight(i) * xsCm2PerMeV(energyMeV, mid + half * GaussLegendre.node(i));
      }
      sum += panel * half;
    }
    return sum;
  }

  /**
   * The same nuclear mass, coupling terms, axial coupling, prefactor, panel scale, ways of evaluating the form
   * factors and form factors of the same values ({@link FormFactor#sameValuesAs}): every method reads only these, so
   * the two return the same doubles (e.g. the ν_μ and ν_τ cross sections when the couplings do not depend on the
   * flavour).
   */
  @Override
  public boolean sameValuesAs(RecoilCrossSection other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof CevnsCrossSection o)) {
      return false;
    }
    return same(massMeV, o.massMeV) && same(protonTerm, o.protonTerm) && same(neutronTerm, o.neutronTerm)
        && same(axialCouplingAtZero, o.axialCouplingAtZero) && same(prefactorCm2PerMeV, o.prefactorCm2PerMeV)
        && same(radiusScaleFm, o.radiusScaleFm) && axial == o.axial && sameVectorFormFactor == o.sameVectorFormFactor
        && equalVectorValues == o.equalVectorValues && axialIsNeutron == o.axialIsNeutron
        && protonFormFactor.sameValuesAs(o.protonFormFactor) && neutronFormFactor.sameValuesAs(o.neutronFormFactor)
        && (!axial || axialFormFactor.sameValuesAs(o.axialFormFactor));
  }

  private static boolean same(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  /** The nuclide. */
  public Isotope isotope() {
    return isotope;
  }

  /** The vector couplings. */
  public Couplings couplings() {
    return couplings;
  }

  /** Nuclear mass M in MeV. */
  public double nuclearMassMeV() {
    return massMeV;
  }

  /** Weak charge at q = 0, Q_W = 2(Z g_V^p + N g_V^n). */
  public double weakChargeAtZero() {
    return 2 * (protonTerm + neutronTerm);
  }

  /** Signed axial coupling G_A(0) actually used (0 when the axial term is off or the nucleus has no spin). */
  public double axialCouplingAtZero() {
    return axialCouplingAtZero;
  }

  @Override
  public String toString() {
    return "CEvNS[" + isotope.label() + ", gVp=" + couplings.gVp() + ", gVn=" + couplings.gVn() + ", Fp="
        + protonFormFactor + ", Fn=" + neutronFormFactor + ", GA0=" + axialCouplingAtZero + "]";
  }
}
