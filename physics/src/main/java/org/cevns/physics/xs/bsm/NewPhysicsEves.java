package org.cevns.physics.xs.bsm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.ShellBinding;
import org.cevns.physics.xs.EvesCrossSection;
import org.cevns.physics.xs.RecoilCrossSection;

/**
 * Neutrino–electron elastic scattering of one flavour on one atom under a {@link NewPhysics} point. Per free
 * electron, with Q² = 2 m_e T, y = T/E, P = 2 G_F² m_e/π and B(g_L, g_R) = g_L² + g_R² (1 − y)² − g_L g_R m_e T/E²
 * (the bracket of {@link EvesCrossSection}, g_L ↔ g_R for ν̄ already applied there):
 * <pre>
 *   dσ/dT = dσ/dT_SM + P [B(g_L + s/2, g_R + s/2) − B(g_L, g_R)]
 *         + P Σ_{β≠α} [B((v_β + a_β)/2, (v_β − a_β)/2) + (1/4)(the S, T, P bracket below with ε_X^{e,αβ})]
 *         + (P/4) [ε_S² (m_e T/E²)(1 + T/(2 m_e)) + 4 ε_T² ((2 − y)² − m_e T/E²) ∓ 4 ε_S ε_T y (1 − y/2)
 *                  + ε_P² y²/2]
 *         + (π α² μ_α² / m_e²)(1/T − 1/E)                  (μ_α² = Σ_β μ_αβ², transition moments included)
 *   B(g_L + s/2, g_R + s/2) → B(g_L + (s + a)/2, g_R + (s − a)/2)  with  a = ±ε_A^e P_A  (axial NGI; − for ν̄)
 *   s = ε^e_αα + ε_V^e P_V + Σ_Z′ g_ν g_e /(√2 G_F (Q² + m²)) − (2√2πα/G_F)(Q_α/Q² − ⟨r²_α⟩/6)
 *   ε_S = ε_S^e P_S − Σ_φ g_ν g_e / (√2 G_F (Q² + m_φ²)),   ε_T = ε_T^e P_T,   ε_P = ε_P^e P_P,
 *   P_X = m_X²/(Q² + m_X²) (1: contact),   ε_X^e the couplings of flavour α (ν and ν̄ share them)
 *   v_β = ε^e_αβ + ε_V^{e,αβ} P_V,   a_β = ±ε_A^{e,αβ} P_A   (flavour-changing NSI and NGI, final flavour β ≠ α)
 * </pre>
 * The flavour-changing terms (final flavour β ≠ α) have no Standard-Model amplitude to interfere with, also not
 * the charged current of ν_e: they are the pure terms of the diagonal ones, added incoherently over β (Lindner,
 * Rodejohann, Xu, JHEP 03 (2017) 097).
 * The pseudoscalar term ε_P² T²/2E² (electron density ē iγ⁵ e) has no interference with any other structure nor
 * with the Standard Model, and is the same for ν and ν̄ (Dirac traces of {@code scripts/ngi_traces.py}); it is a
 * factor T/2m_e/(1 + T/2m_e) of the scalar term at equal coupling, so it matters at T ≳ m_e.
 * s is the shift of the electron vector coupling g_V = g_L + g_R; the electromagnetic part has the opposite
 * sign to the proton's in {@link NewPhysicsCevns} (charge −1). The NGI couplings ε_X^e ({@link Ngi}, the
 * Lagrangian there with f = e) enter exactly as on a point Dirac nucleus with M → m_e: the recoil factors in
 * (P/4)[…] (P/4 = G_F² m_e/2π) are the exact tree-level ones, derived by Dirac traces in
 * {@code scripts/ngi_traces.py} (which checks them at m_e); the vector NGI on electrons is the vector NSI ε^{eV}.
 * The scalar term keeps the factor (1 + T/(2 m_e)) of the exact trace, also for scalar mediators: Cerdeño et al.
 * write g_ν² g_e² m_e² T/(4π E² (Q² + m²)²), its T ≪ m_e limit (EvES recoils reach MeV). Sources: NSI, Barranco, Miranda, Moura,
 * Valle, PRD 73 (2006) 113001; magnetic moment, Vogel &amp; Engel, PRD 39 (1989) 3378; millicharge and charge
 * radius, Kouzakov &amp; Studenikin, PRD 95 (2017) 055013 (the pure millicharge term is 2πα² Q²/(m_e T²) at
 * small T); light mediators, Cerdeño et al., JHEP 05 (2016) 118. Per atom the free-electron cross section is
 * multiplied by Z_eff(T) of the stepping approximation, exactly as in {@link EvesCrossSection} (envelope
 * Z × free, acceptance Z_eff/Z). Below the recoil floor ({@link NewPhysics#needsRecoilFloor}: μ_α or Q_α ≠ 0, light
 * mediators) dσ/dT is 0.
 */
