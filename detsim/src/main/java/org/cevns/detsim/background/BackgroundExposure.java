package org.cevns.detsim.background;

import java.util.Objects;
import org.cevns.physics.constants.Units;

/**
 * Exposure of one detector in one period, for background expectations.
 *
 * @param massKg detector (fiducial) mass in kg, &gt; 0
 * @param liveSeconds live time in s, &ge; 0. In a pulsed experiment whose beam-unrelated backgrounds are
 *     spread over whole beam cycles this is the number of recorded cycles × period.
 * @param protonsOnTarget protons on target in this period (pulsed sources), &ge; 0; 0 for non-beam sources
 * @param state source ON or OFF in this period
 * @param startDays days from the reference date of decaying activities (X-ray lines) to the start of this
 *     period, finite (0: activities are given at the period start)
 */
public record BackgroundExposure(
    double massKg, double liveSeconds, double protonsOnTarget, BeamState state, double startDays) {
  public BackgroundExposure {
    if (!(massKg > 0) || Double.isInfinite(massKg)) {
      throw new IllegalArgumentException("massKg must be finite and > 0, got " + massKg);
    }
    if (!(liveSeconds >= 0) || Double.isInfinite(liveSeconds)) {
      throw new IllegalArgumentException("liveSeconds must be finite and >= 0, got " + liveSeconds);
    }
    if (!(protonsOnTarget >= 0) || Double.isInfinite(protonsOnTarget)) {
      throw new IllegalArgumentException("protonsOnTarget must be finite and >= 0, got " + protonsOnTarget);
    }
    Objects.requireNonNull(state, "state");
    if (!Double.isFinite(startDays)) {
      throw new IllegalArgumentException("startDays must be finite, got " + startDays);
    }
  }

  /** A period of a steady (non-beam) source: no POT, activities referenced to the period start. */
  public static BackgroundExposure steady(double massKg, double liveSeconds, BeamState state) {
    return new BackgroundExposure(massKg, liveSeconds, 0.0, state, 0.0);
  }

  /** A beam period of a pulsed source (state ON). */
  public static BackgroundExposure pulsed(double massKg, double liveSeconds, double protonsOnTarget) {
    return new BackgroundExposure(massKg, liveSeconds, protonsOnTarget, BeamState.ON, 0.0);
  }

  /** Same exposure with another {@link #startDays}. */
  public BackgroundExposure withStartDays(double days) {
    return new BackgroundExposure(massKg, liveSeconds, protonsOnTarget, state, days);
  }

  /** Live time in days (86400 s). */
  public double liveDays() {
    return liveSeconds / Units.S_PER_DAY;
  }

  /** Mass × live days in kg·d. */
  public double kgDays() {
    return massKg * liveDays();
  }
}
