package org.cevns.generator.run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.physics.source.ExposureUnit;

/**
 * A run as one flux-averaged total cross section and one exposure: the run-level numbers of the NuHepMC 1.0.0
 * {@code GenRunInfo} (NuHepMC specification, github.com/NuHepMC/Spec, conventions G.C.1 and G.C.2). Computed
 * from the model when a truth file is written and stored in its metadata ({@link RunMetadata}), so that
 * {@code cevns convert} needs neither the configuration nor the files it names.
 *
 * @param fluxAveragedXsCm2 σ̄ per target atom in cm², such that expected events = σ̄ × Σ over (exposure, source
 *     component) of target atoms × fluence; 0 when there is no fluence
 * @param protonsOnTarget the exposure in protons on target when every beam exposure of the run with protons on
 *     target has the same value, else NaN (none, or several values)
 * @param liveSeconds the exposure in live seconds when every exposure in live seconds has the same value, else
 *     NaN
 */
public record FluxAveragedRun(double fluxAveragedXsCm2, double protonsOnTarget, double liveSeconds) {
  public FluxAveragedRun {
    if (!(fluxAveragedXsCm2 >= 0) || Double.isInfinite(fluxAveragedXsCm2)) {
      throw new IllegalArgumentException("fluxAveragedXsCm2 must be finite and >= 0, got " + fluxAveragedXsCm2);
    }
    checkExposure("protonsOnTarget", protonsOnTarget);
    checkExposure("liveSeconds", liveSeconds);
  }

  private static void checkExposure(String name, double value) {
    if (!Double.isNaN(value) && !(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be NaN or finite and > 0, got " + value);
    }
  }

  /** The numbers of {@code model}'s run. */
  public static FluxAveragedRun of(ExperimentModel model) {
    return new FluxAveragedRun(fluxAveragedXsCm2(model), single(model, ExposureUnit.PROTON_ON_TARGET),
        single(model, ExposureUnit.LIVE_SECOND));
  }

  /**
   * σ̄ per target atom (cm²): the expected events of all channels over Σ over (exposure, source component,
   * detector) of the detector's target atoms × the component's fluence.
   */
  static double fluxAveragedXsCm2(ExperimentModel model) {
    // The sums run in the order cevns convert used before the value was stored (same bits).
    Map<String, Double> atoms = new HashMap<>();
    Map<String, Double> fluence = new LinkedHashMap<>();
    double expected = 0;
    for (Channel c : model.channels()) {
      expected += c.expectedEvents();
      atoms.put(c.detectorIndex() + "/" + c.isotope().label(), c.targets());
      fluence.put(c.exposureIndex() + "/" + c.componentIndex() + "/" + c.detectorIndex(), c.fluencePerCm2());
    }
    Map<Integer, Double> atomsPerDetector = new HashMap<>();
    for (Map.Entry<String, Double> e : atoms.entrySet()) {
      atomsPerDetector.merge(Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/'))), e.getValue(),
          Double::sum);
    }
    double denominator = 0;
    for (Map.Entry<String, Double> e : fluence.entrySet()) {
      int detector = Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('/') + 1));
      denominator += atomsPerDetector.get(detector) * e.getValue();
    }
    return denominator > 0 ? expected / denominator : 0;
  }

  /** The exposure in {@code unit} if all positive exposures in that unit agree, else NaN. */
  static double single(ExperimentModel model, ExposureUnit unit) {
    TreeSet<Double> values = new TreeSet<>();
    for (SourceExposure e : model.exposures()) {
      if (e.exposureUnit() == unit && e.exposure() > 0) {
        values.add(e.exposure());
      }
    }
    return values.size() == 1 ? values.first() : Double.NaN;
  }
}
