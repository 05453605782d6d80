package org.cevns.detsim.background;

import java.util.Objects;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/**
 * Steady-state background (cosmic rays, radioactivity): constant rate, uniform in time over the frame, the
 * same in ON and OFF periods. Expected counts:
 *
 * <pre>
 *   N = R · m[kg] · t_live[d]      (R in counts/kg/day over the whole spectrum)
 * </pre>
 *
 * A differential rate r in counts/keV/kg/day ({@link #perKeV}) means the mean over the spectrum's range:
 * R = r · (max − min) (exact for a flat spectrum). The scale is chosen per component: keVee for γ/β
 * backgrounds, keVnr for rates quoted on the recoil scale (e.g. the ESS projections).
 */
public final class SteadyStateBackground implements BackgroundComponent {
  private final String name;
  private final BackgroundSpectrum spectrum;
  private final EnergyScale scale;
  private final double countsPerKgPerDay;

  private SteadyStateBackground(
      String name, BackgroundSpectrum spectrum, EnergyScale scale, double countsPerKgPerDay) {
    this.name = name;
    this.spectrum = spectrum;
    this.scale = scale;
    this.countsPerKgPerDay = countsPerKgPerDay;
  }

  /**
   * @param name component name, non-blank
   * @param spectrum energy distribution on {@code scale}
   * @param scale keVee or keVnr
   * @param countsPerKgPerDay total rate over the spectrum in counts/kg/day, &ge; 0
   */
  public static SteadyStateBackground of(
      String name, BackgroundSpectrum spectrum, EnergyScale scale, double countsPerKgPerDay) {
    return new SteadyStateBackground(
        Checks.name("name", name),
        Objects.requireNonNull(spectrum, "spectrum"),
        Objects.requireNonNull(scale, "scale"),
        Checks.nonNegative("countsPerKgPerDay", countsPerKgPerDay));
  }

  /**
   * @param countsPerKeVPerKgPerDay mean differential rate over the spectrum's finite, non-line range, &ge; 0
   */
  public static SteadyStateBackground perKeV(
      String name, BackgroundSpectrum spectrum, EnergyScale scale, double countsPerKeVPerKgPerDay) {
    Objects.requireNonNull(spectrum, "spectrum");
    double width = spectrum.maxKeV() - spectrum.minKeV();
    if (spectrum.isLine() || !Double.isFinite(width)) {
      throw Checks.fail("spectrum", "a finite energy range for a rate per keV", spectrum);
    }
    Checks.nonNegative("countsPerKeVPerKgPerDay", countsPerKeVPerKgPerDay);
    return of(name, spectrum, scale, countsPerKeVPerKgPerDay * width);
  }

  /** Total rate over the spectrum in counts/kg/day. */
  public double countsPerKgPerDay() {
    return countsPerKgPerDay;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public EnergyScale energyScale() {
    return scale;
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
    return "SteadyStateBackground(" + name + ", " + countsPerKgPerDay + " /kg/d, " + scale.configName() + ", "
        + spectrum + ")";
  }
}
