package org.cevns.analysis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.SpectrumKey.Region;
import org.cevns.analysis.events.SpectrumSet;

/**
 * The regions (period, window) an analysis mode uses: the signal and control regions of the subtraction
 * (reactor ON/OFF, beam C/AC) and the channels of the fit.
 */
final class Regions {
  /** Period names written by the generator (ExperimentModel.PERIOD_*). */
  public static final String BEAM = "beam";
  public static final String ON = "on";
  public static final String OFF = "off";

  /** Reactor ON. */
  public static final Region REACTOR_ON = new Region(ON, EventColumns.NO_WINDOW);
  /** Reactor OFF. */
  public static final Region REACTOR_OFF = new Region(OFF, EventColumns.NO_WINDOW);
  /** Beam coincidence window. */
  public static final Region COINCIDENCE = new Region(BEAM, EventColumns.COINCIDENCE);
  /** Beam anti-coincidence window. */
  public static final Region ANTICOINCIDENCE = new Region(BEAM, EventColumns.ANTICOINCIDENCE);

  private Regions() {}

  /**
   * The signal region and its control region for subtraction: ON and OFF, or C and AC; empty for
   * {@link AnalysisMode#SINGLE}.
   */
  public static Optional<Region[]> subtractionPair(AnalysisMode mode) {
    return switch (mode) {
      case ON_OFF -> Optional.of(new Region[] {REACTOR_ON, REACTOR_OFF});
      case BEAM -> Optional.of(new Region[] {COINCIDENCE, ANTICOINCIDENCE});
      default -> Optional.empty();
    };
  }

  /**
   * The fit channels' regions: the pair of the mode; for {@link AnalysisMode#SINGLE} every region present in
   * the templates or the data.
   */
  public static List<Region> fitRegions(AnalysisMode mode, SpectrumSet templates, SpectrumSet data) {
    Optional<Region[]> pair = subtractionPair(mode);
    if (pair.isPresent()) {
      return List.of(pair.get());
    }
    Set<Region> r = new LinkedHashSet<>(templates.regions());
    r.addAll(data.regions());
    return new ArrayList<>(r);
  }

  /** The region where the signal is measured: ON, C, or (single) the first region. */
  public static Region signalRegion(AnalysisMode mode, List<Region> fitRegions) {
    return subtractionPair(mode).map(p -> p[0]).orElse(fitRegions.get(0));
  }
}
