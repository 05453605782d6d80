package org.cevns.detsim.background;

import org.cevns.physics.Checks;
import org.cevns.detsim.window.BeamWindows;
import org.cevns.physics.constants.Units;

/**
 * The time span over which beam-unrelated background times are drawn.
 *
 * @param pulsed true for one beam cycle of a pulsed source (times in ns since the pulse start), false for
 *     the live time of a steady-source period (times in ns since the period start)
 * @param startNs start of the span in ns
 * @param lengthNs length of the span in ns, &gt; 0
 */
public record TimeFrame(boolean pulsed, double startNs, double lengthNs) {
  public TimeFrame {
    Checks.finite("startNs", startNs);
    Checks.positive("lengthNs", lengthNs);
  }

  /** One beam cycle that contains both windows: [cycle start, + period). */
  public static TimeFrame pulseCycle(BeamWindows windows) {
    return new TimeFrame(true, windows.cycleStartNs(), windows.periodNs());
  }

  /** The live time of a steady-source period: [0, liveSeconds · 1e9) ns. */
  public static TimeFrame run(double liveSeconds) {
    return new TimeFrame(false, 0.0, Checks.positive("liveSeconds", liveSeconds) * Units.NS_PER_S);
  }

  /** End of the span in ns. */
  public double endNs() {
    return startNs + lengthNs;
  }
}
