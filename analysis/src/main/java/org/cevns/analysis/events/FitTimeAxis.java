package org.cevns.analysis.events;

import org.cevns.analysis.hist.BinEdges;

/**
 * The time axis of the energy × time fit: time since the start of the event's beam window, in equal bins over
 * [0, window length). Events outside both windows are not binned in time.
 *
 * @param coincidenceStartNs start of the coincidence window, ns since the pulse start
 * @param anticoincidenceStartNs start of the anti-coincidence window
 * @param lengthNs window length in ns, &gt; 0
 * @param bins number of time bins, &ge; 1
 */
public record FitTimeAxis(double coincidenceStartNs, double anticoincidenceStartNs, double lengthNs, int bins) {
  public FitTimeAxis {
    if (!Double.isFinite(coincidenceStartNs) || !Double.isFinite(anticoincidenceStartNs)) {
      throw new IllegalArgumentException("window starts must be finite, got " + coincidenceStartNs + " and "
          + anticoincidenceStartNs);
    }
    if (!(lengthNs > 0) || Double.isInfinite(lengthNs)) {
      throw new IllegalArgumentException("lengthNs must be finite and > 0, got " + lengthNs);
    }
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
  }

  /** The fit axis of beam windows {@code w} with {@code bins} bins. */
  public static FitTimeAxis of(WindowSpec w, int bins) {
    return new FitTimeAxis(w.coincidenceStartNs(), w.anticoincidenceStartNs(), w.lengthNs(), bins);
  }

  /** Time edges in ns since the window start. */
  public BinEdges edges() {
    return BinEdges.uniform(bins, 0, lengthNs);
  }

  /** Start of window {@code window} in ns, NaN for {@code none}. */
  public double startNs(String window) {
    return switch (window) {
      case EventColumns.COINCIDENCE -> coincidenceStartNs;
      case EventColumns.ANTICOINCIDENCE -> anticoincidenceStartNs;
      default -> Double.NaN;
    };
  }
}
