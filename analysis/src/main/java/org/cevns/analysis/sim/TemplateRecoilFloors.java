package org.cevns.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.detsim.sim.DetectionFloors;
import org.cevns.generator.run.RecoilFloors;

/**
 * The recoil floors of an analysis's template simulation ({@link DetectionFloors}: per detector and element, the
 * recoil below which no response the templates are folded with detects a CEvNS recoil with more than a probability
 * that leaves out at most {@link #MAX_LEFT_OUT} of any template key's detected signal), and whether they are applied.
 * They are not when a physics parameter reweights the templates' events (a cross section of another shape moves
 * events to low recoils: the bound holds for the simulated physics only), nor when they would not bring the template
 * simulation's expected events down by at least {@link #MIN_GAIN} (then the templates stay those of the full
 * recoil range, bit for bit).
 */
final class TemplateRecoilFloors {
  /** ε of {@link DetectionFloors}: the largest fraction of a key's detected CEvNS signal left out. */
  static final double MAX_LEFT_OUT = 1e-4;
  /** Smallest factor by which the floors must bring down the template simulation's expected events. */
  static final double MIN_GAIN = 2.0;

  /**
   * The decision.
   *
   * @param floors the floors to simulate with ({@link RecoilFloors#NONE} when not applied)
   * @param result the floors derived, if they were
   * @param gain the template simulation's expected events over all recoils over those above the floors
   * @param log the line for the progress log
   */
  record Decision(RecoilFloors floors, java.util.Optional<DetectionFloors.Result> result, double gain, String log) {
    boolean applied() {
      return floors != RecoilFloors.NONE;
    }
  }

  private TemplateRecoilFloors() {}

  /** Not applied, with the reason. */
  static Decision none(String why) {
    return new Decision(RecoilFloors.NONE, java.util.Optional.empty(), 1.0, "template recoil floors: none (" + why + ")");
  }

  /** The floors of {@code setup}'s templates, covering the response systematics of {@code config}. */
  static Decision of(SimulationSetup setup, AnalysisConfig config) {
    double full = setup.expectedEvents();
    double cevns = 0;
    for (var c : setup.model().channels()) {
      cevns += c.process() == org.cevns.physics.Process.CEVNS ? c.expectedEvents() : 0;
    }
    if (!(full >= MIN_GAIN * (full - cevns))) { // even without any CEvNS event the gain would be below MIN_GAIN
      return none(String.format(Locale.ROOT, "CEvNS is %.3g of the template expectation", cevns / full));
    }
    return derive(setup, config);
  }

  /** {@link #of} without its shortcut: the floors derived whatever the gain. */
  static Decision derive(SimulationSetup setup, AnalysisConfig config) {
    double full = setup.expectedEvents();
    List<DetectionFloors.Variant> variants = new ArrayList<>();
    variants.add(variant(setup));
    for (TemplateMaker.Varied v : TemplateMaker.varied(setup, config.systematics())) {
      variants.add(variant(v.setup()));
    }
    DetectionFloors.Result r = DetectionFloors.of(variants, MAX_LEFT_OUT);
    RecoilFloors f = r.recoilFloors();
    double above = TemplateMaker.expectedEvents(setup, f);
    double gain = full / above;
    String floors = String.join(", ", r.floors().stream().filter(x -> x.floorKeVnr() > 0).map(x -> String.format(
        Locale.ROOT, "%s %s >= %.3g keVnr", setup.detectors().get(x.detectorIndex()), x.label(), x.floorKeVnr()))
        .toList());
    String numbers = String.format(Locale.ROOT, "%s; expected events %.4g of %.4g (x%.3g); detected signal left out"
        + " <= %.2g (bound), %.2g (nominal, integral)", floors.isEmpty() ? "none" : floors, above, full, gain,
        r.maxBound(), r.detectors().stream().mapToDouble(DetectionFloors.Detector::estimate).max().orElse(0));
    if (!(gain >= MIN_GAIN)) {
      return new Decision(RecoilFloors.NONE, java.util.Optional.of(r), gain,
          "template recoil floors: not applied (gain below " + MIN_GAIN + "): " + numbers);
    }
    return new Decision(f, java.util.Optional.of(r), gain, "template recoil floors: " + numbers);
  }

  private static DetectionFloors.Variant variant(SimulationSetup s) {
    return new DetectionFloors.Variant(s.model(), s.detsim(), s.backgrounds());
  }
}
