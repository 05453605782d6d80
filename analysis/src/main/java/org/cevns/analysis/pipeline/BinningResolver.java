package org.cevns.analysis.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.config.AxisSpec;
import org.cevns.analysis.config.FitObservable;
import org.cevns.analysis.events.FitTimeAxis;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.RunExposure;
import org.cevns.analysis.events.WindowSpec;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.generator.constants.Units;

/**
 * Turns the configured binning ({@link AnalysisConfig}) into edges, filling the ends left open with defaults:
 *
 * <ul>
 *   <li>energy (keVee) per detector: [lower, upper] of the detected signal's observed energies from a pilot
 *       simulation ({@link RangeHint}), rounded outwards to two significant digits; [0, 1] without hint;
 *   <li>photoelectrons: [0, upper] likewise;
 *   <li>time: beam mode, the span of both windows widened by a quarter on each side; otherwise [0, the longest
 *       live period].
 * </ul>
 */
public final class BinningResolver {
  private BinningResolver() {}

  /**
   * Range of the detected signal of one detector (from a pilot simulation).
   *
   * @param lowKeVee low quantile of the observed energy
   * @param highKeVee high quantile of the observed energy
   * @param highPe high quantile of the PE count, NaN if the detector counts none
   */
  public record RangeHint(double lowKeVee, double highKeVee, double highPe) {}

  /** The binning of {@code detectors}. */
  public static HistogramBinning resolve(AnalysisConfig config, List<String> detectors, Optional<WindowSpec> windows,
      RunExposure exposure, Map<String, RangeHint> hints) {
    Map<String, BinEdges> energy = new LinkedHashMap<>();
    Map<String, BinEdges> pe = new LinkedHashMap<>();
    for (String d : detectors) {
      RangeHint h = hints.get(d);
      double lo = h == null ? 0.0 : niceFloor(Math.max(h.lowKeVee(), 0.0));
      double hi = h == null ? 1.0 : niceCeil(h.highKeVee());
      if (!(hi > lo)) {
        hi = lo + 1.0;
      }
      AxisSpec e = config.energyOf(d);
      energy.put(d, e.resolve(lo, hi));
      double peHi = h == null || Double.isNaN(h.highPe()) ? 100.0 : Math.max(niceCeil(h.highPe()), 1.0);
      pe.put(d, config.pe().resolve(0.0, peHi));
    }
    BinEdges time;
    Optional<FitTimeAxis> fitTime = Optional.empty();
    if (config.mode() == AnalysisMode.BEAM && windows.isPresent()) {
      WindowSpec w = windows.get();
      double span = w.spanEndNs() - w.spanStartNs();
      time = config.time().resolve(w.spanStartNs() - 0.25 * span, w.spanEndNs() + 0.25 * span);
      if (config.fit().observable() == FitObservable.ENERGY_TIME) {
        fitTime = Optional.of(FitTimeAxis.of(w, config.fit().timeBins()));
      }
    } else {
      double longest = 0;
      for (String d : detectors) {
        if (exposure.detectors().contains(d)) {
          for (RunExposure.Entry x : exposure.entries(d)) {
            longest = Math.max(longest, x.liveSeconds());
          }
        }
      }
      time = config.time().resolve(0.0, longest > 0 ? longest * Units.NS_PER_S : Units.NS_PER_S);
    }
    return new HistogramBinning(energy, pe, time, fitTime);
  }

  /** Rounds down to two significant digits. */
  static double niceFloor(double x) {
    return round(x, RoundingMode.FLOOR);
  }

  /** Rounds up to two significant digits. */
  static double niceCeil(double x) {
    return round(x, RoundingMode.CEILING);
  }

  private static double round(double x, RoundingMode mode) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    BigDecimal b = new BigDecimal(x);
    int scale = 1 - (b.precision() - b.scale() - 1);
    return b.setScale(scale, mode).doubleValue();
  }
}
