package org.cevns.detsim.efficiency;

import org.cevns.physics.constants.Units;

/**
 * Efficiency as a function of the time since the start of the event's beam window (the reconstruction of
 * COHERENT CsI[Na]: events later in the recorded waveform are lost to the pile-up of earlier light): 1 up to
 * {@code flatNs}, then exp(−λ (t − flatNs)) with λ = {@code decayPerUs} per µs. COHERENT 2021 CsI[Na]: 520 ns and
 * 0.0494 /µs (the timing efficiency of the 2021 data release's documentation, as used with the release by
 * github {@code philippeller/Newtrinos.jl}). Applies to events in the coincidence and anti-coincidence windows
 * alike. Immutable.
 */
public final class WindowTimeEfficiency {
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
