package org.cevns.analysis.pipeline;

import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumSet;

/**
 * Scales templates made for one exposure to another: expected counts are proportional to the live time (beam
 * time) of each detector and period, so every key is multiplied by the ratio of the data's live seconds to the
 * templates' for that detector and period (0 where the data have none).
 */
public final class TemplateScaling {
  private TemplateScaling() {}

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
