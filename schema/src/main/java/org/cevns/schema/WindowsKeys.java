package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalDouble;

/**
 * The top-level {@code windows} section as bound ({@link ConfigBinding}): coincidence and anti-coincidence windows
 * of the pulsed sources, in ns since the start of the proton pulse. Each key is checked on its own here; detsim
 * checks them against each other and against the sources' beam periods when it builds its windows.
 *
 * @param coincidenceStartNs {@code coincidence_start_ns}, within ±1 s; default 0
 * @param coincidenceLengthNs {@code coincidence_length_ns}, in (0, 1 s]; required
 * @param anticoincidence {@code anticoincidence}: where the anti-coincidence window lies; required
 * @param anticoincidenceDelayNs {@code anticoincidence_delay_ns}, start-to-start offset, within ±1 s
 * @param recordStartNs {@code record_start_ns}, within ±1 s
 * @param recordLengthNs {@code record_length_ns}, in (0, 1 s]
 */
public record WindowsKeys(
    @JsonProperty("coincidence_start_ns") OptionalDouble coincidenceStartNs,
    @JsonProperty(value = "coincidence_length_ns", required = true) double coincidenceLengthNs,
    @JsonProperty(value = "anticoincidence", required = true) Anticoincidence anticoincidence,
    @JsonProperty("anticoincidence_delay_ns") OptionalDouble anticoincidenceDelayNs,
    @JsonProperty("record_start_ns") OptionalDouble recordStartNs,
    @JsonProperty("record_length_ns") OptionalDouble recordLengthNs) {

  /** Largest window or record length, 1 s. */
  private static final DoubleRange LENGTH_NS = DoubleRange.openClosed(0, 1e9).because("up to 1 s");

  /** Where the anti-coincidence window lies relative to the coincidence window. */
  public enum Anticoincidence {
    /** Before it. */
    BEFORE,
    /** After it. */
    DELAYED
  }

  public WindowsKeys {
    coincidenceStartNs = Checks.optional("coincidence_start_ns", coincidenceStartNs, PhysicalRanges.SIGNED_TIME_NS);
    LENGTH_NS.check("coincidence_length_ns", coincidenceLengthNs);
    Checks.present("anticoincidence", anticoincidence);
    anticoincidenceDelayNs = Checks.optional("anticoincidence_delay_ns", anticoincidenceDelayNs,
        PhysicalRanges.SIGNED_TIME_NS);
    recordStartNs = Checks.optional("record_start_ns", recordStartNs, PhysicalRanges.SIGNED_TIME_NS);
    recordLengthNs = Checks.optional("record_length_ns", recordLengthNs, LENGTH_NS);
  }

  /** Binds a {@code windows} section kept for detsim ({@link StageSection}). */
  public static WindowsKeys of(StageSection section) {
    return ConfigBinding.bind(section.node(), section.keyPath(), WindowsKeys.class);
  }
}
