package org.cevns.detsim.background;

import java.util.Objects;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/**
 * Tritium-like β⁻ continuum (cosmogenic ³H in Ge: endpoint 18.6 keV), electron-equivalent
 * (keVee), uniform in time, same in ON and OFF. The ³H half-life (12.3 y) is long against a run, so the rate
 * is taken constant: N = R · m[kg] · t_live[d], R in counts/kg/day over the whole spectrum.
 */
public final class TritiumBackground implements BackgroundComponent {
  private final String name;
  private final BetaSpectrum spectrum;
  private final double countsPerKgPerDay;

  private TritiumBackground(String name, BetaSpectrum spectrum, double countsPerKgPerDay) {
    this.name = name;
    this.spectrum = spectrum;
    this.countsPerKgPerDay = countsPerKgPerDay;
  }

  /** Tritium (Q = 18.6 keV, Z_daughter = 2) with total rate {@code countsPerKgPerDay} &ge; 0. */
  public static TritiumBackground of(String name, double countsPerKgPerDay) {
    return of(name, BetaSpectrum.tritium(), countsPerKgPerDay);
  }

  /** Any allowed β continuum ("tritium-like") with total rate {@code countsPerKgPerDay} &ge; 0. */
  public static TritiumBackground of(String name, BetaSpectrum spectrum, double countsPerKgPerDay) {
    return new TritiumBackground(Checks.name("name", name), Objects.requireNonNull(spectrum, "spectrum"),
        Checks.nonNegative("countsPerKgPerDay", countsPerKgPerDay));
  }

  public double countsPerKgPerDay() {
    return countsPerKgPerDay;
  }

  @Override
  public String name() {
    return name;
  }

  /** Always {@link EnergyScale#ELECTRON_EQUIVALENT}. */
  @Override
  public EnergyScale energyScale() {
    return EnergyScale.ELECTRON_EQUIVALENT;
  }

  @Override
  public BackgroundSpectrum spectrum() {
    return spectrum;
  }

  @Override
  public double expectedCounts(BackgroundExposure exposure) {
    return countsPerKgPerDay * exposure.kgDays();
  }

  @Override
  public TimeProfile timeProfile(TimeFrame frame) {
    return UniformSpanTimeProfile.over(frame);
  }

  @Override
  public String toString() {
    return "TritiumBackground(" + name + ", " + countsPerKgPerDay + " /kg/d, " + spectrum + ")";
  }
}
