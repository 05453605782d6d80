package org.cevns.analysis.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.hist.BinEdges;

/**
 * The edges of every histogram the analysis fills: observed energy (keVee) and photoelectrons per detector,
 * time (ns) for all, and the optional time axis of the energy × time fit.
 *
 * @param energyKeVee energy edges by detector name (every analysed detector)
 * @param pe photoelectron edges by detector name (detectors that count PE; others may be absent)
 * @param timeNs time edges, ns since the pulse start (pulsed) or the period start (steady sources)
 * @param fitTime the energy × time fit axis, if that fit is used
 */
public record HistogramBinning(Map<String, BinEdges> energyKeVee, Map<String, BinEdges> pe, BinEdges timeNs,
    Optional<FitTimeAxis> fitTime) {
  public HistogramBinning {
    if (energyKeVee == null || energyKeVee.isEmpty() || pe == null || timeNs == null || fitTime == null) {
      throw new IllegalArgumentException("energy edges (non-empty), pe edges, time edges and fitTime must be given");
    }
    energyKeVee = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(energyKeVee));
    pe = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pe));
  }

  /** The detectors with energy binning. */
  public Set<String> detectors() {
    return energyKeVee.keySet();
  }

  /** Energy edges of {@code detector}; fails for a detector the analysis does not know. */
  public BinEdges energy(String detector) {
    BinEdges e = energyKeVee.get(detector);
    if (e == null) {
      throw new IllegalArgumentException("detector '" + detector + "' is not in the configuration; detectors are "
          + new java.util.TreeSet<>(energyKeVee.keySet()));
    }
    return e;
  }
}
