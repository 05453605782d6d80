package org.cevns.analysis.events;

import java.util.Comparator;

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
    /** {@code period} for window {@code none}, else {@code window} (e.g. {@code on}, {@code coincidence}). */
    public String label() {
      return window.equals(EventColumns.NO_WINDOW) ? period : window;
    }
  }
}
