package org.cevns.analysis.subtract;

import org.cevns.analysis.hist.Histogram1D;

/**
 * One reactor detector's ON and OFF spectra with live times and mass. Exposure = live time × mass (kg·day).
 *
 * @param detector detector name (for reports)
 * @param onCounts spectrum recorded with the reactor ON
 * @param onLiveDays ON live time in days, finite, &gt; 0
 * @param offCounts spectrum recorded with the reactor OFF (same binning)
 * @param offLiveDays OFF live time in days, finite, &gt; 0
 * @param massKg detector (fiducial) mass in kg, finite, &gt; 0
 */
public record OnOffRun(String detector, Histogram1D onCounts, double onLiveDays, Histogram1D offCounts,
    double offLiveDays, double massKg) {
  public OnOffRun {
    if (detector == null || onCounts == null || offCounts == null) {
      throw new IllegalArgumentException("detector, onCounts and offCounts must not be null");
    }
    if (!onCounts.edges().equals(offCounts.edges())) {
      throw new IllegalArgumentException("onCounts and offCounts of detector " + detector
          + " must have the same edges, got " + onCounts.edges() + " and " + offCounts.edges());
    }
    positive("onLiveDays", onLiveDays);
    positive("offLiveDays", offLiveDays);
    positive("massKg", massKg);
  }

  /** A validated run. */
  public static OnOffRun of(String detector, Histogram1D onCounts, double onLiveDays, Histogram1D offCounts,
      double offLiveDays, double massKg) {
    return new OnOffRun(detector, onCounts, onLiveDays, offCounts, offLiveDays, massKg);
  }

  /** ON exposure in kg·day. */
  public double onExposureKgDays() {
    return onLiveDays * massKg;
  }

  /** OFF exposure in kg·day. */
  public double offExposureKgDays() {
    return offLiveDays * massKg;
  }

  static void positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }
}
