package org.cevns.physics.source;

/**
 * A source that shines steadily (reactor, Sun, user sources): exposure in live seconds, not pulsed, every
 * component with a {@link UniformTimeProfile} over the period's live time. The live time can differ per
 * detector and period, so the glue rebinds it with {@link #withPeriodDurationNs}.
 */
public interface SteadySource extends Source {
  /** Live time of the period in ns over which the component times are uniform. */
  double periodDurationNs();

  /** The same source with every component's time uniform on [0, {@code periodDurationNs}]. */
  SteadySource withPeriodDurationNs(double periodDurationNs);

  @Override
  default ExposureUnit exposureUnit() {
    return ExposureUnit.LIVE_SECOND;
  }

  @Override
  default boolean pulsed() {
    return false;
  }
}
