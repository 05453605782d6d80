package org.cevns.detsim.efficiency;

import org.cevns.physics.constants.Units;
import org.cevns.physics.source.TimeProfile;

/**
 * Efficiency as a function of the time since the start of the event's beam window (the reconstruction of
 * COHERENT CsI[Na]: events later in the recorded waveform are lost to the pile-up of earlier light): 1 up to
 * {@code flatNs}, then exp(−λ (t − flatNs)) with λ = {@code decayPerUs} per µs. COHERENT 2021 CsI[Na]: 520 ns and
 * 0.0494 /µs (the timing efficiency of the 2021 data release's documentation, as used with the release by
 * github {@code philippeller/Newtrinos.jl}). Applies to events in the coincidence and anti-coincidence windows
 * alike. Immutable.
 */
public final class WindowTimeEfficiency {
  /**
   * Simpson intervals of ∫ F ε dt over the decaying part of a window's time efficiency ({@link #keptFraction}): 25 ns
   * each over the 6 µs of COHERENT CsI's window, against the ~100 ns scale of the pulse and the 2.2 µs of the muon
   * decay. Against 4800 intervals coherent-csi's expected counts differ by at most 2.2e-9 relative (120 intervals:
   * 1.0e-7; BRN, the sharpest profile; cevns rates --json, 2026-12-06); each interval costs two CDF evaluations per
   * channel and window, 1200 of them made rates 0.2 s slower.
   */
  static final int TIME_EFFICIENCY_INTERVALS = 240;
  private final double flatNs;
  private final double decayPerUs;

  private WindowTimeEfficiency(double flatNs, double decayPerUs) {
    this.flatNs = flatNs;
    this.decayPerUs = decayPerUs;
  }

  /**
   * @param flatNs time after the window start up to which the efficiency is 1, ns, finite and &ge; 0
   * @param decayPerUs decay constant after it, per µs, finite and &ge; 0
   */
  public static WindowTimeEfficiency of(double flatNs, double decayPerUs) {
    if (!(flatNs >= 0) || Double.isInfinite(flatNs)) {
      throw new IllegalArgumentException("flatNs must be finite and >= 0, got " + flatNs);
    }
    if (!(decayPerUs >= 0) || Double.isInfinite(decayPerUs)) {
      throw new IllegalArgumentException("decayPerUs must be finite and >= 0, got " + decayPerUs);
    }
    return new WindowTimeEfficiency(flatNs, decayPerUs);
  }

  /** Probability of keeping an event {@code timeInWindowNs} after its window's start. */
  public double probability(double timeInWindowNs) {
    return timeInWindowNs <= flatNs ? 1.0 : Math.exp(-decayPerUs * (timeInWindowNs - flatNs) / Units.NS_PER_US);
  }

  /**
   * The fraction of events of time profile {@code profile} (CDF F) that fall in the window [s, s + L] ({@code startNs},
   * {@code lengthNs}) and are kept, ∫ ε(t − s) dF(t) over it: F(s + f) − F(s) over the flat part (f = {@code flatNs}, at most L),
   * then, with ε = exp(−λ (t − s − f)) after it, integration by parts, ε(b) F(b) − F(a) + λ ∫ F ε dt on [a, b] =
   * [s + f, s + L], the last integral by Simpson's rule on {@value #TIME_EFFICIENCY_INTERVALS} intervals (F is
   * continuous, ε smooth: no pdf needed).
   */
  public double keptFraction(TimeProfile profile, double startNs, double lengthNs) {
    double a = startNs + Math.min(flatNs, lengthNs);
    double b = startNs + lengthNs;
    double kept = profile.cdf(a) - profile.cdf(startNs);
    double lambdaPerNs = decayPerUs / Units.NS_PER_US;
    if (!(b > a)) {
      return kept;
    }
    if (lambdaPerNs == 0) {
      return kept + profile.cdf(b) - profile.cdf(a);
    }
    int n = TIME_EFFICIENCY_INTERVALS;
    double h = (b - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double t = i == n ? b : a + i * h;
      double f = profile.cdf(t) * Math.exp(-lambdaPerNs * (t - a));
      sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    double fe = sum * h / 3;
    return kept + Math.exp(-lambdaPerNs * (b - a)) * profile.cdf(b) - profile.cdf(a) + lambdaPerNs * fe;
  }

  /** Flat part in ns. */
  public double flatNs() {
    return flatNs;
  }

  /** Decay constant per µs. */
  public double decayPerUs() {
    return decayPerUs;
  }

  @Override
  public String toString() {
    return "WindowTimeEfficiency(flat " + flatNs + " ns, decay " + decayPerUs + "/us)";
  }
}
