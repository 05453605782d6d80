package org.cevns.events.block;

import java.util.List;

/**
 * The string values behind the integer codes of an {@link EventBlock}: detector, parent and period names.
 * Fixed for a run (it comes from the configuration), so writers can prepare encoded values once.
 *
 * @param detectors detector names, in configuration order
 * @param parents parent labels ({@code pi_prompt}, {@code mu_delayed}, {@code U235}, ...)
 * @param periods period names ({@code beam}, {@code on}, {@code off}, {@code run}, ...)
 */
public record EventDictionary(List<String> detectors, List<String> parents, List<String> periods) {
  public EventDictionary {
    detectors = List.copyOf(detectors);
    parents = List.copyOf(parents);
    periods = List.copyOf(periods);
  }
}
