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
import org.cevns.physics.constants.Units;

/**
 * Turns the configured binning ({@link AnalysisConfig}) into edges, filling the ends left open with defaults:
 *
 * <ul>
 *   <li>energy (keVee) per detector: [lower, upper] of the detected signal's observed energies from a pilot
 *       simulation ({@link RangeHint}), rounded outwards to two significant digits; [0, 1] without hint;
 *   <li>photoelectron-counting detectors ({@code pePerKeVee} given: a light-yield response with Poisson PE):
 *       unless explicit edges are configured, the energy bins are aligned to whole photoelectrons
 *       ({@link #peAligned}), since the observed energy only takes the values n/LY; bins of 2.4 PE would hold
 *       alternately 2 and 3 PE values and show a ±20 % saw-tooth;
 *   <li>photoelectrons: [0, upper] likewise;
 *   <li>time: beam mode, the recorded part of the beam cycle if known, else the span of both windows widened by
 *       a quarter on each side; otherwise [0, the longest live period].
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
    return resolve(config, detectors, windows, Optional.empty(), exposure, hints);
  }

  /**
   * The binning of {@code detectors}; in beam mode the default time range is {@code recordedSpanNs} (start, end
   * of the part of the beam cycle that is recorded) when given.
   */
  public static HistogramBinning resolve(AnalysisConfig config, List<String> detectors, Optional<WindowSpec> windows,
      Optional<double[]> recordedSpanNs, RunExposure exposure, Map<String, RangeHint> hints) {
    return resolve(config, detectors, windows, recordedSpanNs, exposure, hints, Map.of());
  }

  /**
   * The binning of {@code detectors}, with the energy bins of the detectors in {@code pePerKeVee} (light yield in
   * PE/keVee of detectors whose observed energy is a whole number of photoelectrons over the light yield) aligned
   * to whole photoelectrons unless their edges are configured explicitly.
   */
  public static HistogramBinning resolve(AnalysisConfig config, List<String> detectors, Optional<WindowSpec> windows,
      Optional<double[]> recordedSpanNs, RunExposure exposure, Map<String, RangeHint> hints,
      Map<String, Double> pePerKeVee) {
    Map<String, BinEdges> energy = new LinkedHashMap<>();
    Map<String, BinEdges> pe = new LinkedHashMap<>();
    for (String d : detectors) {
      RangeHint h = hints.get(d);
      double lo = h == null ? 0.0 : niceFloor(Math.max(h.lowKeVee(), 0.0));
      double hi = h == null ? 1.0 : niceCeil(h.highKeVee());
      if (!(hi > lo)) {
        hi = lo + 1.0;
      }
      BinEdges e = resolve(config.energyOf(d), lo, hi);
      Double ly = pePerKeVee.get(d);
      energy.put(d, ly == null || config.energyOf(d).edges().isPresent() ? e : peAligned(e, ly));
      double peHi = h == null || Double.isNaN(h.highPe()) ? 100.0 : Math.max(niceCeil(h.highPe()), 1.0);
      pe.put(d, resolve(config.pe(), 0.0, peHi));
    }
    BinEdges time;
    Optional<FitTimeAxis> fitTime = Optional.empty();
    if (config.mode() == AnalysisMode.BEAM && windows.isPresent()) {
      WindowSpec w = windows.get();
      double span = w.spanEndNs() - w.spanStartNs();
      double[] range = recordedSpanNs.orElse(new double[] {w.spanStartNs() - 0.25 * span,
          w.spanEndNs() + 0.25 * span});
      time = resolve(config.time(), range[0], range[1]);
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
      time = resolve(config.time(), 0.0, longest > 0 ? longest * Units.NS_PER_S : Units.NS_PER_S);
    }
    return new HistogramBinning(energy, pe, time, fitTime);
  }

  /**
   * The configured axis; when both ends are left to the default, at most {@code bins} bins of a round width
   * (1, 2, 2.5 or 5 × 10^k) covering [lo, hi], starting at a multiple of the width.
   */
  static BinEdges resolve(AxisSpec spec, double lo, double hi) {
    if (spec.edges().isPresent() || spec.min().isPresent() || spec.max().isPresent()) {
      return spec.resolve(lo, hi);
    }
    double width = niceWidth((hi - lo) / spec.bins());
    double start = Math.floor(lo / width) * width;
    int n = (int) Math.ceil((hi - start) / width - 1e-9);
    if (n > spec.bins()) {
      width = niceWidth(width * 1.0001);
      start = Math.floor(lo / width) * width;
      n = (int) Math.ceil((hi - start) / width - 1e-9);
    }
    n = Math.max(1, n);
    return BinEdges.uniform(n, start, start + n * width);
  }

  /**
   * Uniform energy bins of a whole number of photoelectrons each, with edges half-way between PE values: the bin
   * width is the given width rounded to whole PE (at least 1 PE), the first edge the half-integer PE nearest to the
   * given lower end, and the bins cover the given upper end (so the count may differ by a few).
   *
   * @param edges uniform or not; its ends and mean bin width are used
   * @param pePerKeVee light yield, PE/keVee &gt; 0
   */
  public static BinEdges peAligned(BinEdges edges, double pePerKeVee) {
    if (!(pePerKeVee > 0) || !Double.isFinite(pePerKeVee)) {
      throw new IllegalArgumentException("light yield must be finite > 0 PE/keVee, got " + pePerKeVee);
    }
    double[] e = edges.edges();
    double loPe = e[0] * pePerKeVee;
    double hiPe = e[e.length - 1] * pePerKeVee;
    long widthPe = Math.max(1, Math.round((hiPe - loPe) / edges.nBins()));
    double startPe = Math.max(-0.5, Math.rint(loPe - 0.5) + 0.5);
    int n = (int) Math.max(1, Math.ceil((hiPe - startPe) / widthPe - 1e-9));
    return BinEdges.uniform(n, startPe / pePerKeVee, (startPe + n * widthPe) / pePerKeVee);
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k that is &ge; {@code w}. */
  static double niceWidth(double w) {
    double p = Math.pow(10, Math.floor(Math.log10(w)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= w * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * Hints pooled over groups of detectors (e.g. detectors of the same target): every member gets the widest
   * range of its group, so the group shares one default binning and can be summed as an array.
   *
   * @param groups group key of each detector
   */
  public static Map<String, RangeHint> pooled(Map<String, RangeHint> hints, Map<String, String> groups) {
    Map<String, RangeHint> byGroup = new LinkedHashMap<>();
    hints.forEach((d, h) -> byGroup.merge(groups.getOrDefault(d, d), h, (a, b) -> new RangeHint(
        Math.min(a.lowKeVee(), b.lowKeVee()), Math.max(a.highKeVee(), b.highKeVee()),
        Double.isNaN(a.highPe()) ? b.highPe() : Double.isNaN(b.highPe()) ? a.highPe() : Math.max(a.highPe(),
            b.highPe()))));
    Map<String, RangeHint> out = new LinkedHashMap<>();
    hints.keySet().forEach(d -> out.put(d, byGroup.get(groups.getOrDefault(d, d))));
    return out;
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
