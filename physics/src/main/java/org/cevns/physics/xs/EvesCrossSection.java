package org.cevns.physics.xs;

import java.util.Arrays;
import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.ShellBinding;

/**
 * Elastic neutrino–electron scattering on all electrons of one atom (Marciano &amp; Parsa, J. Phys. G 29 (2003)
 * 2629). Per free electron at rest
 * ('t Hooft 1971; Vogel &amp; Engel, PRD 39 (1989) 3378):
 * <pre>
 *   dσ/dT = (2 G_F² m_e / π) [ g_L² + g_R² (1 − T/E)² − g_L g_R m_e T / E² ],  T_max = 2E²/(m_e + 2E)
 *   ν_e: g_L = 1/2 + s², g_R = s² (charged + neutral current);  ν_μ, ν_τ: g_L = −1/2 + s², g_R = s²;
 *   antineutrinos: g_L ↔ g_R.
 * </pre>
 * Per atom, the stepping approximation (Kopeikin et al. 1997; Chen et al., PLB 731 (2014) 159) counts only the
 * electrons whose binding energy B is below T: dσ/dT = free dσ/dT × Z_eff(T), Z_eff(T) = Σ_{shells, B &lt; T} n.
 * For sampling this is split into the smooth envelope Z × free dσ/dT and the step acceptance Z_eff(T)/Z;
 * without stepping the acceptance is 1 (Z free electrons). Binding energies from {@link ShellBinding}.
 */
public final class EvesCrossSection implements RecoilCrossSection {

  private final int z;
  private final Flavor flavor;
  private final double gL;
  private final double gR;
  private final boolean stepping;
  private final double prefactorCm2PerMeV;
  /** Binding energies in MeV, ascending (stepping only). */
  private final double[] thresholdsMeV;
  /** cumulativeElectrons[k] = electrons with binding below thresholdsMeV[k]'s successor, i.e. bound by the first k thresholds. */
  private final int[] cumulativeElectrons;

