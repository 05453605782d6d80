package org.cevns.analysis.subtract;

import org.cevns.analysis.hist.Histogram1D;

/**
 * One detector's coincidence (C, on-beam window) and anti-coincidence (AC, off-beam window of the steady
 * background) spectra. Exposure = window length × beam time (ns·s): the AC window may differ in length and
 * accumulated beam time from the C window; only their ratio κ = (Δt_C T_C)/(Δt_AC T_AC) enters the residual
 * counts C − κ·AC.
 *
 * @param detector detector name
 * @param coincidenceCounts spectrum in the coincidence window
 * @param coincidenceWindowNs coincidence window length per spill in ns, finite, &gt; 0
 * @param coincidenceBeamTimeS beam time (live s) over which the C window was open, finite, &gt; 0
 * @param antiCoincidenceCounts spectrum in the anti-coincidence window (same binning)
 * @param antiWindowNs anti-coincidence window length per spill in ns, finite, &gt; 0
 * @param antiBeamTimeS beam time (live s) over which the AC window was open, finite, &gt; 0
 */
public record BeamWindowRun(String detector, Histogram1D coincidenceCounts, double coincidenceWindowNs,
    double coincidenceBeamTimeS, Histogram1D antiCoincidenceCounts, double antiWindowNs, double antiBeamTimeS) {
  public BeamWindowRun {
    if (detector == null || coincidenceCounts == null || antiCoincidenceCounts == null) {
      throw new IllegalArgumentException("detector, coincidenceCounts and antiCoincidenceCounts must not be null");
    }
    if (!coincidenceCounts.edges().equals(antiCoincidenceCounts.edges())) {
      throw new IllegalArgumentException("coincidenceCounts and antiCoincidenceCounts of detector " + detector
          + " must have the same edges");
    }
    OnOffRun.positive("coincidenceWindowNs", coincidenceWindowNs);
    OnOffRun.positive("coincidenceBeamTimeS", coincidenceBeamTimeS);
    OnOffRun.positive("antiWindowNs", antiWindowNs);
    OnOffRun.positive("antiBeamTimeS", antiBeamTimeS);
  }

  /** C and AC windows opened in the same spills (common beam time). */
  public static BeamWindowRun of(String detector, Histogram1D coincidenceCounts, double coincidenceWindowNs,
      Histogram1D antiCoincidenceCounts, double antiWindowNs, double beamTimeS) {
    return new BeamWindowRun(detector, coincidenceCounts, coincidenceWindowNs, beamTimeS, antiCoincidenceCounts,
        antiWindowNs, beamTimeS);
  }

  /** C exposure, window ns × beam s. */
  public double coincidenceExposureNsS() {
    return coincidenceWindowNs * coincidenceBeamTimeS;
  }

  /** AC exposure, window ns × beam s. */
  public double antiExposureNsS() {
    return antiWindowNs * antiBeamTimeS;
  }
}
