package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.SpectrumKey.Region;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.events.WindowSpec;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.subtract.BeamCoincidence;
import org.cevns.analysis.subtract.BeamWindowRun;
import org.cevns.analysis.subtract.OnOffRun;
import org.cevns.analysis.subtract.ReactorOnOff;
import org.cevns.analysis.subtract.SubtractionResult;
import org.cevns.physics.constants.Units;

/**
 * ON − OFF (reactor) or C − AC (beam) of the observed-energy spectra, per detector and summed over the array
 * (when every detector has the same energy binning). Reactor rates are per kg·day of live time × mass; beam
 * rates per ns of window × s of beam time ({@link ReactorOnOff}, {@link BeamCoincidence}).
 *
 * @param signalRegion ON or C
 * @param controlRegion OFF or AC
 * @param perDetector one result per detector, in detector order
 * @param array the array sum, if there are several detectors with equal binning
 */
public record SubtractionReport(Region signalRegion, Region controlRegion, List<Entry> perDetector,
    Optional<SubtractionResult> array) {
  /**
   * One detector.
   *
   * @param detector detector name
   * @param result rates and residual
   * @param signalExposure ON kg·day or C ns·s
   * @param controlExposure OFF kg·day or AC ns·s
   */
  public record Entry(String detector, SubtractionResult result, double signalExposure, double controlExposure) {
    /** κ = signal exposure / control exposure, the factor applied to the control counts. */
    public double kappa() {
      return signalExposure / controlExposure;
    }
  }

  /** The subtraction of {@code data}, or empty for {@link AnalysisMode#SINGLE} or missing exposure. */
  public static Optional<SubtractionReport> of(AnalysisMode mode, SpectrumSet data, RunExposure exposure,
      Optional<WindowSpec> windows, List<String> detectors) {
    Optional<Region[]> pair = Regions.subtractionPair(mode);
    if (pair.isEmpty() || (mode == AnalysisMode.BEAM && windows.isEmpty())) {
      return Optional.empty();
    }
    Region sig = pair.get()[0];
    Region ctl = pair.get()[1];
    List<Entry> entries = new ArrayList<>();
    List<OnOffRun> onOff = new ArrayList<>();
    List<BeamWindowRun> beam = new ArrayList<>();
    for (String det : detectors) {
      if (!exposure.detectors().contains(det)) {
        continue; // a detector of the configuration without data (e.g. one detector's events imported)
      }
      BinEdges edges = data.binning().energy(det);
      Histogram1D s = data.region(det, sig).map(KeySpectra::energy).orElse(Histogram1D.of(edges));
      Histogram1D c = data.region(det, ctl).map(KeySpectra::energy).orElse(Histogram1D.of(edges));
      if (mode == AnalysisMode.ON_OFF) {
        double onDays = exposure.liveSeconds(det, sig.period()) / Units.S_PER_DAY;
        double offDays = exposure.liveSeconds(det, ctl.period()) / Units.S_PER_DAY;
        if (!(onDays > 0) || !(offDays > 0)) {
          continue;
        }
        OnOffRun run = OnOffRun.of(det, s, onDays, c, offDays, exposure.massKg(det));
        onOff.add(run);
        entries.add(new Entry(det, ReactorOnOff.subtract(run), run.onExposureKgDays(), run.offExposureKgDays()));
      } else {
        double beamS = exposure.liveSeconds(det, sig.period());
        if (!(beamS > 0)) {
          continue;
        }
        double len = windows.get().lengthNs();
        BeamWindowRun run = BeamWindowRun.of(det, s, len, c, len, beamS);
        beam.add(run);
        entries.add(new Entry(det, BeamCoincidence.subtract(run), run.coincidenceExposureNsS(),
            run.antiExposureNsS()));
      }
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Optional<SubtractionResult> array = Optional.empty();
    boolean sameEdges = entries.stream().map(e -> data.binning().energy(e.detector())).distinct().count() == 1;
    if (entries.size() > 1 && sameEdges) {
      array = Optional.of(mode == AnalysisMode.ON_OFF ? ReactorOnOff.sumArray(onOff) : BeamCoincidence.sumArray(beam));
    }
    return Optional.of(new SubtractionReport(sig, ctl, List.copyOf(entries), array));
  }
}
