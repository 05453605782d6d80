package org.cevns.detsim.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cevns.detsim.window.AntiWindowPlacement;
import org.cevns.detsim.window.BeamWindows;
import org.cevns.events.block.WindowKind;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ConfigNode;
import org.cevns.schema.DoubleRange;
import org.cevns.schema.PhysicalRanges;
import org.cevns.schema.StageSection;

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
  /** Keys of the section, in documentation order. */
  public static final List<String> KEYS = List.of("coincidence_start_ns", "coincidence_length_ns",
      "anticoincidence", "anticoincidence_delay_ns", "record_start_ns", "record_length_ns");

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
    ConfigNode w = section.get().reader().requireMap();
    w.allowKeys(KEYS.toArray(new String[0]));
    List<SourceInfo> pulsed = sources.stream().filter(SourceInfo::pulsed).toList();
    if (pulsed.isEmpty()) {
      throw w.problem("only pulsed sources have beam windows, and the configuration has none");
    }
    double start = w.optionalDouble("coincidence_start_ns", PhysicalRanges.SIGNED_TIME_NS, 0.0);
    double length = w.requiredDouble("coincidence_length_ns", DoubleRange.openClosed(0, 1e9).because("up to 1 s"));
    AntiWindowPlacement placement = w.requiredEnum("anticoincidence", AntiWindowPlacement.class);
    double delay = length;
    if (w.has("anticoincidence_delay_ns")) {
      ConfigNode d = w.required("anticoincidence_delay_ns");
      delay = d.asDouble(PhysicalRanges.SIGNED_TIME_NS);
      if (!(delay >= length)) {
        throw d.error("must be >= coincidence_length_ns (" + ConfigException.render(length)
            + ", the windows must not overlap)");
      }
    }
    for (SourceInfo s : pulsed) {
      double period = s.periodNs();
      if (!(delay + length <= period)) {
        String key = w.has("anticoincidence_delay_ns") ? "anticoincidence_delay_ns" : "coincidence_length_ns";
        throw w.required(key).error("must fit both windows in one beam period of source '" + s.name() + "' ("
            + ConfigException.renderRounded(period) + " ns): anticoincidence_delay_ns + coincidence_length_ns <= "
            + ConfigException.renderRounded(period));
      }
    }
    double antiStart = placement == AntiWindowPlacement.BEFORE ? start - delay : start + delay;
    double first = Math.min(start, antiStart);
    double last = Math.max(start, antiStart) + length;
    double recordStart = first;
    if (w.has("record_start_ns")) {
      ConfigNode n = w.required("record_start_ns");
      recordStart = n.asDouble(PhysicalRanges.SIGNED_TIME_NS);
      if (!(recordStart <= first)) {
        throw n.error("must be <= the earlier window start (" + ConfigException.renderRounded(first) + ")");
      }
    }
    java.util.OptionalDouble recordLength = java.util.OptionalDouble.empty();
    if (w.has("record_length_ns")) {
      ConfigNode n = w.required("record_length_ns");
      double len = n.asDouble(DoubleRange.openClosed(0, 1e9).because("up to 1 s"));
      if (!(recordStart + len >= last)) {
        throw n.error("must reach the end of the later window: record_start_ns + record_length_ns >= "
            + ConfigException.renderRounded(last));
      }
      for (SourceInfo s : pulsed) {
        if (!(len <= s.periodNs())) {
          throw n.error("must be <= the beam period of source '" + s.name() + "' ("
              + ConfigException.renderRounded(s.periodNs()) + " ns)");
        }
      }
      recordLength = java.util.OptionalDouble.of(len);
    }
    w.requireAllConsumed();
    return Optional.of(new WindowsConfig(start, length, placement, delay, recordStart, recordLength));
  }
}
