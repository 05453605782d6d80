package org.cevns.generator.source;

import org.cevns.generator.constants.PhysicalConstants;

/**
 * Energy spectrum of the ν̄_μ from μ⁺ → e⁺ ν_e ν̄_μ decay at rest (Michel spectrum, electron mass and
 * radiative corrections neglected), normalised on 0 &lt; E &lt; m_μ/2 (physics brief §4.1):
 *
 * <pre>f(E) = 16 E² (3 m_μ − 4E) / m_μ⁴</pre>
 *
 * <p>With x = 2E/m_μ: f dx = 2 x²(3 − 2x) dx, CDF 2x³ − x⁴, mean ⟨x⟩ = 7/10, i.e. ⟨E⟩ = 0.35 m_μ ≈ 36.98 MeV.
 * Immutable.
 */
public final class MichelNumubarSpectrum implements EnergySpectrum {
  private final double muonMassMeV;

  private MichelNumubarSpectrum(double muonMassMeV) {
    this.muonMassMeV = muonMassMeV;
  }

  /** The spectrum for the PDG muon mass {@link PhysicalConstants#MUON_MASS_MEV}. */
  public static MichelNumubarSpectrum of() {
    return of(PhysicalConstants.MUON_MASS_MEV);
  }

  /** The spectrum for muon mass {@code muonMassMeV} (finite, &gt; 0). */
  public static MichelNumubarSpectrum of(double muonMassMeV) {
    return new MichelNumubarSpectrum(Checks.positive("muonMassMeV", muonMassMeV));
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
    return 16.0 * energyMeV * energyMeV * (3.0 * m - 4.0 * energyMeV) / (m * m * m * m);
  }

  /** Cumulative distribution 2x³ − x⁴ with x = 2E/m_μ, clipped to [0, 1]. */
  public double cdf(double energyMeV) {
    double x = Math.min(1.0, Math.max(0.0, energyMeV / maxEnergyMeV()));
    return x * x * x * (2.0 - x);
  }

  /** Mean energy 0.35 m_μ in MeV. */
  public double meanEnergyMeV() {
    return 0.35 * muonMassMeV;
  }

  @Override
  public String toString() {
    return "MichelNumubarSpectrum[muonMassMeV=" + muonMassMeV + "]";
  }
}
