package org.cevns.physics.xs;

import org.cevns.physics.Flavor;
import org.cevns.physics.constants.PhysicalConstants;

/**
 * Neutral-current vector couplings of a neutrino to the proton and the neutron, as they enter the weak charge
 * Q_W = 2 [Z g_V^p F_p + N g_V^n F_n] of CEvNS. Non-standard interactions can be represented by passing shifted
 * values to the constructor (g_V^p + 2ε^u + ε^d, g_V^n + ε^u + 2ε^d).
 *
 * @param gVp proton vector coupling g_V^p
 * @param gVn neutron vector coupling g_V^n
 */
public record Couplings(double gVp, double gVn) {

  /** PDG ρ_νN (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_RHO = 1.0086;
  /** PDG κ_νN (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_KAPPA = 0.9978;
  /** PDG ŝ²_Z, MS-bar at the Z pole (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_SIN2_THETA_W_MZ = 0.23126;
  /** PDG λ_uL (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_LAMBDA_UL = -0.0031;
  /** PDG λ_dL (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_LAMBDA_DL = -0.0025;
  /** PDG λ_dR (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_LAMBDA_DR = 7.5e-5;
  /** PDG λ_uR = λ_dR/2 (PDG electroweak review, Erler &amp; Freitas). */
  public static final double PDG_LAMBDA_UR = PDG_LAMBDA_DR / 2;

  /** g_V^p without the neutrino charge-radius contribution (Erler &amp; Su, PPNP 71 (2013) 119). */
  public static final double CHARGE_RADIUS_BASE_GVP = 0.0184;
  /** g_V^n with radiative corrections (Erler &amp; Su 2013). */
  public static final double CHARGE_RADIUS_GVN = -0.5117;
  /** Charge-radius shift of g_V^p for ν_e (Erler &amp; Su, PPNP 71 (2013) 119; Giunti et al.). */
  public static final double CHARGE_RADIUS_SHIFT_E = 0.0197;
  /** Charge-radius shift of g_V^p for ν_μ (Erler &amp; Su, PPNP 71 (2013) 119; Giunti et al.). */
  public static final double CHARGE_RADIUS_SHIFT_MU = 0.0114;
  /** Charge-radius shift of g_V^p for ν_τ (Erler &amp; Su, PPNP 71 (2013) 119; Giunti et al.). */
  public static final double CHARGE_RADIUS_SHIFT_TAU = 0.0071;

  /** Validates that both couplings are finite. */
  public Couplings {
    if (!Double.isFinite(gVp) || !Double.isFinite(gVn)) {
      throw new IllegalArgumentException("couplings gVp, gVn: must be finite, got " + gVp + ", " + gVn);
    }
  }

  /**
   * Couplings of {@code scheme} for {@code flavor}.
   * <ul>
   *   <li>TREE: g_V^p = 1/2 − 2 s², g_V^n = −1/2 with s² = {@code sin2ThetaW} (0.02286 at the default
   *       0.23857).</li>
   *   <li>PDG: g_V^p = ρ(1/2 − 2κŝ²) + 2λ_uL + 2λ_uR + λ_dL + λ_dR − 2ρ(s² − s²₀) = 0.030279 at s² = s²₀,
   *       g_V^n = −ρ/2 + λ_uL + λ_uR + 2λ_dL + 2λ_dR = −0.512213, with the PDG constants above (ŝ² is the
   *       Z-pole value 0.23126; the running to low Q² sits in κ). s² = {@code sin2ThetaW} is the low-Q²
   *       weak mixing angle, s²₀ = {@link PhysicalConstants#SIN2_THETA_W_LOW_Q} its Standard-Model value: the
   *       radiative corrections are those of the Standard Model and a different s² shifts g_V^p as the tree-level
   *       term does (so a configured or fitted sin²θ_W means the same in every scheme); the result does not
   *       depend on the flavour.</li>
   *   <li>CHARGE_RADIUS: g_V^p = 0.0184 + δ_ℓ with δ_e = 0.0197, δ_μ = 0.0114, δ_τ = 0.0071 and
   *       g_V^n = −0.5117 (Erler &amp; Su 2013, as used by Cadeddu, Giunti et al., PRD 98 (2018) 113010).
   *       δ_ℓ = −(√2 π α / 3 G_F)⟨r²_νℓ⟩ with the Standard-Model charge radius
   *       ⟨r²_νℓ⟩ = −(G_F / 2√2π²)[3 − 2 ln(m_ℓ²/m_W²)] (−0.83, −0.48, −0.30 × 10⁻³² cm²), which reproduces
   *       the three shifts. Antineutrinos get the same shift as neutrinos: ⟨r²_ν̄⟩ = −⟨r²_ν⟩, but the ν̄
   *       neutral-current amplitude changes sign too, so the correction to g_V^p is identical (Cadeddu et al.
   *       2018). As for PDG, a {@code sin2ThetaW} away from s²₀ shifts g_V^p by −2(s² − s²₀).</li>
   * </ul>
   *
   * @param sin2ThetaW low-Q² weak mixing angle, in (0, 1)
   */
  public static Couplings of(CouplingScheme scheme, Flavor flavor, double sin2ThetaW) {
    if (scheme == null || flavor == null) {
      throw new IllegalArgumentException("couplings: scheme and flavor must not be null");
    }
    if (!(sin2ThetaW > 0 && sin2ThetaW < 1)) {
      throw new IllegalArgumentException("couplings sin2ThetaW: must be in (0, 1), got " + sin2ThetaW);
    }
    switch (scheme) {
      case TREE:
        return new Couplings(0.5 - 2 * sin2ThetaW, -0.5);
      case PDG:
        return new Couplings(
            PDG_RHO * (0.5 - 2 * PDG_KAPPA * PDG_SIN2_THETA_W_MZ) + 2 * PDG_LAMBDA_UL + 2 * PDG_LAMBDA_UR
                + PDG_LAMBDA_DL + PDG_LAMBDA_DR - 2 * PDG_RHO * (sin2ThetaW - PhysicalConstants.SIN2_THETA_W_LOW_Q),
            -PDG_RHO / 2 + PDG_LAMBDA_UL + PDG_LAMBDA_UR + 2 * PDG_LAMBDA_DL + 2 * PDG_LAMBDA_DR);
      case CHARGE_RADIUS:
        return new Couplings(CHARGE_RADIUS_BASE_GVP + chargeRadiusShift(flavor)
            - 2 * (sin2ThetaW - PhysicalConstants.SIN2_THETA_W_LOW_Q), CHARGE_RADIUS_GVN);
      default:
        throw new AssertionError(scheme);
    }
  }

  /** Tree-level couplings at sin²θ_W = {@code sin2ThetaW}. */
  public static Couplings tree(double sin2ThetaW) {
    return of(CouplingScheme.TREE, Flavor.NUMU, sin2ThetaW);
  }

  private static double chargeRadiusShift(Flavor flavor) {
    switch (flavor) {
      case NUE:
      case NUEBAR:
        return CHARGE_RADIUS_SHIFT_E;
      case NUMU:
      case NUMUBAR:
        return CHARGE_RADIUS_SHIFT_MU;
      case NUTAU:
      case NUTAUBAR:
        return CHARGE_RADIUS_SHIFT_TAU;
      default:
        throw new AssertionError(flavor);
    }
  }

  /** Weak charge Q_W = 2(Z g_V^p + N g_V^n) of a point nucleus (F = 1). */
  public double weakCharge(int z, int n) {
    return 2 * (z * gVp + n * gVn);
  }
}
