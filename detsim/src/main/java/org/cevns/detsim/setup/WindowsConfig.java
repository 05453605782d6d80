package org.cevns.detsim.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cevns.detsim.window.AntiWindowPlacement;
import org.cevns.detsim.window.BeamWindows;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PulseTimeProfile;
import org.cevns.schema.ConfigException;
import org.cevns.schema.StageSection;
import org.cevns.schema.WindowsKeys;

/**
 * The top-level {@code windows} section: the coincidence and anti-coincidence windows of every pulsed source,
 * in ns since the start of the proton pulse (see {@link BeamWindows}). Events of pulsed periods are classified
 * with them; events of steady sources are in no window.
 *
 * @param coincidenceStartNs {@code coincidence_start_ns}, finite; default 0
 * @param coincidenceLengthNs {@code coincidence_length_ns}, &gt; 0; required
 * @param placement {@code anticoincidence}: before | delayed; required
 * @param delayNs {@code anticoincidence_delay_ns}: start-to-start offset, &ge; the length and with
 *     delay + length &le; every pulsed source's beam period; default the length (adjacent windows)
 * @param recordStartNs {@code record_start_ns}: start of the part of each beam cycle the data acquisition
 *     records; default the earlier window start
 * @param recordLengthNs {@code record_length_ns}: its length (must hold both windows and fit in every pulsed
 *     source's beam period); empty (default) for the whole beam period. Beam-unrelated backgrounds are spread
 *     over this span and their live time is the beam time × span / period.
 */
