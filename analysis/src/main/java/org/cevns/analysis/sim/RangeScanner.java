package org.cevns.analysis.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.pipeline.BinningResolver.RangeHint;

/**
 * Collects the distribution of the detected signal's observed energy (and PE) per detector in fine logarithmic
 * bins (200 per decade from 1e-4 to 1e6; values below go to the first bin) and gives weighted quantiles,
 * accurate to the bin width (1.2 %). Not thread-safe.
 */
final class RangeScanner {
  /** Quantiles of the default range. */
  public static final double LOW_QUANTILE = 0.005;
  public static final double HIGH_QUANTILE = 0.995;
  private static final double LOG_MIN = -4;
  private static final double LOG_MAX = 6;
  private static final int PER_DECADE = 200;
  private static final int BINS = (int) ((LOG_MAX - LOG_MIN) * PER_DECADE);

  private final List<String> detectors;
  private final double[][] energy;
  private final double[][] pe;

  /** A scanner for detectors with these codes (indices). */
  public RangeScanner(List<String> detectors) {
    this.detectors = List.copyOf(detectors);
    this.energy = new double[detectors.size()][BINS];
    this.pe = new double[detectors.size()][BINS];
  }

  void add(int detector, double energyKeVee, int npe, double weight) {
    energy[detector][bin(energyKeVee)] += weight;
    if (npe >= 0) {
      pe[detector][bin(npe)] += weight;
    }
  }

  private static int bin(double x) {
    if (!(x > Math.pow(10, LOG_MIN))) {
      return 0;
    }
    return (int) Math.min(BINS - 1, (Math.log10(x) - LOG_MIN) * PER_DECADE);
  }

  private static double upperEdge(int bin) {
    return Math.pow(10, LOG_MIN + (bin + 1.0) / PER_DECADE);
  }

  private static double lowerEdge(int bin) {
    return bin == 0 ? 0 : Math.pow(10, LOG_MIN + (double) bin / PER_DECADE);
  }

  /** The quantile {@code q} of a fine histogram (the edge where the CDF passes q), NaN if empty. */
  static double quantile(double[] h, double q, boolean upper) {
    double total = 0;
    for (double v : h) {
      total += v;
    }
    if (!(total > 0)) {
      return Double.NaN;
    }
    double c = 0;
    for (int i = 0; i < h.length; i++) {
      c += h[i];
      if (c >= q * total) {
        return upper ? upperEdge(i) : lowerEdge(i);
      }
    }
    return upperEdge(h.length - 1);
  }

  /** Range hints per detector name (detectors without detected signal are absent). */
  public Map<String, RangeHint> hints() {
    Map<String, RangeHint> out = new HashMap<>();
    for (int d = 0; d < detectors.size(); d++) {
      double hi = quantile(energy[d], HIGH_QUANTILE, true);
      if (Double.isNaN(hi)) {
        continue;
      }
      out.put(detectors.get(d), new RangeHint(quantile(energy[d], LOW_QUANTILE, false), hi,
          quantile(pe[d], HIGH_QUANTILE, true)));
    }
    return out;
  }
}
