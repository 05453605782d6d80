package org.cevns.analysis.subtract;

import org.cevns.analysis.hist.Histogram1D;

/**
 * Counts in one region (reactor ON or OFF, beam coincidence or anti-coincidence window) with its exposure,
 * the normalisation that turns counts into a rate (kg·day for reactors, window ns × beam s for pulsed beams).
 *
 * @param counts the spectrum, Σw and Σw² per bin (unit weights: Poisson errors)
 * @param exposure finite, &gt; 0, in the unit of the analysis (e.g. kg·day)
 */
record Measurement(Histogram1D counts, double exposure) {
  public Measurement {
    if (counts == null) {
      throw new IllegalArgumentException("counts must not be null");
    }
    if (!(exposure > 0) || Double.isInfinite(exposure)) {
      throw new IllegalArgumentException("exposure must be finite and > 0, got " + exposure);
    }
  }

  /** Counts with exposure. */
  public static Measurement of(Histogram1D counts, double exposure) {
    return new Measurement(counts, exposure);
  }
}
