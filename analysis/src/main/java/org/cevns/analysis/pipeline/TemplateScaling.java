package org.cevns.analysis.pipeline;

import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumSet;

/**
 * Scales templates made for one exposure to another: expected counts are proportional to the live time (beam
 * time) of each detector and period, so every key is multiplied by the ratio of the data's live seconds to the
 * templates' for that detector and period (0 where the data have none).
 */
public final class TemplateScaling {
  /** Masses that differ by more than this (relative) are different detectors. */
  private static final double RELATIVE_TOLERANCE = 1e-9;
  /**
   * Protons per live second that differ by more than this (relative) are different beam powers; below it, hand
   * rounded exposures (3.2e23 POT, 3.6e7 s) pass, and the signal's scale is off by at most this much.
   */
  private static final double RELATIVE_TOLERANCE_POT = 0.01;

  private TemplateScaling() {}

  /**
   * Checks that data of {@code dataExposure} can be fitted with templates of {@code templateExposure} by scaling
   * with the live time alone: every detector of the data has the templates' mass, every (source, period) of the
   * data is one of the templates', and a pulsed source has the templates' protons on target per live second
   * (the beam power: signal and beam-related backgrounds follow the protons, steady ones the live time). Imported
   * data carry their mass, source, period and exposure from the import mapping; a mismatch scaled the templates
   * wrongly or dropped the data from the fit without a word.
   *
   * @throws IllegalArgumentException naming the detector, the value and the configuration's
   */
  public static void requireComparable(RunExposure templateExposure, RunExposure dataExposure) {
    for (String det : dataExposure.detectors()) {
      if (!templateExposure.detectors().contains(det)) {
        continue; // no exposure for the detector: named by the histogramming of the data
      }
      double t = templateExposure.massKg(det);
      double d = dataExposure.massKg(det);
      if (Math.abs(d - t) > RELATIVE_TOLERANCE * t) {
        throw new IllegalArgumentException("detector " + det + ": the event files have mass " + d + " kg, the"
            + " configuration " + t + " kg (the templates scale with the live time only): give the configuration's"
            + " mass (import: mass_kg) or change the configuration");
      }
      for (RunExposure.Entry e : dataExposure.entries(det)) {
        RunExposure.Entry c = entry(templateExposure, det, e);
        if (c == null) {
          throw new IllegalArgumentException("detector " + det + ": the event files have source '" + e.source()
              + "' in period '" + e.period() + "', the configuration " + names(templateExposure, det)
              + " (import: source and period)");
        }
        if (RunExposure.POT.equals(e.unit()) && RunExposure.POT.equals(c.unit()) && e.liveSeconds() > 0
            && c.liveSeconds() > 0) {
          double dr = e.exposure() / e.liveSeconds();
          double tr = c.exposure() / c.liveSeconds();
          if (Math.abs(dr - tr) > RELATIVE_TOLERANCE_POT * tr) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "detector %s, source %s: the"
                + " event files have %.6g protons on target per live second, the configuration %.6g (its beam"
                + " power; the templates scale with the live time): give the live time at the configuration's"
                + " beam power (import: exposure.beam_power_mw and proton_energy_gev)", det, e.source(), dr, tr));
          }
        }
      }
    }
  }

  private static RunExposure.Entry entry(RunExposure x, String det, RunExposure.Entry e) {
    for (RunExposure.Entry c : x.entries(det)) {
      if (c.source().equals(e.source()) && c.period().equals(e.period())) {
        return c;
      }
    }
    return null;
  }

  private static String names(RunExposure x, String det) {
    return x.entries(det).stream().map(c -> "'" + c.source() + "' in '" + c.period() + "'").toList().toString();
  }

  /** {@code templates} (made for {@code templateExposure}) scaled to {@code dataExposure}. */
  public static SpectrumSet toExposure(SpectrumSet templates, RunExposure templateExposure, RunExposure dataExposure) {
    return templates.scaled(k -> {
      if (!dataExposure.detectors().contains(k.detector())) {
        return 0.0;
      }
      double t = templateExposure.liveSeconds(k.detector(), k.period());
      double d = dataExposure.liveSeconds(k.detector(), k.period());
      return t > 0 ? d / t : 0.0;
    });
  }
}
