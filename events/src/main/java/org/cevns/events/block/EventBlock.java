package org.cevns.events.block;

/**
 * A reusable columnar buffer of truth events, the unit that flows between pipeline stages. String columns are
 * stored as small integer codes into the dictionaries of {@link EventDictionary}. Mutable and not thread-safe:
 * one block belongs to one worker at a time.
 */
public final class EventBlock {
  /** Number of events a block holds; block boundaries fix the random streams, so this is part of the format. */
  public static final int CAPACITY = 1 << 16;

  private int size;
  /** Unique event number within a run: block index × {@link #CAPACITY} + row. */
  public final long[] eventId = new long[CAPACITY];
  /** Index into {@link EventDictionary#detectors()}. */
  public final int[] detector = new int[CAPACITY];
  /** {@link org.cevns.physics.Process} ordinal. */
  public final byte[] process = new byte[CAPACITY];
  /** {@link org.cevns.physics.Flavor} ordinal. */
  public final byte[] flavor = new byte[CAPACITY];
  /** Index into {@link EventDictionary#parents()}. */
  public final int[] parent = new int[CAPACITY];
  /** Neutrino energy in MeV. */
  public final double[] enuMeV = new double[CAPACITY];
  /** Target atomic number (the struck nucleus for CEvNS, the atom for EvES). */
  public final int[] targetZ = new int[CAPACITY];
  /** Target mass number. */
  public final int[] targetA = new int[CAPACITY];
  /** Recoil kinetic energy in keV: nuclear recoil (keVnr) for CEvNS, electron kinetic energy for EvES. */
  public final double[] recoilKeV = new double[CAPACITY];
  /** Time in ns since the start of the pulse (pulsed sources) or of the period (steady sources). */
  public final double[] timeNs = new double[CAPACITY];
  /** Index into {@link EventDictionary#periods()}. */
  public final int[] period = new int[CAPACITY];
  /** Event weight: 1 for unweighted events; expected events represented by this one when weighted. */
  public final double[] weight = new double[CAPACITY];

  /** Number of filled rows. */
  public int size() {
    return size;
  }

  /** Sets the number of filled rows. */
  public void setSize(int size) {
    if (size < 0 || size > CAPACITY) {
      throw new IllegalArgumentException("size must be in [0, " + CAPACITY + "], got " + size);
    }
    this.size = size;
  }
}
