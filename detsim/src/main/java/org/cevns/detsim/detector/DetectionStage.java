package org.cevns.detsim.detector;

import java.util.Objects;
import org.cevns.detsim.efficiency.Efficiency;

/**
 * One factor of the detection probability of a detector.
 *
 * @param role what the factor stands for: {@code threshold}, {@code efficiency}, {@code trigger_efficiency}
 *     or {@code dead_time} (the configuration keys)
 * @param efficiency the probability of keeping an event given what was observed
 */
public record DetectionStage(String role, Efficiency efficiency) {
  public DetectionStage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(efficiency, "efficiency");
  }
}
