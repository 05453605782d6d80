package org.cevns.analysis.subtract;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulsed beam C − AC: coincidence and anti-coincidence spectra normalised by window length × beam time to
 * counts/(ns·s); residual C − AC with propagated Poisson errors, per detector or summed over an array
 * (C-exposure weighted, see {@link Subtraction}). {@link SubtractionResult#residualCounts()} gives the
 * background-subtracted counts C − κ·AC.
 */
public final class BeamCoincidence {
  /** Unit of the rates returned: counts per ns of window per s of beam time. */
  public static final String RATE_UNIT = "counts/(ns*s)";

  private BeamCoincidence() {}

  /** One detector. */
  public static SubtractionResult subtract(BeamWindowRun run) {
    return sumArray(List.of(run));
  }

  /** Summed over the detectors of an array (same binning). */
  public static SubtractionResult sumArray(List<BeamWindowRun> runs) {
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("runs must be a non-empty list");
    }
    List<Measurement> c = new ArrayList<>();
    List<Measurement> ac = new ArrayList<>();
    for (BeamWindowRun r : runs) {
      c.add(Measurement.of(r.coincidenceCounts(), r.coincidenceExposureNsS()));
      ac.add(Measurement.of(r.antiCoincidenceCounts(), r.antiExposureNsS()));
    }
    return Subtraction.sum(c, ac, RATE_UNIT);
  }
}
