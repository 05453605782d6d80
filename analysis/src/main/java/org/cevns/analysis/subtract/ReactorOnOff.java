package org.cevns.analysis.subtract;

import java.util.ArrayList;
import java.util.List;

/**
 * Reactor ON − OFF: spectra normalised by live time × mass to counts/(kg·day); residual ON − OFF with
 * propagated Poisson errors, per detector or summed over an array (ON-exposure weighted, see
 * {@link Subtraction}).
 */
public final class ReactorOnOff {
  /** Unit of the rates returned. */
  public static final String RATE_UNIT = "counts/(kg*day)";

  private ReactorOnOff() {}

  /** One detector. */
  public static SubtractionResult subtract(OnOffRun run) {
    return sumArray(List.of(run));
  }

  /** Summed over the detectors of an array (same binning). */
  public static SubtractionResult sumArray(List<OnOffRun> runs) {
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("runs must be a non-empty list");
    }
    List<Measurement> on = new ArrayList<>();
    List<Measurement> off = new ArrayList<>();
    for (OnOffRun r : runs) {
      on.add(Measurement.of(r.onCounts(), r.onExposureKgDays()));
      off.add(Measurement.of(r.offCounts(), r.offExposureKgDays()));
    }
    return Subtraction.sum(on, off, RATE_UNIT);
  }
}
