package org.cevns.detsim.response;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;

/**
 * Ionisation detector (e.g. HPGe point contact): Gaussian with the charge-statistics (Fano) and electronic
 * noise terms,
 *
 * <pre>
 *   σ² = σ_noise² + F · ε · E        (all in eV: ε pair-creation energy, F Fano factor)
 * </pre>
 *
 * (U. Fano, Phys. Rev. 72 (1947) 26; Knoll, Radiation Detection and Measurement, ch. 12). Ge: ε = 2.96 eV,
 * F ≈ 0.11, σ_noise of order 20–30 eVee for CONUS+-class detectors (CONUS+ setup, arXiv:2407.11912). The pair
 * number is
 * approximated as continuous (Gaussian); at the 160–210 eVee thresholds there are ≈ 55–70 pairs. Negative
 * observed energies are kept (see package documentation).
 */
public final class IonisationResponse implements EnergyResponse {
  /** Ge e–h pair creation energy in eV (Knoll, Radiation Detection and Measurement, ch. 12). */
  public static final double GERMANIUM_PAIR_ENERGY_EV = 2.96;
  /** Ge Fano factor (Knoll, Radiation Detection and Measurement, ch. 12). */
  public static final double GERMANIUM_FANO = 0.11;

  private final double pairEnergyEV;
  private final double fano;
  private final double noiseSigmaEVee;

  private IonisationResponse(double pairEnergyEV, double fano, double noiseSigmaEVee) {
    this.pairEnergyEV = pairEnergyEV;
    this.fano = fano;
    this.noiseSigmaEVee = noiseSigmaEVee;
  }

  /**
   * @param pairEnergyEV mean energy per electron-hole pair in eV, &gt; 0
   * @param fano Fano factor, &ge; 0
   * @param noiseSigmaEVee electronic noise σ in eVee, &ge; 0
   */
  public static IonisationResponse of(double pairEnergyEV, double fano, double noiseSigmaEVee) {
    return new IonisationResponse(
        Checks.positive("pairEnergyEV", pairEnergyEV),
        Checks.nonNegative("fano", fano),
        Checks.nonNegative("noiseSigmaEVee", noiseSigmaEVee));
  }

  /** HPGe with ε = 2.96 eV, F = 0.11 and the given noise σ in eVee. */
  public static IonisationResponse germanium(double noiseSigmaEVee) {
    return of(GERMANIUM_PAIR_ENERGY_EV, GERMANIUM_FANO, noiseSigmaEVee);
  }

  public double pairEnergyEV() {
    return pairEnergyEV;
  }

  public double fano() {
    return fano;
  }

  public double noiseSigmaEVee() {
    return noiseSigmaEVee;
  }

  @Override
  public Observation observe(double visibleKeVee, UniformRandomProvider rng) {
    double sigma = sigmaKeVee(visibleKeVee);
    return Observation.ofEnergy(visibleKeVee + sigma * ZigguratSampler.NormalizedGaussian.of(rng).sample());
  }

  @Override
  public double meanKeVee(double visibleKeVee) {
    return EnergyResponse.checkVisible(visibleKeVee);
  }

  @Override
  public double sigmaKeVee(double visibleKeVee) {
    double energyEV = EnergyResponse.checkVisible(visibleKeVee) * Units.EV_PER_KEV;
    double varianceEV2 = noiseSigmaEVee * noiseSigmaEVee + fano * pairEnergyEV * energyEV;
    return Math.sqrt(varianceEV2) / Units.EV_PER_KEV;
  }

  @Override
  public boolean countsPhotoelectrons() {
    return false;
  }

  @Override
  public String toString() {
    return "IonisationResponse(pair=" + pairEnergyEV + " eV, F=" + fano + ", noise=" + noiseSigmaEVee + " eV)";
  }
}
