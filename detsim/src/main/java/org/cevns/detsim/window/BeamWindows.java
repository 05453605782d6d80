package org.cevns.detsim.window;

import java.util.Objects;
import org.cevns.physics.Checks;
import org.cevns.physics.constants.Units;
import org.cevns.events.block.WindowKind;

/**
 * Coincidence and anti-coincidence windows of a pulsed source, in ns since the start of the proton pulse (the
 * time convention of generated pulsed events). Windows are half-open intervals [start, start + length).
 *
 * <ul>
 *   <li>coincidence: [{@code coincidenceStartNs}, + length), e.g. 0–6 µs at the SNS, or the whole 2.86 ms
 *       ESS pulse plus a tail;
 *   <li>anti-coincidence, same length, starting {@code delayNs} (start to start) before
 *       ({@link AntiWindowPlacement#BEFORE}) or after ({@link AntiWindowPlacement#DELAYED}) the coincidence
 *       start; {@code delayNs} &ge; length so the windows do not overlap (GeMini: DELAYED by 1.67 ms;
 *       "immediately before the pulse": BEFORE with delay = length).
 * </ul>
 *
 * Both windows lie in one beam cycle [{@link #cycleStartNs}, + {@link #periodNs}) that starts at the earlier
 * window; steady (beam-unrelated) backgrounds are spread uniformly over that cycle so both windows see them
 * with the same expectation. Times are classified as given (no folding modulo the period).
 */
public final class BeamWindows {
  private final double coincidenceStartNs;
  private final double lengthNs;
  private final AntiWindowPlacement placement;
  private final double delayNs;
  private final double periodNs;
  private final double antiStartNs;

  private BeamWindows(
      double coincidenceStartNs, double lengthNs, AntiWindowPlacement placement, double delayNs, double periodNs) {
    this.coincidenceStartNs = coincidenceStartNs;
    this.lengthNs = lengthNs;
    this.placement = placement;
    this.delayNs = delayNs;
    this.periodNs = periodNs;
    this.antiStartNs =
        placement == AntiWindowPlacement.BEFORE ? coincidenceStartNs - delayNs : coincidenceStartNs + delayNs;
  }

  /**
   * @param coincidenceStartNs start of the coincidence window, ns since the pulse start, finite
   * @param coincidenceLengthNs length of both windows in ns, &gt; 0
   * @param placement anti-coincidence window before or after the coincidence window
   * @param delayNs start-to-start offset of the anti-coincidence window in ns, &ge; coincidenceLengthNs
   * @param periodNs beam period (1 / repetition rate) in ns; both windows must fit in one period
   */
  public static BeamWindows of(
      double coincidenceStartNs,
      double coincidenceLengthNs,
      AntiWindowPlacement placement,
      double delayNs,
      double periodNs) {
    Checks.finite("coincidenceStartNs", coincidenceStartNs);
    Checks.positive("coincidenceLengthNs", coincidenceLengthNs);
    Objects.requireNonNull(placement, "placement");
    Checks.finite("delayNs", delayNs);
    Checks.positive("periodNs", periodNs);
    if (!(delayNs >= coincidenceLengthNs)) {
      throw Checks.fail("delayNs", ">= coincidenceLengthNs " + coincidenceLengthNs + " (windows must not overlap)",
          delayNs);
    }
    if (!(delayNs + coincidenceLengthNs <= periodNs)) {
      throw Checks.fail("periodNs", ">= delayNs + coincidenceLengthNs = " + (delayNs + coincidenceLengthNs)
          + " (both windows in one beam cycle)", periodNs);
    }
    return new BeamWindows(coincidenceStartNs, coincidenceLengthNs, placement, delayNs, periodNs);
  }

  /** Anti-coincidence window immediately before the coincidence window (delay = length). */
  public static BeamWindows immediatelyBefore(double coincidenceStartNs, double coincidenceLengthNs, double periodNs) {
    return of(coincidenceStartNs, coincidenceLengthNs, AntiWindowPlacement.BEFORE, coincidenceLengthNs, periodNs);
  }

  /** Beam period in ns for a repetition rate in Hz (&gt; 0): 1e9 / rate. */
  public static double periodNsForRepetitionHz(double repetitionHz) {
    return Units.NS_PER_S / Checks.positive("repetitionHz", repetitionHz);
  }

  /** Which window {@code timeNs} (ns since the pulse start) falls in. */
  public WindowKind classify(double timeNs) {
    if (timeNs >= coincidenceStartNs && timeNs < coincidenceStartNs + lengthNs) {
      return WindowKind.COINCIDENCE;
    }
    if (timeNs >= antiStartNs && timeNs < antiStartNs + lengthNs) {
      return WindowKind.ANTICOINCIDENCE;
    }
    return WindowKind.NONE;
  }

  /**
   * Time in ns covered by {@code kind} per beam cycle: the window length for the two windows, the rest of the
   * period for {@link WindowKind#NONE}.
   */
  public double lengthNs(WindowKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case COINCIDENCE, ANTICOINCIDENCE -> lengthNs;
      case NONE -> periodNs - 2 * lengthNs;
    };
  }

  /** Length of each window in ns. */
  public double windowLengthNs() {
    return lengthNs;
  }

  /** Fraction of the beam cycle covered by one window: length / period. */
  public double windowFraction() {
    return lengthNs / periodNs;
  }

  public double coincidenceStartNs() {
    return coincidenceStartNs;
  }

  public double coincidenceEndNs() {
    return coincidenceStartNs + lengthNs;
  }

  public double anticoincidenceStartNs() {
    return antiStartNs;
  }

  public double anticoincidenceEndNs() {
    return antiStartNs + lengthNs;
  }

  public AntiWindowPlacement placement() {
    return placement;
  }

  public double delayNs() {
    return delayNs;
  }

  public double periodNs() {
    return periodNs;
  }

  /** Start of the beam cycle used for steady backgrounds: the earlier of the two window starts. */
  public double cycleStartNs() {
    return Math.min(coincidenceStartNs, antiStartNs);
  }

  @Override
  public String toString() {
    return "BeamWindows(coincidence [" + coincidenceStartNs + ", " + coincidenceEndNs() + ") ns, anticoincidence ["
        + antiStartNs + ", " + anticoincidenceEndNs() + ") ns, period " + periodNs + " ns)";
  }
}