public final class NewPhysicsEves implements RecoilCrossSection {
  private final EvesCrossSection sm;
  private final double gL;
  private final double gR;
  private final double prefactorMeV3;
  private final double shift;
  private final double millichargeMeV2;
  private final double[] changing;
  private final double[][] changingNgi; // [final flavour k] {scalar, vector, axial, tensor, pseudoscalar}; null: none
  private final double[][] vector; // {coefficient, m²}
  private final double[][] scalar; // {g_ν g_e, m²}
  private final double magneticMeVm2;
  private final Ngi.Structure ngiScalar;
  private final Ngi.Structure ngiVector;
  private final Ngi.Structure ngiAxial;
  private final Ngi.Structure ngiTensor;
  private final Ngi.Structure ngiPseudoscalar;
  private final double scalarE; // the electron couplings ε_X^e of this flavour
  private final double vectorE;
  private final double axialE;
  private final double tensorE;
  private final double pseudoscalarE;
  private final double antiSign; // +1 for ν, −1 for ν̄
  private final double floorMeV;
  /** Binding energies in MeV ascending and the electrons bound below each piece (stepping only). */
  private final double[] stepsMeV;

  private NewPhysicsEves(EvesCrossSection sm, Flavor flavor, NewPhysics np, double floorMeV) {
    this.sm = sm;
    this.gL = sm.gL();
    this.gR = sm.gR();
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    this.prefactorMeV3 = 2 * gf * gf * PhysicalConstants.ELECTRON_MASS_MEV / Math.PI;
    int a = PerFlavour.index(flavor);
    double radiusMeVm2 = np.chargeRadiusCm2().get(a) / PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    this.shift = np.nsiE().get(a, a) + NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2 * radiusMeVm2 / 6;
    this.millichargeMeV2 = -NewPhysicsConstants.PHOTON_OVER_WEAK_MEV2 * np.millichargeE().get(a);
    this.changing = new double[2];
    this.changingNgi = new double[2][];
    int k = 0;
    for (int b = 0; b < 3; b++) {
      if (b != a) {
        Ngi x = np.ngi();
        double[] c = {x.scalar().changing(a, b).e(), x.vector().changing(a, b).e(), x.axial().changing(a, b).e(),
          x.tensor().changing(a, b).e(), x.pseudoscalar().changing(a, b).e()};
        changingNgi[k] = Arrays.stream(c).anyMatch(v -> v != 0) ? c : null;
        changing[k++] = np.nsiE().get(a, b);
      }
    }
    List<double[]> v = new ArrayList<>();
    List<double[]> s = new ArrayList<>();
    for (Mediator m : np.mediators()) {
      double m2 = m.massMeV() * m.massMeV();
      if (m.type() == Mediator.Type.VECTOR) {
        v.add(new double[] {m.gNu() * m.gE() * NewPhysicsConstants.MEDIATOR_OVER_WEAK_MEV2, m2});
      } else {
        s.add(new double[] {m.gNu() * m.gE(), m2});
      }
    }
    this.vector = v.toArray(new double[0][]);
    this.scalar = s.toArray(new double[0][]);
    double mu = Math.sqrt(np.magneticMomentMuB().effectiveSquared(a)); // |μ_αα| exactly without transition moments
    this.magneticMeVm2 = NewPhysicsConstants.MAGNETIC_MEV_M2 * mu * mu;
    Ngi ngi = np.ngi();
    this.ngiScalar = ngi.scalar();
    this.ngiVector = ngi.vector();
    this.ngiAxial = ngi.axial();
    this.ngiTensor = ngi.tensor();
    this.ngiPseudoscalar = ngi.pseudoscalar();
    this.scalarE = ngiScalar.couplings(a).e();
    this.vectorE = ngiVector.couplings(a).e();
    this.axialE = ngiAxial.couplings(a).e();
    this.tensorE = ngiTensor.couplings(a).e();
    this.pseudoscalarE = ngiPseudoscalar.couplings(a).e();
    this.antiSign = flavor.isAnti() ? -1 : 1;
    this.floorMeV = np.needsRecoilFloor(flavor) ? floorMeV : 0.0;
    if (sm.stepping()) {
      ShellBinding shells = ShellBinding.of(sm.z());
      double[] b = new double[shells.shellCount()];
      for (int i = 0; i < b.length; i++) {
        b[i] = shells.bindingKeV(i) / Units.KEV_PER_MEV;
      }
      Arrays.sort(b);
      this.stepsMeV = b;
    } else {
      this.stepsMeV = new double[0];
    }
  }