public record WindowsConfig(double coincidenceStartNs, double coincidenceLengthNs, AntiWindowPlacement placement,
    double delayNs, double recordStartNs, java.util.OptionalDouble recordLengthNs) {
  public WindowsConfig {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(recordLengthNs, "recordLengthNs");
  }

  /** Start of the anti-coincidence window in ns. */
  public double anticoincidenceStartNs() {
    return placement == AntiWindowPlacement.BEFORE ? coincidenceStartNs - delayNs : coincidenceStartNs + delayNs;
  }

  /** Length in ns of the recorded span of a beam cycle of period {@code periodNs}. */
  public double recordLengthNs(double periodNs) {
    return recordLengthNs.orElse(periodNs);
  }

  /** The windows within a beam cycle of {@code periodNs}. */
  public BeamWindows forPeriodNs(double periodNs) {
    return BeamWindows.of(coincidenceStartNs, coincidenceLengthNs, placement, delayNs, periodNs);
  }

  /** The window of time {@code timeNs} (the same for every pulsed source: it does not depend on the period). */
  public WindowKind classify(double timeNs) {
    double antiStart = anticoincidenceStartNs();
    if (timeNs >= coincidenceStartNs && timeNs < coincidenceStartNs + coincidenceLengthNs) {
      return WindowKind.COINCIDENCE;
    }
    if (timeNs >= antiStart && timeNs < antiStart + coincidenceLengthNs) {
      return WindowKind.ANTICOINCIDENCE;
    }
    return WindowKind.NONE;
  }

  /**
   * Parses the section.
   *
   * @param section the {@code windows} section, if present
   * @param sources the configuration's sources (the windows must fit each pulsed source's beam period)
   */
  public static Optional<WindowsConfig> parse(Optional<StageSection> section, List<SourceInfo> sources) {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    String where = section.get().keyPath();
    JsonNode tree = section.get().node();
    WindowsKeys w = WindowsKeys.of(section.get());
    List<SourceInfo> pulsed = sources.stream().filter(SourceInfo::pulsed).toList();
    if (pulsed.isEmpty()) {
      throw new ConfigException(where, "only pulsed sources have beam windows, and the configuration has none");
    }
    double start = w.coincidenceStartNs().orElse(0.0);
    double length = w.coincidenceLengthNs();
    AntiWindowPlacement placement = AntiWindowPlacement.valueOf(w.anticoincidence().name());
    double delay = w.anticoincidenceDelayNs().orElse(length);
    if (w.anticoincidenceDelayNs().isPresent() && !(delay >= length)) {
      throw error(where, tree, "anticoincidence_delay_ns", "must be >= coincidence_length_ns ("
          + ConfigException.render(length) + ", the windows must not overlap)");
    }
    for (SourceInfo s : pulsed) {
      double period = s.periodNs();
      if (!(delay + length <= period)) {
        String key = w.anticoincidenceDelayNs().isPresent() ? "anticoincidence_delay_ns" : "coincidence_length_ns";
        throw error(where, tree, key, "must fit both windows in one beam period of source '" + s.name() + "' ("
            + ConfigException.renderRounded(period) + " ns): anticoincidence_delay_ns + coincidence_length_ns <= "
            + ConfigException.renderRounded(period));
      }
    }
    double antiStart = placement == AntiWindowPlacement.BEFORE ? start - delay : start + delay;
    double first = Math.min(start, antiStart);
    double last = Math.max(start, antiStart) + length;
    for (SourceInfo s : pulsed) {
      checkAroundThePulse(where, tree, w, s, start, length, first, last);
    }
    double recordStart = w.recordStartNs().orElse(first);
    if (w.recordStartNs().isPresent() && !(recordStart <= first)) {
      throw error(where, tree, "record_start_ns", "must be <= the earlier window start ("
          + ConfigException.renderRounded(first) + ")");
    }
    if (w.recordLengthNs().isPresent()) {
      double len = w.recordLengthNs().getAsDouble();
      if (!(recordStart + len >= last)) {
        throw error(where, tree, "record_length_ns", "must reach the end of the later window: record_start_ns +"
            + " record_length_ns >= " + ConfigException.renderRounded(last));
      }
      for (SourceInfo s : pulsed) {
        if (!(len <= s.periodNs())) {
          throw error(where, tree, "record_length_ns", "must be <= the beam period of source '" + s.name() + "' ("
              + ConfigException.renderRounded(s.periodNs()) + " ns)");
        }
      }
    }
    return Optional.of(new WindowsConfig(start, length, placement, delay, recordStart, w.recordLengthNs()));
  }

  /**
   * Beam events have times in [0, the proton pulse's end] plus the decay times, within their own beam cycle; the
   * neighbouring cycles' events are not simulated. So the coincidence window must overlap the proton pulse (else
   * it holds no beam neutrino), and both windows must lie between the end of the previous cycle's pulse
   * (pulse end − period) and the next pulse (+ period), where the real data would hold beam events the
   * simulation does not make.
   */
  private static void checkAroundThePulse(String where, JsonNode tree, WindowsKeys w, SourceInfo s, double start,
      double length, double first, double last) {
    PionDarParameters p = s.pionDar().orElseThrow();
    double pulseEndNs = PulseTimeProfile.protonPulse(p.pulseShape(), p.pulseWidthNs()).maxTimeNs();
    double period = s.periodNs();
    String startKey = w.coincidenceStartNs().isPresent() ? "coincidence_start_ns" : "coincidence_length_ns";
    if (!(start < pulseEndNs && start + length > 0)) {
      throw error(where, tree, startKey, "must place the coincidence window [" + ConfigException.renderRounded(start)
          + ", " + ConfigException.renderRounded(start + length) + ") ns over the proton pulse of source '"
          + s.name() + "' (0 to " + ConfigException.renderRounded(pulseEndNs) + " ns after the pulse start)");
    }
    if (!(first >= pulseEndNs - period && last <= period)) {
      String key = w.anticoincidenceDelayNs().isPresent() ? "anticoincidence_delay_ns" : startKey;
      throw error(where, tree, key, "must keep both windows [" + ConfigException.renderRounded(first) + ", "
          + ConfigException.renderRounded(last) + ") ns within one beam cycle of source '" + s.name()
          + "', after the previous pulse's end and before the next pulse (" + ConfigException.renderRounded(
              pulseEndNs - period) + " to " + ConfigException.renderRounded(period) + " ns)");
    }
  }

  /** {@code windows.KEY: ALLOWED, got VALUE}, the value as written in the file. */
  private static ConfigException error(String where, JsonNode tree, String key, String allowed) {
    return new ConfigException(ConfigException.join(where, key), allowed, ConfigException.render(tree.get(key)));
  }
}
