package org.cevns.analysis.sim;

import java.util.Locale;
import java.util.Optional;
import org.cevns.detsim.setup.WindowsConfig;
import org.cevns.generator.run.RecoilFloors;
import org.cevns.schema.ConfigException;

/**
 * A progress note beside the template simulation's line when most of its events are backgrounds outside the beam
 * windows, which a beam fit (C and AC windows) never reads. Beam-unrelated backgrounds are spread uniformly over the
 * recorded span of each beam cycle ({@code windows.record_start_ns}, {@code record_length_ns}), by default the whole
 * beam period: a new SNS design written from configs/reference.yaml without those keys (walk33: 10 kg NaI, 6 µs
 * windows, a steady background of 1 /(keV kg d)) simulated 2.09e6 template events of which 1.3e4 fell in the windows
 * (15 s instead of 2.5 s), and {@code analysis.fit.min_background_template_events}, which compares a background's
 * events over the whole span, could not give its windows more events. Recording the two windows alone fixes both.
 */
public final class RecordSpanNote {
  /** Share of the template expectation outside the windows above which the note is given. */
  static final double MAX_OUTSIDE_SHARE = 0.5;

  private RecordSpanNote() {}

  /**
   * The note for {@code setup}, whose template simulation draws the signal above {@code floors}; empty without beam
   * windows, with a configured {@code windows.record_length_ns} (the shipped beam configurations record a span around
   * their windows on purpose: coherent-ge, whose delayed anticoincidence window lies 1.67 ms after the pulse, has 99 %
   * of its template events outside the windows) or when at most {@link #MAX_OUTSIDE_SHARE} of the expectation is
   * outside them.
   */
  public static Optional<String> of(SimulationSetup setup, RecoilFloors floors) {
    Optional<WindowsConfig> windows = setup.detsim().windows();
    double total = TemplateMaker.expectedEvents(setup, floors);
    double outside = setup.backgrounds().expectedOutsideWindows();
    if (windows.isEmpty() || windows.get().recordLengthNs().isPresent() || !(total > 0)
        || !(outside / total > MAX_OUTSIDE_SHARE)) {
      return Optional.empty(); // a configured span is the user's choice (coherent-csi records 3 x its windows)
    }
    WindowsConfig w = windows.get();
    double start = Math.min(w.coincidenceStartNs(), w.anticoincidenceStartNs());
    double end = Math.max(w.coincidenceStartNs(), w.anticoincidenceStartNs()) + w.coincidenceLengthNs();
    double share = outside / total;
    return Optional.of(String.format(Locale.ROOT, "%.3g %% of the template simulation's events are backgrounds"
        + " outside the beam windows, which the fit does not read: beam-unrelated backgrounds are spread over the"
        + " recorded span of each beam cycle (windows.record_start_ns, windows.record_length_ns; default: the whole"
        + " beam period); recording the two windows alone, windows.record_start_ns: %s and"
        + " windows.record_length_ns: %s, keeps the windows' template events without those outside, and lets"
        + " analysis.fit.min_background_template_events count the windows' events",
        100 * share, ConfigException.render(start), ConfigException.render(end - start)));
  }
}