  private EvesCrossSection(int z, Flavor flavor, double sin2ThetaW, boolean stepping) {
    this.z = z;
    this.flavor = flavor;
    double left = (flavor.isElectronFlavor() ? 0.5 : -0.5) + sin2ThetaW;
    double right = sin2ThetaW;
    this.gL = flavor.isAnti() ? right : left;
    this.gR = flavor.isAnti() ? left : right;
    this.stepping = stepping;
    double gf = PhysicalConstants.FERMI_CONSTANT_PER_MEV2;
    this.prefactorCm2PerMeV = 2 * gf * gf * PhysicalConstants.ELECTRON_MASS_MEV / Math.PI
        * PhysicalConstants.HBARC_SQUARED_MEV2_CM2;
    if (stepping) {
      ShellBinding shells = ShellBinding.of(z);
      int n = shells.shellCount();
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(shells.bindingKeV(a), shells.bindingKeV(b)));
      thresholdsMeV = new double[n];
      cumulativeElectrons = new int[n + 1];
      for (int k = 0; k < n; k++) {
        thresholdsMeV[k] = shells.bindingKeV(order[k]) / Units.KEV_PER_MEV;
        cumulativeElectrons[k + 1] = cumulativeElectrons[k] + shells.electrons(order[k]);
      }
    } else {
      thresholdsMeV = new double[0];
      cumulativeElectrons = new int[] {z};
    }
  }

  /**
   * EvES on an atom of proton number {@code z}.
   *
   * @param sin2ThetaW weak mixing angle in (0, 1)
   * @param stepping   apply the shell-binding stepping approximation (requires {@link ShellBinding} data for z)
   */
  public static EvesCrossSection of(int z, Flavor flavor, double sin2ThetaW, boolean stepping) {
    if (z < 1) {
      throw new IllegalArgumentException("EvES cross section z: must be >= 1, got " + z);
    }
    if (flavor == null) {
      throw new IllegalArgumentException("EvES cross section flavor: must not be null");
    }
    if (!(sin2ThetaW > 0 && sin2ThetaW < 1)) {
      throw new IllegalArgumentException("EvES cross section sin2ThetaW: must be in (0, 1), got " + sin2ThetaW);
    }
    return new EvesCrossSection(z, flavor, sin2ThetaW, stepping);
  }

  @Override
  public double maxRecoilMeV(double energyMeV) {
    return Kinematics.maxRecoilMeV(energyMeV, PhysicalConstants.ELECTRON_MASS_MEV);
  }

  @Override
  public double minEnergyMeV(double recoilMeV) {
    return Kinematics.minEnergyMeV(recoilMeV, PhysicalConstants.ELECTRON_MASS_MEV);
  }

  /** Free-electron dσ/dT in cm²/MeV per electron; 0 outside 0 ≤ T ≤ T_max. */
  public double freeElectronXsCm2PerMeV(double energyMeV, double recoilMeV) {
    double e = energyMeV;
    double t = recoilMeV;
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    if (!(t >= 0) || !(e > 0) || t > 2 * e * e / (me + 2 * e)) {
      return 0;
    }
    double oneMinusY = 1 - t / e;
    double bracket = gL * gL + gR * gR * oneMinusY * oneMinusY - gL * gR * me * t / (e * e);
    return bracket > 0 ? prefactorCm2PerMeV * bracket : 0;
  }

  @Override
  public double envelopeXsCm2PerMeV(double energyMeV, double recoilMeV) {
    return z * freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
  }

  @Override
  public double acceptance(double recoilMeV) {
    if (!stepping) {
      return 1.0;
    }
    return (double) electronsBoundBelowMeV(recoilMeV) / z;
  }

  @Override
  public boolean hasAcceptance() {
    return stepping;
  }

  /** Z_eff(T)/Z counts the shells bound below T, so it only grows with T. */
  @Override
  public boolean acceptanceNonDecreasing() {
    return true;
  }

  @Override
  public double xsCm2PerMeV(double energyMeV, double recoilMeV) {
    double free = freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
    return free == 0 ? 0 : free * (stepping ? electronsBoundBelowMeV(recoilMeV) : z);
  }

  /**
   * dσ/dT at the fixed recoil T with Z_eff(T) found once (not by a search at every neutrino energy of a g(T)
   * integral); 0 for every E below the lowest binding energy. The same doubles as {@link #xsCm2PerMeV}.
   */
  @Override
  public java.util.function.DoubleUnaryOperator atRecoilMeV(double recoilMeV) {
    int zEff = electronsBoundBelowMeV(recoilMeV);
    if (zEff == 0) {
      return energyMeV -> 0;
    }
    return energyMeV -> {
      double free = freeElectronXsCm2PerMeV(energyMeV, recoilMeV);
      return free == 0 ? 0 : free * zEff;
    };
  }

  /**
   * dσ/dT per atom at the fixed recoil T as c₀ + c₁/E + c₂/E² (E ≥ E_min(T)): the bracket expanded,
   * Z_eff(T) P [(g_L² + g_R²) − 2 g_R² T/E + (g_R² T² − g_L g_R m_e T)/E²]. The bracket is ≥ 0 for every E ≥ E_min(T)
   * (a convex quadratic in T, ≥ 0 at T = 0 and, as (g_L − g_R m_e/(m_e + 2E))², at T_max; decreasing up to T_max
   * when g_L g_R &gt; 0 and a sum of non-negative terms otherwise), so {@link #xsCm2PerMeV}'s clip at 0 only
   * rounds. {0, 0, 0} below the lowest binding energy (stepping) and for T ≤ 0.
   */
  @Override
  public double[] inverseEnergyCoefficients(double recoilMeV) {
    double t = recoilMeV;
    int zEff = t > 0 ? electronsBoundBelowMeV(t) : 0;
    double p = prefactorCm2PerMeV * zEff;
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    return new double[] {p * (gL * gL + gR * gR), -p * 2 * gR * gR * t, p * (gR * gR * t * t - gL * gR * me * t)};
  }

  /** Z_eff(T): electrons with binding energy strictly below {@code recoilMeV} (Z without stepping). */
  public int electronsBoundBelowMeV(double recoilMeV) {
    if (!stepping) {
      return z;
    }
    int k = Arrays.binarySearch(thresholdsMeV, recoilMeV);
    int below = k >= 0 ? firstIndexOf(k) : -k - 1;
    return cumulativeElectrons[below];
  }

  private int firstIndexOf(int k) {
    while (k > 0 && thresholdsMeV[k - 1] == thresholdsMeV[k]) {
      k--;
    }
    return k;
  }

  /**
   * σ(E) per atom, exact: the free-electron dσ/dT is a quadratic polynomial in T, integrated analytically from
   * each shell's binding energy (or 0 without stepping) to T_max.
   */
  @Override
  public double totalXsCm2(double energyMeV) {
    double tMax = maxRecoilMeV(energyMeV);
    if (!(tMax > 0)) {
      return 0;
    }
    double upper = freeIntegral(energyMeV, tMax);
    if (!stepping) {
      return z * upper;
    }
    double sum = 0;
    for (int k = 0; k < thresholdsMeV.length; k++) {
      if (thresholdsMeV[k] < tMax) {
        sum += (cumulativeElectrons[k + 1] - cumulativeElectrons[k]) * (upper - freeIntegral(energyMeV, thresholdsMeV[k]));
      }
    }
    return sum;
  }

  /** ∫₀^T free dσ/dT dT' = pref [g_L² T + g_R² T (1 − y + y²/3) − g_L g_R m_e T²/(2E²)], y = T/E. */
  private double freeIntegral(double energyMeV, double recoilMeV) {
    double t = recoilMeV;
    double y = t / energyMeV;
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    return prefactorCm2PerMeV * (gL * gL * t + gR * gR * t * (1 - y + y * y / 3)
        - gL * gR * me * t * t / (2 * energyMeV * energyMeV));
  }

  /** Proton number of the atom. */
  public int z() {
    return z;
  }

  /** Neutrino flavour. */
  public Flavor flavor() {
    return flavor;
  }

  /** Left-handed coupling g_L used (after the ν̄ swap). */
  public double gL() {
    return gL;
  }

  /** Right-handed coupling g_R used (after the ν̄ swap). */
  public double gR() {
    return gR;
  }

  /** True when the stepping approximation is applied. */
  public boolean stepping() {
    return stepping;
  }

  @Override
  public String toString() {
    return "EvES[Z=" + z + ", " + flavor.columnName() + ", gL=" + gL + ", gR=" + gR + ", stepping=" + stepping + "]";
  }
}
