package org.cevns.analysis.events;

import java.util.Optional;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.hist.Histogram2D;

/**
 * The histograms of one {@link SpectrumKey}: detected events weighted by their weight (× a scale for
 * templates).
 *
 * @param energy observed energy, keVee
 * @param pe photoelectrons, if the detector counts them
 * @param time time, ns
 * @param energyTime energy × time since the window start, for the energy × time fit (beam windows only)
 * @param sumW Σw of all detected events of the key (also those outside the histogram ranges)
 * @param sumW2 Σw² of the same
 * @param rows number of detected events (rows) read
 */
public record KeySpectra(Histogram1D energy, Optional<Histogram1D> pe, Histogram1D time,
    Optional<Histogram2D> energyTime, double sumW, double sumW2, long rows) {
  public KeySpectra {
    if (energy == null || pe == null || time == null || energyTime == null) {
      throw new IllegalArgumentException("histograms must not be null");
    }
  }

  /** Sum of two key spectra with the same binning (e.g. two components). */
  public KeySpectra plus(KeySpectra o) {
    return new KeySpectra(energy.plus(o.energy), add(pe, o.pe), time.plus(o.time),
        energyTime.isPresent() && o.energyTime.isPresent()
            ? Optional.of(energyTime.get().plusScaled(o.energyTime.get(), 1.0))
            : energyTime.isPresent() ? energyTime : o.energyTime,
        sumW + o.sumW, sumW2 + o.sumW2, rows + o.rows);
  }

  private static Optional<Histogram1D> add(Optional<Histogram1D> a, Optional<Histogram1D> b) {
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(a.get().plus(b.get()));
    }
    return a.isPresent() ? a : b;
  }

  /** Every content × c, Σw² × c² (rows unchanged). */
  public KeySpectra scaled(double c) {
    return new KeySpectra(energy.scaled(c), pe.map(h -> h.scaled(c)), time.scaled(c),
        energyTime.map(h -> h.scaled(c)), sumW * c, sumW2 * c * c, rows);
  }
}
