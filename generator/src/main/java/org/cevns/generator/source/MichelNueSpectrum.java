package org.cevns.generator.source;

import org.cevns.generator.constants.PhysicalConstants;

/**
 * Energy spectrum of the ν_e from μ⁺ → e⁺ ν_e ν̄_μ decay at rest (Michel spectrum, electron mass and
 * radiative corrections neglected), normalised on 0 &lt; E &lt; m_μ/2 (physics brief §4.1):
 *
 * <pre>f(E) = 96 E² (m_μ − 2E) / m_μ⁴</pre>
 *
 * <p>With x = 2E/m_μ: f dx = 12 x²(1 − x) dx, CDF 4x³ − 3x⁴, mean ⟨x⟩ = 3/5, i.e. ⟨E⟩ = 0.3 m_μ ≈ 31.70 MeV.
 * Immutable.
 */
public final class MichelNueSpectrum implements EnergySpectrum {
  private final double muonMassMeV;

  private MichelNueSpectrum(double muonMassMeV) {
    this.muonMassMeV = muonMassMeV;
  }

  /** The spectrum for the PDG muon mass {@link PhysicalConstants#MUON_MASS_MEV}. */
  public static MichelNueSpectrum of() {
    return of(PhysicalConstants.MUON_MASS_MEV);
  }

  /** The spectrum for muon mass {@code muonMassMeV} (finite, &gt; 0). */
  public static MichelNueSpectrum of(double muonMassMeV) {
    return new MichelNueSpectrum(Checks.positive("muonMassMeV", muonMassMeV));
  }

  /** Muon mass in MeV used by this spectrum. */
  public double muonMassMeV() {
    return muonMassMeV;
  }

  @Override
  public boolean isLine() {
    return false;
  }

  @Override
  public double minEnergyMeV() {
    return 0.0;
  }

  /** m_μ/2, the endpoint. */
  @Override
  public double maxEnergyMeV() {
    return 0.5 * muonMassMeV;
  }

  @Override
  public double densityPerMeV(double energyMeV) {
    if (!(energyMeV >= 0 && energyMeV <= maxEnergyMeV())) {
      return 0.0;
    }
    double m = muonMassMeV;
    return 96.0 * energyMeV * energyMeV * (m - 2.0 * energyMeV) / (m * m * m * m);
  }

  /** Cumulative distribution 4x³ − 3x⁴ with x = 2E/m_μ, clipped to [0, 1]. */
  public double cdf(double energyMeV) {
    double x = Math.min(1.0, Math.max(0.0, energyMeV / maxEnergyMeV()));
    return x * x * x * (4.0 - 3.0 * x);
  }

  /** Mean energy 0.3 m_μ in MeV. */
  public double meanEnergyMeV() {
    return 0.3 * muonMassMeV;
  }

  @Override
  public String toString() {
    return "MichelNueSpectrum[muonMassMeV=" + muonMassMeV + "]";
  }
}
