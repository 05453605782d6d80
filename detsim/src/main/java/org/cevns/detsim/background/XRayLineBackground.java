package org.cevns.detsim.background;

import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;
import org.cevns.physics.source.TimeProfile;

/**
 * A decaying X-ray line (e.g. cosmogenic K- and L-shell lines in Ge, {@link GermaniumXRayLine}):
 * every event at the line energy in keVee (electron-equivalent; the detector response gives the Gaussian
 * peak), with a rate that decays with half-life T½. With R₀ the rate at the reference date (counts/kg/day),
 * τ = T½/ln 2 (days), s the days from the reference date to the period start and L the period's live days,
 *
 * <pre>
 *   N = R₀ · m[kg] · ∫_s^(s+L) e^(−t/τ) dt = R₀ · m · τ · e^(−s/τ) · (1 − e^(−L/τ))    (N = R₀ m L for T½ = ∞)
 * </pre>
 *
 * The live time is treated as continuous from the period start (no gaps). Times: in a steady-source frame
 * they follow the decay over the period ({@link DecayingTimeProfile}); in a pulsed frame (one beam cycle,
 * far shorter than any half-life) they are uniform.
 */
public final class XRayLineBackground implements BackgroundComponent {
  private final String name;
  private final LineSpectrum line;
  private final double ratePerKgPerDayAtReference;
  private final double halfLifeDays;

  private XRayLineBackground(String name, LineSpectrum line, double rate, double halfLifeDays) {
    this.name = name;
    this.line = line;
    this.ratePerKgPerDayAtReference = rate;
    this.halfLifeDays = halfLifeDays;
  }

  /**
   * @param name non-blank
   * @param energyKeVee line energy in keVee, &gt; 0
   * @param countsPerKgPerDayAtReference rate R₀ at the reference date, counts/kg/day, &ge; 0
   * @param halfLifeDays T½ in days, &gt; 0 ({@code Double.POSITIVE_INFINITY}: no decay)
   */
  public static XRayLineBackground of(String name, double energyKeVee, double countsPerKgPerDayAtReference,
      double halfLifeDays) {
    if (!(halfLifeDays > 0)) {
      throw Checks.fail("halfLifeDays", "> 0 (or Infinity for no decay)", halfLifeDays);
    }
    return new XRayLineBackground(
        Checks.name("name", name),
        LineSpectrum.of(energyKeVee),
        Checks.nonNegative("countsPerKgPerDayAtReference", countsPerKgPerDayAtReference),
        halfLifeDays);
  }

  /** Line energy in keVee. */
  public double energyKeVee() {
    return line.energyKeV();
  }

  public double halfLifeDays() {
    return halfLifeDays;
  }

  /** Mean life τ = T½ / ln 2 in days (+∞ without decay). */
  public double meanLifeDays() {
    return halfLifeDays / Math.log(2.0);
  }

  public double countsPerKgPerDayAtReference() {
    return ratePerKgPerDayAtReference;
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
    return line;
  }

  @Override
  public double expectedCounts(BackgroundExposure exposure) {
    double liveDays = exposure.liveDays();
    double tau = meanLifeDays();
    if (Double.isInfinite(tau)) {
      return ratePerKgPerDayAtReference * exposure.massKg() * liveDays;
    }
    return ratePerKgPerDayAtReference * exposure.massKg() * tau * Math.exp(-exposure.startDays() / tau)
        * -Math.expm1(-liveDays / tau);
  }

  @Override
  public TimeProfile timeProfile(TimeFrame frame) {
    if (frame.pulsed()) {
      return UniformSpanTimeProfile.over(frame);
    }
    double tauNs = meanLifeDays() * Units.S_PER_DAY * Units.NS_PER_S;
    return DecayingTimeProfile.of(frame.startNs(), frame.lengthNs(), tauNs);
  }

  @Override
  public String toString() {
    return "XRayLineBackground(" + name + ", " + line.energyKeV() + " keVee, " + ratePerKgPerDayAtReference
        + " /kg/d, T1/2 " + halfLifeDays + " d)";
  }
}