  /**
   * The model cross section.
   *
   * @param sm the Standard-Model EvES cross section of this flavour and atom
   * @param flavor its flavour
   * @param np the model point
   * @param recoilFloorMeV recoil floor in MeV, &gt; 0, applied when {@link NewPhysics#needsRecoilFloor} (μ_α or
   *     Q_α ≠ 0, light mediators)
   */
  public static NewPhysicsEves of(EvesCrossSection sm, Flavor flavor, NewPhysics np, double recoilFloorMeV) {
    if (sm == null || flavor == null || np == null) {
      throw new IllegalArgumentException("new-physics EvES: sm, flavor and model must not be null");
    }
    if (flavor != sm.flavor()) {
      throw new IllegalArgumentException("new-physics EvES: flavor " + flavor + " differs from the SM's " + sm.flavor());
    }
    if (!(recoilFloorMeV > 0) || Double.isInfinite(recoilFloorMeV)) {
      throw new IllegalArgumentException("new-physics EvES recoilFloorMeV: must be finite and > 0, got "
          + recoilFloorMeV);
    }
    return new NewPhysicsEves(sm, flavor, np, recoilFloorMeV);
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

  /** Free-electron dσ/dT under the model, cm²/MeV per electron; 0 below the floor and above T_max. */
  public double freeElectronXsCm2PerMeV(double energyMeV, double recoilMeV) {
    double e = energyMeV;
    double t = recoilMeV;
    if (!(t >= floorMeV) || !(e > 0) || t > maxRecoilMeV(e)) {
      return 0;
    }
    double base = sm.freeElectronXsCm2PerMeV(e, t);
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    double q2 = 2 * me * t;
    double s = millichargeMeV2 == 0 ? shift : shift + millichargeMeV2 / q2; // Q ≠ 0: T ≥ floor > 0
    for (double[] v : vector) {
      s += v[0] / (q2 + v[1]);
    }
    if (vectorE != 0) {
      s += vectorE * ngiVector.propagator(q2);
    }
    double a = axialE == 0 ? 0 : antiSign * axialE * ngiAxial.propagator(q2);
    double oneMinusY = 1 - t / e;
    double r = me * t / (e * e);
    double extra = 0;
    if (s != 0 || a != 0) {
      double l = gL + (s + a) / 2;
      double rr = gR + (s - a) / 2;
      extra += bracket(l, rr, oneMinusY, r) - bracket(gL, gR, oneMinusY, r);
    }
    for (int k = 0; k < 2; k++) {
      double[] c = changingNgi[k];
      if (c == null) {
        extra += bracket(changing[k] / 2, changing[k] / 2, oneMinusY, r);
        continue;
      }
      double v = changing[k] + c[1] * ngiVector.propagator(q2);
      double ax = antiSign * c[2] * ngiAxial.propagator(q2);
      extra += bracket((v + ax) / 2, (v - ax) / 2, oneMinusY, r) + flip(c[0] * ngiScalar.propagator(q2),
          c[3] * ngiTensor.propagator(q2), c[4] * ngiPseudoscalar.propagator(q2), t, e) / 4;
    }
    // scalar and tensor (chirality-flipping: no interference with the vector and axial terms); in units of G_F
    double epsS = scalarE == 0 ? 0 : scalarE * ngiScalar.propagator(q2);
    for (double[] c : scalar) {
      epsS -= c[0] / (q2 + c[1]) * NewPhysicsConstants.MEDIATOR_OVER_WEAK_MEV2;
    }
    double y = t / e;
    double flip = 0;
    if (epsS != 0) {
      flip += epsS * epsS * r * (1 + t / (2 * me));
    }
    if (tensorE != 0) {
      double epsT = tensorE * ngiTensor.propagator(q2);
      flip += 4 * epsT * epsT * ((2 - y) * (2 - y) - r) - antiSign * 4 * epsS * epsT * y * (1 - y / 2);
    }
    if (pseudoscalarE != 0) {
      double epsP = pseudoscalarE * ngiPseudoscalar.propagator(q2);
      flip += epsP * epsP * y * y / 2; // ε_P² T²/2E², no interference with S, V, A, T (ngi_traces.py)
    }
    extra += flip / 4; // P/4 = G_F² m_e/2π, the prefactor of the Dirac-trace forms
    extra *= prefactorMeV3;
    if (magneticMeVm2 != 0) {
      extra += magneticMeVm2 * (1 / t - 1 / e);
    }
    double total = base + extra * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    return total > 0 ? total : 0;
  }

  /** The chirality-flipping bracket of the scalar, tensor and pseudoscalar charges (in units of G_F). */
  private double flip(double epsS, double epsT, double epsP, double t, double e) {
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    double y = t / e;
    double r = me * t / (e * e);
    return epsS * epsS * r * (1 + t / (2 * me)) + 4 * epsT * epsT * ((2 - y) * (2 - y) - r)
        - antiSign * 4 * epsS * epsT * y * (1 - y / 2) + epsP * epsP * y * y / 2;
  }

  private static double bracket(double l, double r, double oneMinusY, double meTOverE2) {
    return l * l + r * r * oneMinusY * oneMinusY - l * r * meTOverE2;
  }

  @Override
  public double envelopeXsCm2PerMeV(double energyMeV, double recoilMeV) {
    return sm.z() * freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
  }

  @Override
  public double acceptance(double recoilMeV) {
    return sm.acceptance(recoilMeV);
  }

  @Override
  public boolean hasAcceptance() {
    return sm.hasAcceptance();
  }

  @Override
  public boolean acceptanceNonDecreasing() {
    return sm.acceptanceNonDecreasing();
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    double free = freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
    return free == 0 ? 0 : free * sm.electronsBoundBelowMeV(recoilMeV);
  }

  /**
   * dσ/dT at the fixed recoil T with Z_eff(T) found once; 0 for every E below the lowest binding energy. The same
   * doubles as {@link #xsCm2PerMeV}.
   */
  @Override
  public java.util.function.DoubleUnaryOperator atRecoilMeV(double recoilMeV) {
    int zEff = sm.electronsBoundBelowMeV(recoilMeV);
    if (zEff == 0) {
      return energyMeV -> 0;
    }
    return energyMeV -> {
      double free = freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
      return free == 0 ? 0 : free * zEff;
    };
  }

  /**
   * dσ/dT per atom at the fixed recoil T as c₀ + c₁/E + c₂/E² for E ≥ E_min(T): every term of
   * {@link #freeElectronXsCm2PerMeV} is such a polynomial at fixed T (the brackets B and the scalar/tensor/pseudoscalar
   * one in y = T/E and m_e T/E², the magnetic 1/T − 1/E; the couplings' propagators and the floor depend on
   * Q² = 2 m_e T only), and is ≥ 0 there (B ≥ 0 for real couplings, as for {@link EvesCrossSection}; the others are
   * squares or 1/T − 1/E), so the clip at 0 only rounds. The coefficients are those of the quadratic in 1/E through its
   * values at E = 2, 4 and 8 E_min(T) (inside the kinematic range, away from the end point's rounding): exact up to
   * rounding, amplified at most ~30× over [0, 1/E_min] by the extrapolation. {0, 0, 0} where dσ/dT is 0 for every E
   * (below the floor or the lowest binding energy).
   */
  @Override
  public double[] inverseEnergyCoefficients(double recoilMeV) {
    int zEff = recoilMeV > 0 ? sm.electronsBoundBelowMeV(recoilMeV) : 0;
    double eMin = minEnergyMeV(recoilMeV);
    if (zEff == 0 || !(recoilMeV >= floorMeV) || !(eMin > 0) || Double.isInfinite(eMin)) {
      return new double[3];
    }
    double[] u = {0.5 / eMin, 0.25 / eMin, 0.125 / eMin};
    double[] f = new double[3];
    for (int i = 0; i < 3; i++) {
      f[i] = zEff * freeElectronXsCm2PerMeV(1 / u[i], recoilMeV);
    }
    // Newton's divided differences, then the monomial coefficients of f(u) = c₀ + c₁ u + c₂ u²
    double d01 = (f[1] - f[0]) / (u[1] - u[0]);
    double d12 = (f[2] - f[1]) / (u[2] - u[1]);
    double c2 = (d12 - d01) / (u[2] - u[0]);
    double c1 = d01 - c2 * (u[0] + u[1]);
    double c0 = f[0] - u[0] * (c1 + c2 * u[0]);
    return new double[] {c0, c1, c2};
  }

  /** σ(E) per atom: ∫ from the floor to T_max, split at the shell binding energies (Z_eff constant between). */
  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    if (!(tMax > floorMeV)) {
      return 0;
    }
    double sum = 0;
    double lo = floorMeV;
    for (int i = 0; i <= stepsMeV.length; i++) {
      double hi = i < stepsMeV.length ? Math.min(tMax, stepsMeV[i]) : tMax;
      if (hi > lo) {
        int zEff = sm.electronsBoundBelowMeV(0.5 * (lo + hi));
        if (zEff > 0) {
          sum += zEff * RecoilIntegral.integrate(t -> freeElectronXsCm2PerMeV(energyMeV, t), lo, hi, 4);
        }
        lo = hi;
      }
    }
    return sum;
  }

  /** The Standard-Model cross section this model modifies. */
  public EvesCrossSection standardModel() {
    return sm;
  }

  @Override
  public String toString() {
    return "NewPhysicsEves[" + sm + ", floor=" + floorMeV + " MeV]";
  }
}
