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
  /** PDG code of the neutrino (12, -12, 14, ...); 0 on rows without a neutrino (detsim backgrounds). */
  public final int[] nuPdg = new int[CAPACITY];
  /** PDG code of the recoiling particle: nucleus 100ZZZAAA0 (CEvNS) or electron 11 (EvES); 0 without one. */
  public final int[] recoilPdg = new int[CAPACITY];
  /** Outgoing neutrino four-momentum (px, py, pz, E) in MeV, detector frame. */
  public final double[] nuOutPxMeV = new double[CAPACITY];
  public final double[] nuOutPyMeV = new double[CAPACITY];
  public final double[] nuOutPzMeV = new double[CAPACITY];
  public final double[] nuOutEMeV = new double[CAPACITY];
  /** Recoil four-momentum (px, py, pz, E) in MeV, detector frame; E is the total energy M + T. */
  public final double[] recoilPxMeV = new double[CAPACITY];
  public final double[] recoilPyMeV = new double[CAPACITY];
  public final double[] recoilPzMeV = new double[CAPACITY];
  public final double[] recoilEMeV = new double[CAPACITY];
  /** Interaction vertex in m, detector frame (origin at the detector centre). */
  public final double[] vertexXM = new double[CAPACITY];
  public final double[] vertexYM = new double[CAPACITY];
  public final double[] vertexZM = new double[CAPACITY];
  /** Index of the beam pulse since the start of the run (pulsed sources); {@link #NO_PULSE} for steady ones. */
  public final long[] pulseIndex = new long[CAPACITY];
  /** Time since the start of the run (of the period for steady sources) in s. */
  public final double[] timeS = new double[CAPACITY];

  /** {@link #pulseIndex} of events of steady sources (written as null). */
  public static final long NO_PULSE = -1L;

  /** Copies every column of row {@code from} to row {@code to}. */
  public void copyRow(int from, int to) {
    eventId[to] = eventId[from];
    detector[to] = detector[from];
    process[to] = process[from];
    flavor[to] = flavor[from];
    parent[to] = parent[from];
    enuMeV[to] = enuMeV[from];
    targetZ[to] = targetZ[from];
    targetA[to] = targetA[from];
    recoilKeV[to] = recoilKeV[from];
    timeNs[to] = timeNs[from];
    period[to] = period[from];
    weight[to] = weight[from];
    nuPdg[to] = nuPdg[from];
    recoilPdg[to] = recoilPdg[from];
    nuOutPxMeV[to] = nuOutPxMeV[from];
    nuOutPyMeV[to] = nuOutPyMeV[from];
    nuOutPzMeV[to] = nuOutPzMeV[from];
    nuOutEMeV[to] = nuOutEMeV[from];
    recoilPxMeV[to] = recoilPxMeV[from];
    recoilPyMeV[to] = recoilPyMeV[from];
    recoilPzMeV[to] = recoilPzMeV[from];
    recoilEMeV[to] = recoilEMeV[from];
    vertexXM[to] = vertexXM[from];
    vertexYM[to] = vertexYM[from];
    vertexZM[to] = vertexZM[from];
    pulseIndex[to] = pulseIndex[from];
    timeS[to] = timeS[from];
  }

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
