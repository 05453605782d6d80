package org.cevns.detsim.window;

/** Where the anti-coincidence window sits relative to the coincidence window. */
public enum AntiWindowPlacement {
  /** Starts {@code delayNs} before the coincidence window start (e.g. COHERENT CsI, before the pulse). */
  BEFORE,
  /** Starts {@code delayNs} after the coincidence window start (e.g. GeMini, 1.67 ms later). */
  DELAYED
}
