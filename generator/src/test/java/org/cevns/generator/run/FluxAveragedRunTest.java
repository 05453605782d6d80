package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/** The run-level numbers stored in truth files for NuHepMC ({@link FluxAveragedRun}, {@link RunMetadata}). */
class FluxAveragedRunTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  private static ExperimentModel load(String name) {
    return ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve(name)));
  }

  private static Map<String, String> metadata(ExperimentModel model) {
    return RunMetadata.of(model, 1, EventCount.fixed(10, model.totalExpectedEvents()), false).toMap();
  }

  @Test
  void oneDetectorOneBeamIsTheSumOfTheRateReportsCrossSections() {
    ExperimentModel m = load("coherent-csi.yaml");
    FluxAveragedRun run = FluxAveragedRun.of(m);
    // one detector, one source: σ̄ per atom = Σ over processes of `cevns rates`'s flux-averaged cross section
    // (CEvNS 192.8e-40 cm² on CsI, ExperimentModelTest); different summation order, so within rounding
    RateReport.DetectorRates r = RateReport.of(m).get(0);
    double sum = r.fluxAveragedXsCm2().get(Process.CEVNS) + r.fluxAveragedXsCm2().get(Process.EVES);
    assertEquals(sum, run.fluxAveragedXsCm2(), 1e-12 * sum);
    assertEquals(m.exposures().get(0).exposure(), run.protonsOnTarget());
    assertTrue(Double.isNaN(run.liveSeconds()));
  }

  @Test
  void crossSectionTimesAtomsTimesFluenceIsTheExpectedTotal() {
    ExperimentModel m = load("reference.yaml");
    FluxAveragedRun run = FluxAveragedRun.of(m);
    // atoms × fluence summed over (exposure, component, detector), each pair once
    Map<String, Double> terms = new java.util.HashMap<>();
    Map<Integer, Double> atoms = new java.util.HashMap<>();
    Map<String, Double> seen = new java.util.HashMap<>();
    for (Channel c : m.channels()) {
      if (seen.put(c.detectorIndex() + "/" + c.isotope().label(), c.targets()) == null) {
        atoms.merge(c.detectorIndex(), c.targets(), Double::sum);
      }
    }
    for (Channel c : m.channels()) {
      terms.put(c.exposureIndex() + "/" + c.componentIndex() + "/" + c.detectorIndex(),
          atoms.get(c.detectorIndex()) * c.fluencePerCm2());
    }
    double denominator = terms.values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(m.totalExpectedEvents(), run.fluxAveragedXsCm2() * denominator, 1e-12 * m.totalExpectedEvents());
    // two POT values (csi's override 3.2e23, xe-enriched the source's 13.99 GWh) and several live times: no single
    // exposure in either unit
    assertTrue(Double.isNaN(run.protonsOnTarget()));
    assertTrue(Double.isNaN(run.liveSeconds()));
  }

  @Test
  void metadataHoldsTheExactValuesAndOmitsAnExposureThatIsNotOneValue() {
    ExperimentModel csi = load("coherent-csi.yaml");
    FluxAveragedRun run = FluxAveragedRun.of(csi);
    Map<String, String> m = metadata(csi);
    // Double.toString round-trips: the file holds the bits convert used to compute
    assertEquals(run.fluxAveragedXsCm2(), Double.parseDouble(m.get(TruthMetadata.FLUX_AVERAGED_XS_CM2)));
    assertEquals(run.protonsOnTarget(), Double.parseDouble(m.get(TruthMetadata.EXPOSURE_POT)));
    assertFalse(m.containsKey(TruthMetadata.EXPOSURE_LIVE_S));

    Map<String, String> ref = metadata(load("reference.yaml"));
    assertTrue(ref.containsKey(TruthMetadata.FLUX_AVERAGED_XS_CM2));
    assertFalse(ref.containsKey(TruthMetadata.EXPOSURE_POT));
    assertFalse(ref.containsKey(TruthMetadata.EXPOSURE_LIVE_S));
  }

  @Test
  void steadySourceHasItsLiveTime() {
    ExperimentModel m = ExperimentModel.build(ConfigLoader.parse("""
        name: steady
        sources:
          - {name: line, type: monoenergetic, energy_mev: 10, flavor: nuebar, flux_per_cm2_s: 1.0e7,
             exposure: {live_days: 10}}
        detectors:
          - {name: ge, target: {formula: Ge}, mass_kg: 1}
        """, CONFIGS));
    FluxAveragedRun run = FluxAveragedRun.of(m);
    assertEquals(10 * 86_400.0, run.liveSeconds(), 1e-6);
    assertTrue(Double.isNaN(run.protonsOnTarget()));
    assertEquals(Double.toString(run.liveSeconds()), metadata(m).get(TruthMetadata.EXPOSURE_LIVE_S));
    assertTrue(run.fluxAveragedXsCm2() > 0);
  }

  @Test
  void invalidValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new FluxAveragedRun(-1e-40, Double.NaN, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new FluxAveragedRun(Double.NaN, Double.NaN, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new FluxAveragedRun(1e-40, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> new FluxAveragedRun(1e-40, Double.NaN, Double.POSITIVE_INFINITY));
  }
}
