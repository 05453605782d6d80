package org.cevns.detsim.sim;

import org.cevns.detsim.background.DelayedTimeProfile;
import org.cevns.detsim.efficiency.WindowTimeEfficiency;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.source.TimeProfile;

/**
 * The beam-window fractions of {@link ExpectedDetected}: P(window) from a time profile's CDF over each window and,
 * with a detector's time efficiency, the fractions it keeps ({@link WindowTimeEfficiency#keptFraction}).
 */
final class WindowFractions {
  private WindowFractions() {}

  /**
   * A time profile as {@link #of} sees it: the profile before a beam time offset ({@code offsetNs}, NaN for a
   * profile not shifted), the detector's time efficiency (or null) and whether the period has windows.
   */
  record Key(TimeProfile base, double offsetNs, WindowTimeEfficiency efficiency, boolean windowed) {
    // written out, with the record's equality: a record's generated equals/hashCode bootstrap ObjectMethods on
    // their first call (~10-20 ms of a cold rates' main thread, docs/performance-history.md, coldrates)
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Objects.equals(base, k.base)
          && Double.compare(offsetNs, k.offsetNs) == 0 && java.util.Objects.equals(efficiency, k.efficiency)
          && windowed == k.windowed;
    }

    @Override
    public int hashCode() {
      return ((java.util.Objects.hashCode(base) * 31 + Double.hashCode(offsetNs)) * 31
          + java.util.Objects.hashCode(efficiency)) * 31 + Boolean.hashCode(windowed);
    }

    /** {@link WindowFractions#of} of this key's profile (shifted by the offset unless it is NaN). */
    double[][] fractions(DetsimConfig config) {
      TimeProfile p = Double.isNaN(offsetNs) ? base : DelayedTimeProfile.of(base, offsetNs);
      return of(p, windowed ? config : null, efficiency);
    }
  }

  /** {window fractions, fractions kept by the time efficiency} of {@code profile} ({@link #windowFractions}). */
  static double[][] of(TimeProfile profile, DetsimConfig windowed, WindowTimeEfficiency e) {
    double[] w = windowFractions(profile, windowed);
    return new double[][] {w, e == null || windowed == null || windowed.windows().isEmpty() ? w
        : keptFractions(profile, windowed, e, w)};
  }

  /**
   * {@code w} ({@link #windowFractions}) with the coincidence and anticoincidence entries replaced by the fraction
   * kept by the time efficiency, {@link WindowTimeEfficiency#keptFraction}; events outside the windows are not affected (as in
   * {@code BlockResponse}).
   */
  static double[] keptFractions(TimeProfile profile, DetsimConfig windowed, WindowTimeEfficiency e, double[] w) {
    var win = windowed.windows().get();
    double[] kept = w.clone();
    int c = WindowKind.COINCIDENCE.ordinal();
    int a = WindowKind.ANTICOINCIDENCE.ordinal();
    // nothing in a window, nothing kept (the signal's anticoincidence window before the pulse)
    kept[c] = w[c] == 0 ? 0 : e.keptFraction(profile, win.coincidenceStartNs(), win.coincidenceLengthNs());
    kept[a] = w[a] == 0 ? 0 : e.keptFraction(profile, win.anticoincidenceStartNs(), win.coincidenceLengthNs());
    return kept;
  }

  /** P(window) by {@link WindowKind} ordinal; all in {@code none} without windows. */
  static double[] windowFractions(TimeProfile profile, DetsimConfig windowed) {
    double[] w = new double[WindowKind.values().length];
    if (windowed == null || windowed.windows().isEmpty()) {
      w[WindowKind.NONE.ordinal()] = 1.0;
      return w;
    }
    var win = windowed.windows().get();
    double cs = win.coincidenceStartNs();
    double len = win.coincidenceLengthNs();
    double as = win.anticoincidenceStartNs();
    double pc = profile.cdf(cs + len) - profile.cdf(cs);
    double pa = profile.cdf(as + len) - profile.cdf(as);
    w[WindowKind.COINCIDENCE.ordinal()] = pc;
    w[WindowKind.ANTICOINCIDENCE.ordinal()] = pa;
    w[WindowKind.NONE.ordinal()] = Math.max(0.0, 1.0 - pc - pa);
    return w;
  }
}
