package org.cevns.physics.source;

import org.cevns.physics.Checks;
import org.cevns.physics.constants.PhysicalConstants;

/**
 * Energy spectra of the neutrinos from μ⁺ → e⁺ ν_e ν̄_μ decay at rest (Michel spectra, electron mass and
 * radiative corrections neglected), normalised on 0 &lt; E &lt; m_μ/2 (Michel, Proc. Phys. Soc. A 63 (1950) 514):
 *
 * <pre>
 * ν_e:  f(E) = 96 E² (m_μ − 2E) / m_μ⁴     with x = 2E/m_μ: CDF 4x³ − 3x⁴, ⟨E⟩ = 0.30 m_μ ≈ 31.70 MeV
 * ν̄_μ: f(E) = 16 E² (3 m_μ − 4E) / m_μ⁴    with x = 2E/m_μ: CDF 2x³ −  x⁴, ⟨E⟩ = 0.35 m_μ ≈ 36.98 MeV
 * </pre>
 *
 * Both CDFs have the form c₃x³ + c₄x⁴ (density (3c₃x² + 4c₄x³)·2/m_μ, mean ⟨x⟩ = 3c₃/4 + 4c₄/5), which is
 * how this class holds them. Immutable.
 */
final class MichelSpectrum implements EnergySpectrum {
  /** Which neutrino of the decay. */
  public enum Species {
    /** ν_e: CDF 4x³ − 3x⁴. */
    NUE(4.0, -3.0),
    /** ν̄_μ: CDF 2x³ − x⁴. */
    NUMUBAR(2.0, -1.0);

    private final double c3;
    private final double c4;

    Species(double c3, double c4) {
      this.c3 = c3;
      this.c4 = c4;
    }
  }

  private final Species species;
  private final double muonMassMeV;

  private MichelSpectrum(Species species, double muonMassMeV) {
    this.species = species;
    this.muonMassMeV = muonMassMeV;
  }

  /** The ν_e spectrum for the PDG muon mass. */
  public static MichelSpectrum nue() {
    return of(Species.NUE, PhysicalConstants.MUON_MASS_MEV);
  }

  /** The ν̄_μ spectrum for the PDG muon mass. */
  public static MichelSpectrum numubar() {
    return of(Species.NUMUBAR, PhysicalConstants.MUON_MASS_MEV);
  }

  /** The spectrum of {@code species} for muon mass {@code muonMassMeV} (finite, &gt; 0). */
  public static MichelSpectrum of(Species species, double muonMassMeV) {
    Checks.notNull("species", species);
    return new MichelSpectrum(species, Checks.positive("muonMassMeV", muonMassMeV));
  }

  public Species species() {
    return species;
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
    double x = 2.0 * energyMeV / muonMassMeV;
    return x * x * (3.0 * species.c3 + 4.0 * species.c4 * x) * 2.0 / muonMassMeV;
  }

  /** Cumulative distribution c₃x³ + c₄x⁴ with x = 2E/m_μ, clipped to [0, 1]. */
  public double cdf(double energyMeV) {
    double x = Math.min(1.0, Math.max(0.0, 2.0 * energyMeV / muonMassMeV));
    return x * x * x * (species.c3 + species.c4 * x);
  }

  /** Mean energy (3c₃/4 + 4c₄/5)·m_μ/2 in MeV: 0.30 m_μ for ν_e, 0.35 m_μ for ν̄_μ. */
  public double meanEnergyMeV() {
    return (0.75 * species.c3 + 0.8 * species.c4) * 0.5 * muonMassMeV;
  }

  @Override
  public String toString() {
    return "MichelSpectrum[" + species + ", muonMassMeV=" + muonMassMeV + "]";
  }
}
