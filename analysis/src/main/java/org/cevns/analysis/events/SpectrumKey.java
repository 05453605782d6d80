package org.cevns.analysis.events;

import java.util.Comparator;
import java.util.List;

/**
 * What one set of histograms holds: events of one detector, period, beam window and component.
 *
 * @param detector detector name
 * @param period period name ({@code beam}, {@code on}, {@code off}, {@code run})
 * @param window {@code coincidence}, {@code anticoincidence} or {@code none}
 * @param component {@code signal}, a background name, or {@code all} for data without component
 */
public record SpectrumKey(String detector, String period, String window, String component)
    implements Comparable<SpectrumKey> {
  private static final Comparator<SpectrumKey> ORDER = Comparator.comparing(SpectrumKey::detector)
      .thenComparing(SpectrumKey::period).thenComparing(SpectrumKey::window)
      .thenComparing(k -> k.component.equals(EventColumns.SIGNAL) ? "" : k.component);

  public SpectrumKey {
    if (detector == null || period == null || window == null || component == null) {
      throw new IllegalArgumentException("detector, period, window and component must not be null, got "
          + detector + ", " + period + ", " + window + ", " + component);
    }
  }

  /** The (period, window) region of this key. */
  public Region region() {
    return new Region(period, window);
  }

  /** True for signal events. */
  public boolean isSignal() {
    return component.equals(EventColumns.SIGNAL);
  }

  @Override
  public int compareTo(SpectrumKey o) {
    return ORDER.compare(this, o);
  }

  /**
   * A region of one detector's data: a period and a window ({@code none} for steady sources).
   *
   * @param period period name
   * @param window window name
   */
  public record Region(String period, String window) {
    private static final List<String> PERIODS = List.of("on", "off", "beam", "run");
    private static final List<String> WINDOWS = List.of(EventColumns.COINCIDENCE, EventColumns.ANTICOINCIDENCE,
        EventColumns.NO_WINDOW);
    /** Display order: periods on, off, beam, run, others by name; windows C, AC, none. */
    public static final Comparator<Region> ORDER = Comparator.comparingInt((Region r) -> rank(PERIODS, r.period))
        .thenComparing(Region::period).thenComparingInt(r -> rank(WINDOWS, r.window)).thenComparing(Region::window);

    private static int rank(List<String> order, String s) {
      int i = order.indexOf(s);
      return i < 0 ? order.size() : i;
    }

    /** {@code period} for window {@code none}, else {@code window} (e.g. {@code on}, {@code coincidence}). */
    public String label() {
      return window.equals(EventColumns.NO_WINDOW) ? period : window;
    }
  }
}
