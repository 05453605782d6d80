package org.cevns.detsim.setup;

import java.util.Objects;
import org.cevns.detsim.background.BackgroundComponent;

/**
 * One entry of {@code detectors[i].backgrounds}, built.
 *
 * @param component the background model (name, spectrum, rate, time profile)
 * @param sourceIndex index of the source whose periods and exposure the background follows
 * @param daysSinceReference days from the reference date of decaying activities to the start of every period
 *     (X-ray lines; 0 otherwise)
 * @param keyPath key path of the entry, e.g. {@code detectors[0].backgrounds[2]}
 */
public record BackgroundSpec(BackgroundComponent component, int sourceIndex, double daysSinceReference,
    String keyPath) {
  public BackgroundSpec {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(keyPath, "keyPath");
  }

  /** Component name. */
  public String name() {
    return component.name();
  }
}
