package org.cevns.analysis.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.pipeline.AnalysisResult;
import org.cevns.analysis.pipeline.SensitivityReport;
import org.cevns.analysis.plot.Provenance;
import org.cevns.analysis.plot.ValueFormat;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.events.CevnsVersion;
import org.cevns.physics.constants.Units;

/**
 * The provenance label of the plots ({@link Provenance}): experiment; exposure as detector mass with the beam's
 * protons on target, or with the live days per period (summed as kg·d over several detectors); "cevns VERSION
 * simulation" or "measured data" (imported files); and the run's seed ({@code --seed} of {@code cevns run}, which also made the simulated data).
 */
final class PlotLabels {
  private PlotLabels() {}

  /** The label of plots of {@code detectors} of an analysis. */
  static String of(AnalysisResult r, List<String> detectors) {
    return of(r.inputs().experiment(), r.inputs().exposure(), detectors, runSeed(r.inputs().seed()),
        r.inputs().measured());
  }

  /** The label of plots of {@code detectors} with data of {@code exposure}, made with the run seed {@code seed}. */
  static String of(String experiment, RunExposure exposure, List<String> detectors, long seed, boolean measured) {
    return new Provenance(experiment, exposure(exposure, detectors), CevnsVersion.get(), seed, measured).label();
  }

  /** The label of the sensitivity plot. */
  static String of(SensitivityReport s, String experiment, long seed) {
    return new Provenance(experiment, ValueFormat.number(s.nominalExposure(), 3) + " " + s.exposureUnit(),
        CevnsVersion.get(), seed).label();
  }

  /** The run seed from the toy seed of the analysis inputs ({@link AnalysisJob#TOY_STREAM}). */
  static long runSeed(long toySeed) {
    return toySeed ^ AnalysisJob.TOY_STREAM;
  }

  /** E.g. {@code "14.6 kg, 3.19e23 POT"}, {@code "0.95 kg, on 117 d, off 21.2 d"} or {@code "2.85 kg, on 334 kg·d"}. */
  static String exposure(RunExposure e, List<String> detectors) {
    double mass = 0;
    double pot = 0;
    Map<String, Double> live = new LinkedHashMap<>();
    boolean one = detectors.size() == 1;
    for (String d : detectors) {
      if (!e.detectors().contains(d)) {
        continue;
      }
      mass += e.massKg(d);
      Map<String, Double> detectorDays = new LinkedHashMap<>();
      for (RunExposure.Entry x : e.entries(d)) {
        if (RunExposure.POT.equals(x.unit())) {
          pot = Math.max(pot, x.exposure());
        } else if (x.liveSeconds() > 0) {
          // a detector seeing two reactor cores is live once (nucleus: 365 d, not 730 d): the longest of its sources
          detectorDays.merge(x.period(), x.liveSeconds() / Units.S_PER_DAY, Math::max);
        }
      }
      double m = e.massKg(d);
      detectorDays.forEach((period, days) -> live.merge(period, one ? days : days * m, Double::sum));
    }
    if (mass == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder(ValueFormat.number(mass, 3)).append(" kg");
    if (pot > 0) {
      b.append(", ").append(ValueFormat.number(pot, 3)).append(" POT");
    } else {
      live.forEach((period, v) -> b.append(", ").append(period).append(' ').append(ValueFormat.number(v, 3))
          .append(one ? " d" : " kg\u00b7d"));
    }
    return b.toString();
  }
}
