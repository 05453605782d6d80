package org.cevns.events.block;


/**
 * A block of simulated detector events: the truth {@link EventBlock} plus the detsim columns, as arrays of
 * {@link EventBlock#CAPACITY}. Mutable and not thread-safe: one block belongs to one worker at a time.
 *
 * <p>Background rows carry no neutrino: in the truth block their {@code process}, {@code flavor} and
 * {@code parent} are {@link #NO_CODE}, {@code enuMeV} is NaN and {@code targetZ}/{@code targetA} are 0 (all
 * written as null); {@code recoilKeV} holds the drawn energy on the component's scale (keVnr or keVee).
 */
public final class SimBlock {
  /** Code of a truth column that has no value (background rows). */
  public static final byte NO_CODE = -1;
  /** {@link #component} code of signal events. */
  public static final int SIGNAL = 0;
  /** {@link #npe} of events of detectors that do not count photoelectrons. */
  public static final int NO_NPE = -1;

  /** The truth columns. */
  public final EventBlock truth = new EventBlock();
  /** Index into the component names ({@code signal} = 0, then background names). */
  public final int[] component = new int[EventBlock.CAPACITY];
  /** Visible energy before smearing, keVee. */
  public final double[] quenchedKeVee = new double[EventBlock.CAPACITY];
  /** Observed energy after the energy response, keVee. */
  public final double[] observedKeVee = new double[EventBlock.CAPACITY];
  /** Photoelectrons, or {@link #NO_NPE}. */
  public final int[] npe = new int[EventBlock.CAPACITY];
  /** Passed threshold, efficiencies, trigger and dead time. */
  public final boolean[] detected = new boolean[EventBlock.CAPACITY];
  /** {@link org.cevns.events.block.WindowKind} ordinal. */
  public final byte[] window = new byte[EventBlock.CAPACITY];

  /** Number of filled rows. */
  public int size() {
    return truth.size();
  }

  /**
   * Keeps only the detected rows, moved to the front in their order; returns the new size. Event ids keep
   * their values, so dropped events leave gaps in {@code event_id}.
   */
  public int compactDetected() {
    EventBlock t = truth;
    int n = t.size();
    int w = 0;
    for (int r = 0; r < n; r++) {
      if (!detected[r]) {
        continue;
      }
      if (w != r) {
        t.copyRow(r, w);
        component[w] = component[r];
        quenchedKeVee[w] = quenchedKeVee[r];
        observedKeVee[w] = observedKeVee[r];
        npe[w] = npe[r];
        detected[w] = true;
        window[w] = window[r];
      }
      w++;
    }
    t.setSize(w);
    return w;
  }
}
