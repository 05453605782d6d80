package org.cevns.detsim.background;

import java.util.Objects;
import org.cevns.physics.Checks;
import org.cevns.physics.source.TimeProfile;

/**
 * Background whose rate differs between reactor ON and OFF (reactor-correlated neutrons and γ, or any
 * component of an ON/OFF background table such as CONUS+'s). Uniform in time over the frame.
 * Expected counts:
 *
 * <pre>
 *   N = R_state · m[kg] · t_live[d],    R_state = R_on for ON, R_off for OFF (counts/kg/day)
 * </pre>
 */
public final class ReactorCorrelatedBackground implements BackgroundComponent {
  private final String name;
  private final BackgroundSpectrum spectrum;
  private final EnergyScale scale;
  private final double onPerKgPerDay;
  private final double offPerKgPerDay;

  private ReactorCorrelatedBackground(String name, BackgroundSpectrum spectrum, EnergyScale scale,
      double onPerKgPerDay, double offPerKgPerDay) {
    this.name = name;
    this.spectrum = spectrum;
    this.scale = scale;
    this.onPerKgPerDay = onPerKgPerDay;
    this.offPerKgPerDay = offPerKgPerDay;
  }

  /**
   * @param name non-blank
   * @param spectrum energy distribution on {@code scale}
   * @param scale keVee or keVnr
   * @param onCountsPerKgPerDay rate with the reactor ON, counts/kg/day, &ge; 0
   * @param offCountsPerKgPerDay rate with the reactor OFF, counts/kg/day, &ge; 0
   */
  public static ReactorCorrelatedBackground of(String name, BackgroundSpectrum spectrum, EnergyScale scale,
      double onCountsPerKgPerDay, double offCountsPerKgPerDay) {
    return new ReactorCorrelatedBackground(
        Checks.name("name", name),
        Objects.requireNonNull(spectrum, "spectrum"),
        Objects.requireNonNull(scale, "scale"),
        Checks.nonNegative("onCountsPerKgPerDay", onCountsPerKgPerDay),
        Checks.nonNegative("offCountsPerKgPerDay", offCountsPerKgPerDay));
  }

  /** Rate in counts/kg/day for {@code state}. */
  public double countsPerKgPerDay(BeamState state) {
    return Objects.requireNonNull(state, "state") == BeamState.ON ? onPerKgPerDay : offPerKgPerDay;
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
    return countsPerKgPerDay(exposure.state()) * exposure.kgDays();
  }

  @Override
  public TimeProfile timeProfile(TimeFrame frame) {
    return UniformSpanTimeProfile.over(frame);
  }

  @Override
  public String toString() {
    return "ReactorCorrelatedBackground(" + name + ", ON " + onPerKgPerDay + " / OFF " + offPerKgPerDay
        + " /kg/d)";
  }
}
