package org.cevns.physics.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.xs.GaussLegendre;

/**
 * ν̄_e spectrum of one allowed β⁻ branch of endpoint (kinetic) energy Q to a daughter of charge Z:
 * <pre>
 *   dN/dE_ν ∝ E_ν² · p_e W_e · F(Z, W_e),   W_e = Q − E_ν + m_e,   p_e = √(W_e² − m_e²),   0 &lt; E_ν &lt; Q
 * </pre>
 * with the non-relativistic Fermi function F = 2πη/(1 − e^{−2πη}), η = αZ W_e/p_e. The non-relativistic
 * F underestimates the Coulomb enhancement of slow electrons for heavy daughters (Z ≈ 93), i.e. it puts
 * slightly too few ν̄ near the endpoint; a documented approximation, used for the ²³⁹U/²³⁹Np capture ν̄ of
 * {@link ReactorSource}. Normalised numerically ({@value #PANELS} equal panels of 16-point Gauss–Legendre in
 * u = √(Q − E); SpectrumNormalisationTest checks it against an adaptive Gauss–Legendre integral to 1e-10, and
 * the ²³⁹U and ²³⁹Np branches to 1e-13). Immutable; {@link #of} returns the same instance for the same arguments.
 */
public final class BetaDecaySpectrum implements EnergySpectrum {
  /**
   * Equal 16-point Gauss–Legendre panels over u = √(Q − E) ∈ [0, √Q] for the normalisation: p_e = u √(u² + 2m_e)
   * is smooth in u, and the Fermi function's p-dependence beyond p·F → 2παZW is exp(−2παZW/p), flat to all orders.
   */
  static final int PANELS = 16;

  private static final Map<String, BetaDecaySpectrum> MADE = new ConcurrentHashMap<>();

  private final double endpointMeV;
  private final int daughterZ;
  private final double norm;

  private BetaDecaySpectrum(double endpointMeV, int daughterZ) {
    this.endpointMeV = endpointMeV;
    this.daughterZ = daughterZ;
    // in u = √(Q − E) (E = Q − u², dE = 2u du) the √(Q − E) of p_e near the endpoint becomes smooth
    this.norm = GaussLegendre.integrate(u -> 2 * u * unnormalised(endpointMeV - u * u), 0, Math.sqrt(endpointMeV),
        PANELS);
  }

  /** Allowed branch of endpoint {@code endpointMeV} (&gt; 0) to a daughter of charge {@code daughterZ} (≥ 1). */
  public static BetaDecaySpectrum of(double endpointMeV, int daughterZ) {
    Checks.positive("endpointMeV", endpointMeV);
    if (daughterZ < 1 || daughterZ > 120) {
      throw new IllegalArgumentException("daughterZ: must be in [1, 120], got " + daughterZ);
    }
    return MADE.computeIfAbsent(Double.doubleToLongBits(endpointMeV) + "/" + daughterZ,
        k -> new BetaDecaySpectrum(endpointMeV, daughterZ));
  }

  private double unnormalised(double energyMeV) {
    return allowedNeutrinoDensity(energyMeV, endpointMeV, daughterZ);
  }

  /**
   * Unnormalised allowed density of the (anti)neutrino energy {@code energyMeV} of a β decay of endpoint
   * {@code endpointMeV}: E² p W F(Z, W) with the charged lepton's total energy W = Q − E + m_e and the
   * non-relativistic Fermi function F = 2πη/(1 − e^{−2πη}), η = Z α W/p; 0 outside (0, Q).
   *
   * @param signedDaughterZ the daughter's Z for β⁻ decays, −Z for β⁺ (the positron is repelled)
   */
  static double allowedNeutrinoDensity(double energyMeV, double endpointMeV, int signedDaughterZ) {
    if (!(energyMeV > 0 && energyMeV < endpointMeV)) {
      return 0;
    }
    double me = PhysicalConstants.ELECTRON_MASS_MEV;
    double w = endpointMeV - energyMeV + me;
    double p = Math.sqrt(w * w - me * me);
    double twoPiEta = 2 * Math.PI * PhysicalConstants.FINE_STRUCTURE_CONSTANT * signedDaughterZ * w / p;
    double fermi = twoPiEta / (1 - Math.exp(-twoPiEta));
    return energyMeV * energyMeV * p * w * fermi;
  }

  @Override
  public boolean isLine() {
    return false;
  }

  @Override
  public double minEnergyMeV() {
    return 0;
  }

  @Override
  public double maxEnergyMeV() {
    return endpointMeV;
  }

  @Override
  public double densityPerMeV(double energyMeV) {
    return unnormalised(energyMeV) / norm;
  }

  /** Endpoint Q in MeV. */
  public double endpointMeV() {
    return endpointMeV;
  }

  @Override
  public String toString() {
    return "BetaDecaySpectrum[Q=" + endpointMeV + " MeV, Z=" + daughterZ + "]";
  }
}
