package org.cevns.physics.source;

import java.util.List;
import org.cevns.physics.Checks;
import org.cevns.physics.Flavor;

/**
 * Steady mono-energetic source (design.md type {@code monoenergetic}): one component, a
 * {@link LineSpectrum}, with either a flux at the detector (no position) or an emission rate (point
 * source), see {@link Intensity}. Exposure in live seconds; times uniform over the period's live time.
 * Immutable.
 */
public final class MonoenergeticSource extends AbstractSteadySource {
  /** Default parent label. */
  public static final String DEFAULT_PARENT = "mono";

  private final double energyMeV;
  private final Flavor flavor;
  private final String parent;
  private final Intensity intensity;

  private MonoenergeticSource(String name, double energyMeV, Flavor flavor, String parent, Intensity intensity,
      double periodDurationNs) {
    super(name, periodDurationNs, List.of(new SourceComponent(flavor, parent, LineSpectrum.of(energyMeV),
        UniformTimeProfile.of(periodDurationNs), intensity.value())), intensity.pointSource());
    this.energyMeV = energyMeV;
    this.flavor = flavor;
    this.parent = parent;
    this.intensity = intensity;
  }

  /**
   * A line at {@code energyMeV} of {@code flavor}, labelled {@code parent}, with {@code intensity}; times
   * uniform on [0, {@code periodDurationNs}].
   */
  public static MonoenergeticSource of(String name, double energyMeV, Flavor flavor, String parent,
      Intensity intensity, double periodDurationNs) {
    return new MonoenergeticSource(Checks.label("name", name), Checks.positive("energyMeV", energyMeV),
        Checks.notNull("flavor", flavor), Checks.label("parent", parent), Checks.notNull("intensity", intensity),
        Checks.positive("periodDurationNs", periodDurationNs));
  }

  /** As {@link #of(String, double, Flavor, String, Intensity, double)} with parent {@value #DEFAULT_PARENT}. */
  public static MonoenergeticSource of(String name, double energyMeV, Flavor flavor, Intensity intensity,
      double periodDurationNs) {
    return of(name, energyMeV, flavor, DEFAULT_PARENT, intensity, periodDurationNs);
  }

  @Override
  public MonoenergeticSource withPeriodDurationNs(double periodDurationNs) {
    return of(name(), energyMeV, flavor, parent, intensity, periodDurationNs);
  }

  public Intensity intensity() {
    return intensity;
  }





  @Override
  public String toString() {
    return "MonoenergeticSource[" + name() + ", " + energyMeV + " MeV " + flavor.columnName() + ", " + intensity + "]";
  }
}
