package org.cevns.detsim.setup;

import java.util.Optional;
import org.cevns.schema.SourceType;
import org.cevns.physics.source.PionDarParameters;

/**
 * What the detsim sections need to know of a source.
 *
 * @param index index in the configuration
 * @param name source name
 * @param type source type
 * @param pionDar parameters of a pulsed (pion decay-at-rest) source
 */
public record SourceInfo(int index, String name, SourceType type, Optional<PionDarParameters> pionDar) {
  /** True for pulsed sources. */
  public boolean pulsed() {
    return pionDar.isPresent();
  }

  /** Beam period 1/f in ns of a pulsed source. */
  public double periodNs() {
    return org.cevns.detsim.window.BeamWindows.periodNsForRepetitionHz(pionDar.orElseThrow().repetitionHz());
  }
}
