package org.cevns.physics.xs.bsm;

import java.util.ArrayList;
import java.util.List;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.formfactor.FormFactor;
import org.cevns.physics.nucleus.Isotope;
import org.cevns.physics.xs.CevnsCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * CEvNS of one flavour on one nuclide under a {@link NewPhysics} point: the Standard-Model dσ/dT of
 * {@link CevnsCrossSection} plus the change the model makes. With Q² = 2MT (four-momentum transfer),
 * q = √(2MT + T²) (form factors), y = T/E, K = 1 + (1 − y)² − MT/E², P = G_F² M/2π and α the flavour:
 * <pre>
 *   dσ/dT = dσ/dT_SM + P [ B(G_V + δ, G_A + δ_A) − B(G_V, G_A) ]                      (vector, axial shifts)
 *         + P Σ_{β≠α} [ B(δ_{αβ} + ε_V^{αβ}, δ_A^{αβ}) + ε_S^{αβ}² MT/E²
 *                       + 4 ε_T^{αβ}² ((2 − y)² − MT/E²) ∓ 4 ε_S^{αβ} ε_T^{αβ} y (1 − y/2) ]   (flavour-changing)
 *         + P ε_S² M T / E²                                       (scalar: mediators and NGI, no interference)
 *         + P [ 4 ε_T² ((2 − y)² − MT/E²) ∓ 4 ε_S ε_T y (1 − y/2) ]                     (NGI tensor; − for ν)
 *         + (π α² μ_α² / m_e²) Z² F_p² (1/T − 1/E)              (magnetic moment, μ_α² = Σ_β μ_αβ²)
 *   B(v, a) = (v + a)² + (v − a)² (1 − y)² − (v² − a²) M T / E²     (the Standard-Model bracket, B(G_V, G_A))
 *   δ = Z F_p [2ε^u_αα + ε^d_αα + (2√2πα/G_F)(Q_α/Q² − ⟨r²_α⟩/6) + Σ_Z′ g_ν(2g_u + g_d)/(√2 G_F (Q² + m²))
 *              + ε_V^p P_V] + N F_n [ε^u_αα + 2ε^d_αα + Σ_Z′ g_ν(g_u + 2g_d)/(√2 G_F (Q² + m²)) + ε_V^n P_V]
 *   δ_A = ±√[(4/3)(J+1)/J] (ε_A^p ⟨S_p⟩ + ε_A^n ⟨S_n⟩) F_A P_A                       (as G_A; − for ν̄)
 *   δ_{αβ} = Z F_p (2ε^u_αβ + ε^d_αβ) + N F_n (ε^u_αβ + 2ε^d_αβ)
 *   ε_X^{αβ}, δ_A^{αβ}: as ε_X, δ_A below with the flavour-changing NGI couplings ε_X^{p,αβ}, ε_X^{n,αβ}
 *   ε_S = (Z F_p ε_S^p + N F_n ε_S^n) P_S − Σ_φ g_ν [Z F_p Σ_q g_q (m_p/m_q) f_Tq^p + N F_n Σ_q g_q (m_n/m_q) f_Tq^n]
 *         / (√2 G_F (Q² + m_φ²))
 *   ε_T = (Z F_p ε_T^p + N F_n ε_T^n) P_T,        P_X = m_X²/(Q² + m_X²)  (1 for a contact NGI)
 * </pre>
 * G_V = Z g_V^p F_p + N g_V^n F_n and G_A are the Standard-Model charges of {@link CevnsCrossSection} (G_A with
 * the ν̄ sign). Sources: vector NSI, Barranco, Miranda, Rashba, JHEP 12 (2005) 021 (flavour-changing terms add
 * incoherently over the final flavour β); millicharge and charge radius as a q²-dependent shift of g_V^p,
 * Kouzakov &amp; Studenikin, PRD 95 (2017) 055013 and Cadeddu et al., PRD 98 (2018) 113010 / PRD 102 (2020)
 * 015030 (the sign convention that makes the Standard-Model ⟨r²_νe⟩ = −0.83e-32 cm² raise g_V^p by 0.0197,
 * as in {@link org.cevns.physics.xs.Couplings}); magnetic moment, Vogel &amp; Engel, PRD 39 (1989) 3378 (the
 * T/4E² term of a spin-0 nucleus, of relative size T²/E², is not included); light vector and scalar mediators,
 * Cerdeño et al., JHEP 05 (2016) 118 and Abdullah et al., PRD 98 (2018) 015005 (a heavy Z′ is the NSI
 * ε^q = g_ν g_q/(√2 G_F m²)). The scalar term written with ε_S is the same as Cerdeño et al.'s
 * g_S² M² T/(4π E² (Q² + m²)²) (also pyCEvNS's {@code NeutrinoNucleusElasticScalar}). The same δ applies to ν and ν̄: the ν̄ amplitude and charge flip together, and
 * the vector bracket is even in the helicity; only the axial interference changes sign (through G_A).
 *
 * <p><b>Generalised interactions ({@link Ngi}).</b> The Lorentz structures of Lindner, Rodejohann &amp; Xu,
 * JHEP 03 (2017) 097 and Aristizabal Sierra, De Romeri &amp; Rojas, PRD 98 (2018) 075018, with the nucleus a point
 * Dirac fermion carrying coherent charges. Each recoil factor was derived by Dirac traces
 * ({@code scripts/ngi_traces.py}: exact |M|² of ν N → ν N for each structure and each pair, ν and ν̄) and
 * agrees with the leading terms of these papers as quoted in docs/new-physics.md (which also lists which source
 * confirms which term; the tensor normalisation has no second public code), relative to one another at equal
 * coupling: vector
 * 1 − T/E − MT/(2E²) (the Standard-Model form, so vector NGI is a nucleon-level vector NSI), scalar MT/(2E²)
 * with no interference with the vector or axial terms for massless neutrinos, tensor 8 (1 − T/E − MT/(4E²)),
 * and a scalar–tensor interference of order T/E whose sign flips for ν̄. The Dirac-nucleus factor (1 + T/2M)
 * of the scalar term (&lt; 10⁻⁶ at CEvNS recoils) is not kept.
 * The couplings ε_X^p, ε_X^n are those of this flavour ({@link Ngi.Structure#couplings(Flavor)}; ν and ν̄ share
 * them); the pseudoscalar has no nucleon coupling and does not enter. Flavour-changing NGI ε_X^{αβ} (α ≠ β) have
 * no Standard-Model amplitude to interfere with: each final flavour β ≠ α adds the pure terms of its couplings
 * (with the flavour-changing NSI δ_{αβ} in the same vector charge), the form the diagonal terms take with
 * G_V = G_A = 0 — the incoherent sum over final flavours of Lindner, Rodejohann, Xu (2017).
 * The axial structure couples to the nuclear spin and is written as a shift of G_A (no coherent
 * enhancement). Caveat: the tensor density σ^{ij} of a nucleon is its spin in the non-relativistic limit, so
 * the coherent (Z, N-weighted) tensor response of these papers overstates the tensor signal of spin-0 nuclei;
 * it is kept as the convention in which published NGI limits are quoted.
 *
 * <p>When μ_α or Q_α is non-zero, dσ/dT grows like 1/T (1/T² for the pure millicharge term); with a light
 * mediator it peaks or falls within T ≲ m²/2M. In both cases ({@link NewPhysics#needsRecoilFloor}) dσ/dT is set to
 * 0 below the {@linkplain #recoilFloorMeV() recoil floor} and samplers tabulate it in ln T.
 */
public final class NewPhysicsCevns implements RecoilCrossSection {
  private final CevnsCrossSection sm;
  private final FormFactor protonFormFactor;
  private final FormFactor neutronFormFactor;
  private final FormFactor axialFormFactor;
  private final double massMeV;
  private final int z;
  private final int n;
  private final double gVp;
  private final double gVn;
  private final double ga0;
  private final double prefactorMeV3;
  private final double protonShift;
  private final double neutronShift;
  private final double millichargeMeV2;
  private final double[] changingProton;
  private final double[] changingNeutron;
  private final Ngi.Couplings[][] changingNgi; // [final flavour k][scalar, vector, tensor], null: none
  private final double[] changingAxialAtZero; // δ_A^{αβ} at q = 0 per final flavour k
  private final double[][] vector; // {proton, neutron, m²}
  private final double[][] scalar; // {proton, neutron, m²}
  private final double magneticMeVm2;
  private final Ngi.Structure ngiScalar;
  private final Ngi.Structure ngiVector;
  private final Ngi.Structure ngiTensor;
  private final Ngi.Structure ngiAxial;
  private final Ngi.Couplings scalarOfFlavour; // the couplings of this flavour
  private final Ngi.Couplings vectorOfFlavour;
  private final Ngi.Couplings tensorOfFlavour;
  private final double ngiAxialAtZero; // ±√[(4/3)(J+1)/J] (ε_A^p ⟨S_p⟩ + ε_A^n ⟨S_n⟩)
  private final FormFactor ngiAxialFormFactor;
  private final double antiSign; // +1 for ν, −1 for ν̄
  private final double floorMeV;
  private final double radiusScaleFm;

  private NewPhysicsCevns(CevnsCrossSection sm, Flavor flavor, FormFactor fp, FormFactor fn, FormFactor fa,
      NewPhysics np, double floorMeV) {
    this.sm = sm;
    this.protonFormFactor = fp;
    this.neutronFormFactor = fn;
    this.axialFormFactor = fa;
    Isotope iso = sm.isotope();
    this.massMeV = sm.nuclearMassMeV();
    this.z = iso.z();
    this.n = iso.neutronNumber();
    this.gVp = sm.couplings().gVp();
    this.gVn = sm.couplings().gVn();
    this.ga0 = sm.axialCouplingAtZero();
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    this.prefactorMeV3 = gf * gf * massMeV / (2 * Math.PI);
    int a = PerFlavour.index(flavor);
    double radiusMeVm2 = np.chargeRadiusCm2().get(a) / PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    this.protonShift = 2 * np.nsiU().get(a, a) + np.nsiD().get(a, a)
        - NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2 * radiusMeVm2 / 6;
    this.neutronShift = np.nsiU().get(a, a) + 2 * np.nsiD().get(a, a);
    this.millichargeMeV2 = NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2 * np.millichargeE().get(a);
    this.changingProton = new double[2];
    this.changingNeutron = new double[2];
    this.changingNgi = new Ngi.Couplings[2][];
    this.changingAxialAtZero = new double[2];
    Ngi ngiAll = np.ngi();
    this.antiSign = flavor.isAnti() ? -1 : 1;
    double spin = iso.hasSpin() ? Math.sqrt(4.0 / 3.0 * (iso.nuclearSpin() + 1) / iso.nuclearSpin()) * antiSign : 0;
    int k = 0;
    for (int b = 0; b < 3; b++) {
      if (b != a) {
        changingProton[k] = 2 * np.nsiU().get(a, b) + np.nsiD().get(a, b);
        changingNeutron[k] = np.nsiU().get(a, b) + 2 * np.nsiD().get(a, b);
        Ngi.Couplings ax = ngiAll.axial().changing(a, b);
        changingAxialAtZero[k] = spin * (ax.p() * iso.protonSpinExpectation() + ax.n() * iso.neutronSpinExpectation());
        Ngi.Couplings[] c = {ngiAll.scalar().changing(a, b), ngiAll.vector().changing(a, b),
          ngiAll.tensor().changing(a, b)};
        boolean any = changingAxialAtZero[k] != 0;
        for (Ngi.Couplings x : c) {
          any |= x.p() != 0 || x.n() != 0;
        }
        changingNgi[k] = any ? c : null;
        k++;
      }
    }
    List<double[]> v = new ArrayList<>();
    List<double[]> s = new ArrayList<>();
    for (Mediator m : np.mediators()) {
      double m2 = m.massMeV() * m.massMeV();
      if (m.type() == Mediator.Type.VECTOR) {
        double c = m.gNu() * NewPhysicsConstants.MEDIATOR_OVER_WEAK_MEV2;
        v.add(new double[] {c * (2 * m.gU() + m.gD()), c * (m.gU() + 2 * m.gD()), m2});
      } else {
        s.add(new double[] {
          m.gNu() * (m.gU() * NewPhysicsConstants.PROTON_SCALAR_U + m.gD() * NewPhysicsConstants.PROTON_SCALAR_D),
          m.gNu() * (m.gU() * NewPhysicsConstants.NEUTRON_SCALAR_U + m.gD() * NewPhysicsConstants.NEUTRON_SCALAR_D),
          m2});
      }
    }
    this.vector = v.toArray(new double[0][]);
    this.scalar = s.toArray(new double[0][]);
    double mu = Math.sqrt(np.magneticMomentMuB().effectiveSquared(a)); // |μ_αα| exactly without transition moments
    this.magneticMeVm2 = NewPhysicsConstants.MAGNETIC_MEV_M2 * mu * mu * z * z;
    Ngi ngi = np.ngi();
    this.ngiScalar = ngi.scalar();
    this.ngiVector = ngi.vector();
    this.ngiTensor = ngi.tensor();
    this.ngiAxial = ngi.axial();
    this.scalarOfFlavour = ngiScalar.couplings(a);
    this.vectorOfFlavour = ngiVector.couplings(a);
    this.tensorOfFlavour = ngiTensor.couplings(a);
    Ngi.Couplings axial = ngiAxial.couplings(a);
    double axialSum = axial.p() * iso.protonSpinExpectation() + axial.n() * iso.neutronSpinExpectation();
    double j = iso.nuclearSpin();
    this.ngiAxialAtZero = iso.hasSpin() && axialSum != 0 ? Math.sqrt(4.0 / 3.0 * (j + 1) / j) * axialSum * antiSign : 0;
    this.ngiAxialFormFactor = fa != null ? fa : fp;
    this.floorMeV = np.needsRecoilFloor(flavor) ? floorMeV : 0.0;
    this.radiusScaleFm = Math.max(Math.max(fp.rmsRadiusFm(), fn.rmsRadiusFm()), 1.0);
  }

  /**
   * The model cross section.
   *
   * @param sm the Standard-Model cross section of this flavour and nuclide (its couplings, G_A and dσ/dT are used)
   * @param flavor the neutrino flavour (must be the one {@code sm} was made for)
   * @param protonFormFactor F_p used by {@code sm}
   * @param neutronFormFactor F_n used by {@code sm}
   * @param axialFormFactor F_A used by {@code sm} (ignored when G_A = 0; may then be null)
   * @param np the model point
   * @param recoilFloorMeV recoil floor in MeV, &gt; 0, applied when {@link NewPhysics#needsRecoilFloor} (μ_α or
   *     Q_α ≠ 0, light mediators)
   */
  public static NewPhysicsCevns of(CevnsCrossSection sm, Flavor flavor, FormFactor protonFormFactor,
      FormFactor neutronFormFactor, FormFactor axialFormFactor, NewPhysics np, double recoilFloorMeV) {
    if (sm == null || flavor == null || protonFormFactor == null || neutronFormFactor == null || np == null) {
      throw new IllegalArgumentException("new-physics CEvNS: sm, flavor, form factors and model must not be null");
    }
    if (sm.axialCouplingAtZero() != 0 && axialFormFactor == null) {
      throw new IllegalArgumentException("new-physics CEvNS: axial form factor required when G_A != 0");
    }
    if (!(recoilFloorMeV > 0) || Double.isInfinite(recoilFloorMeV)) {
      throw new IllegalArgumentException("new-physics CEvNS recoilFloorMeV: must be finite and > 0, got "
          + recoilFloorMeV);
    }
    return new NewPhysicsCevns(sm, flavor, protonFormFactor, neutronFormFactor, axialFormFactor, np,
        recoilFloorMeV);
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return sm.maxRecoilMeV(energyMeV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return sm.minEnergyMeV(recoilMeV);
  }

  @Override
  public double recoilFloorMeV() {
    return floorMeV;
  }

  @Override
  public boolean steepAtMinRecoil() {
    return floorMeV > 0;
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    double e = energyMeV;
    double t = recoilMeV;
    if (!(t >= floorMeV) || !(e > 0) || t > maxRecoilMeV(e)) {
      return 0;
    }
    double base = sm.xsCm2PerMeV(e, t);
    double q = Math.sqrt(2 * massMeV * t + t * t);
    double q2 = 2 * massMeV * t;
    double fp = protonFormFactor.value(q);
    double fn = neutronFormFactor.value(q);
    double proton = millichargeMeV2 == 0 ? protonShift : protonShift + millichargeMeV2 / q2; // Q ≠ 0: T ≥ floor > 0
    double neutron = neutronShift;
    for (double[] v : vector) {
      proton += v[0] / (q2 + v[2]);
      neutron += v[1] / (q2 + v[2]);
    }
    if (vectorOfFlavour.p() != 0 || vectorOfFlavour.n() != 0) {
      double prop = ngiVector.propagator(q2);
      proton += vectorOfFlavour.p() * prop;
      neutron += vectorOfFlavour.n() * prop;
    }
    double zp = z * fp;
    double nn = n * fn;
    double delta = zp * proton + nn * neutron;
    double oneMinusY = 1 - t / e;
    double k = 1 + oneMinusY * oneMinusY - massMeV * t / (e * e);
    double extra = 0;
    double deltaA = ngiAxialAtZero == 0 ? 0
        : ngiAxialAtZero * ngiAxialFormFactor.value(q) * ngiAxial.propagator(q2);
    if (delta != 0 || deltaA != 0) {
      double gv = z * gVp * fp + n * gVn * fn;
      double ga = ga0 == 0 ? 0 : ga0 * axialFormFactor.value(q);
      // B(G_V, G_A) = (G_V + G_A)² + (G_V − G_A)² (1 − y)² − (G_V² − G_A²) MT/E², expanded in the shifts δ, δ_A
      double r = massMeV * t / (e * e);
      double w = oneMinusY * oneMinusY;
      extra += (2 * gv * delta + delta * delta) * k + 2 * ga * delta * (1 - w)
          + (2 * ga * deltaA + deltaA * deltaA) * (1 + w + r) + 2 * (gv + delta) * deltaA * (1 - w);
    }
    for (int b = 0; b < 2; b++) {
      double d = zp * changingProton[b] + nn * changingNeutron[b];
      if (changingNgi[b] == null) {
        extra += d * d * k;
      } else {
        extra += changingNgi(b, d, zp, nn, q, q2, t / e, massMeV * t / (e * e));
      }
    }
    // NGI scalar and tensor (chirality-flipping: no interference with the vector and axial terms)
    double epsS = 0; // coherent scalar charge in units of G_F, ε_S = −s/(√2 G_F) for scalar mediators
    if (scalar.length > 0) {
      double s = 0;
      for (double[] c : scalar) {
        s += (zp * c[0] + nn * c[1]) / (q2 + c[2]);
      }
      epsS -= s * NewPhysicsConstants.MEDIATOR_OVER_WEAK_MEV2;
    }
    if (scalarOfFlavour.p() != 0 || scalarOfFlavour.n() != 0) {
      epsS += (zp * scalarOfFlavour.p() + nn * scalarOfFlavour.n()) * ngiScalar.propagator(q2);
    }
    double y = t / e;
    if (epsS != 0) {
      extra += epsS * epsS * massMeV * t / (e * e);
    }
    if (tensorOfFlavour.p() != 0 || tensorOfFlavour.n() != 0) {
      double epsT = (zp * tensorOfFlavour.p() + nn * tensorOfFlavour.n()) * ngiTensor.propagator(q2);
      extra += 4 * epsT * epsT * ((2 - y) * (2 - y) - massMeV * t / (e * e))
          - antiSign * 4 * epsS * epsT * y * (1 - y / 2);
    }
    extra *= prefactorMeV3;
    if (magneticMeVm2 != 0) {
      extra += magneticMeVm2 * fp * fp * (1 / t - 1 / e);
    }
    double total = base + extra * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    return total > 0 ? total : 0;
  }

  /**
   * The flavour-changing terms into final flavour {@code b} with NGI couplings: B(v, a) + the scalar and tensor
   * terms, v = {@code nsi} (the NSI charge δ_{αβ}) + ε_V^{αβ}, in units of P.
   */
  private double changingNgi(int b, double nsi, double zp, double nn, double q, double q2, double y, double r) {
    Ngi.Couplings[] c = changingNgi[b];
    double v = nsi + (zp * c[1].p() + nn * c[1].n()) * ngiVector.propagator(q2);
    double a = changingAxialAtZero[b] == 0 ? 0
        : changingAxialAtZero[b] * ngiAxialFormFactor.value(q) * ngiAxial.propagator(q2);
    double s = (zp * c[0].p() + nn * c[0].n()) * ngiScalar.propagator(q2);
    double tt = (zp * c[2].p() + nn * c[2].n()) * ngiTensor.propagator(q2);
    double w = (1 - y) * (1 - y);
    return (v + a) * (v + a) + (v - a) * (v - a) * w - (v * v - a * a) * r + s * s * r
        + 4 * tt * tt * ((2 - y) * (2 - y) - r) - antiSign * 4 * s * tt * y * (1 - y / 2);
  }

  /** σ(E) = ∫ dσ/dT from the floor to T_max, by Gauss–Legendre on decades of T (relative accuracy ~1e-9). */
  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    if (!(tMax > floorMeV)) {
      return 0;
    }
    double qMax = Math.sqrt(2 * massMeV * tMax + tMax * tMax);
    int panels = Math.max(4, (int) Math.ceil(qMax * radiusScaleFm / PhysicalConstants.HBARC_MEV_FM));
    return RecoilIntegral.integrate(t -> xsCm2PerMeV(energyMeV, t), floorMeV, tMax, panels);
  }

  /** The Standard-Model cross section this model modifies. */
  public CevnsCrossSection standardModel() {
    return sm;
  }

  @Override
  public String toString() {
    return "NewPhysicsCevns[" + sm + ", floor=" + floorMeV + " MeV]";
  }
}
