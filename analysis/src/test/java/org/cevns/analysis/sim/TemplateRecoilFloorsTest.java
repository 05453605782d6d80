package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.DetectionFloors;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.Process;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;
import org.cevns.schema.ExperimentConfig;
import org.junit.jupiter.api.Test;

/**
 * The templates' recoil floors ({@link TemplateRecoilFloors}, {@link DetectionFloors}): for every shipped
 * configuration the bound on the detected CEvNS signal left out, and the integral of it, are below
 * {@link TemplateRecoilFloors#MAX_LEFT_OUT}; the configurations they are applied to; the neon floor checked against
 * the Poisson tail of its photoelectron threshold; no floor where physics parameters reweight the templates.
 */
class TemplateRecoilFloorsTest {
  static SimulationSetup setup(ExperimentConfig c) {
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  static ExperimentConfig load(String file, String... overrides) {
    return ConfigLoader.load(FitRangeCheckTest.configs().resolve(file),
        Stream.of(overrides).map(ConfigOverride::parse).toList());
  }

  /**
   * Every shipped configuration: the bound and the integral of the fraction left out are at most 1e-4 (whether the
   * floors are applied or not: the configurations with analysis.parameters are derived as if they had none), and
   * the floors are applied exactly where they bring the template simulation's events down by at least 2 and no
   * physics parameter reweights the templates. The gains are those of docs/physics.md (tmplfloor section).
   */
  @Test
  void everyShippedConfigurationLeavesOutLessThanTheBound() throws Exception {
    Map<String, Double> gains = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(FitRangeCheckTest.configs())) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path p : files) {
      ExperimentConfig c = ConfigLoader.load(p, List.of());
      AnalysisConfig a = AnalysisConfig.of(c).withParameters(List.of());
      TemplateRecoilFloors.Decision d = TemplateRecoilFloors.derive(setup(c), a);
      String name = p.getFileName().toString();
      if (d.result().isPresent()) {
        DetectionFloors.Result r = d.result().get();
        assertTrue(r.maxBound() <= TemplateRecoilFloors.MAX_LEFT_OUT, name + ": " + r);
        for (DetectionFloors.Detector x : r.detectors()) {
          assertTrue(x.estimate() <= TemplateRecoilFloors.MAX_LEFT_OUT, name + ": " + x);
          assertTrue(x.expectedAbove() <= x.expectedAll(), name + ": " + x);
        }
      }
      if (d.applied() && AnalysisConfig.of(c).parameters().isEmpty()) {
        gains.put(name, Math.round(d.gain() * 100) / 100.0);
      }
    }
    assertEquals(Map.of("coherent-nai.yaml", 2.17, "conus-plus.yaml", 3.41, "conus.yaml", 5.15, "dresden-ii.yaml", 6.64,
        "neon.yaml", 4.93, "xenonnt-b8.yaml", 2.64), gains);
  }

  /**
   * neon: the Na and I floors are where the Poisson probability of at least 15 PE (threshold_pe) at 24 PE/keVee,
   * and at the +8 % light yield and +20 % quenching of its energy_scale and quenching systematics, drops to
   * ε η: P_max is the largest of those tails at the floor, and one node higher (a factor 10^(1/64)) one of them
   * exceeds ε η (the floor is the highest allowed).
   */
  @Test
  void neonFloorsAreThePhotoelectronTailsOfItsThreshold() {
    SimulationSetup s = setup(load("neon.yaml"));
    TemplateRecoilFloors.Decision d = TemplateRecoilFloors.of(s, AnalysisConfig.of(s.model().config()));
    assertTrue(d.applied());
    DetectionFloors.Result r = d.result().orElseThrow();
    double eta = r.detectors().get(0).minEfficiency();
    var response = s.detsim().response(0);
    for (DetectionFloors.Floor f : r.floors()) {
      double atFloor = tail(response, f.z(), f.floorKeVnr());
      double above = tail(response, f.z(), f.floorKeVnr() * Math.pow(10, 1.0 / 64));
      assertEquals(atFloor, f.maxDetectionProbability(), 1e-6 * atFloor, f.toString());
      assertTrue(atFloor <= TemplateRecoilFloors.MAX_LEFT_OUT * eta, f.toString());
      assertTrue(above > TemplateRecoilFloors.MAX_LEFT_OUT * eta, f.toString());
    }
    assertEquals(List.of("Na", "I"), r.floors().stream().map(DetectionFloors.Floor::label).toList());
  }

  /**
   * The largest P(N ≥ 15) at recoil t (keVnr) of the responses the templates are folded with: nominal (24 PE/keVee),
   * quenching × 1.2 and × 0.8, light yield × 1.08 and × 0.92.
   */
  private static double tail(org.cevns.detsim.detector.DetectorResponse r, int z, double t) {
    double visible = r.signalVisibleKeVee(Process.CEVNS, z, t);
    double p = 0;
    for (double peMean : new double[] {24 * visible, 24 * 1.2 * visible, 24 * 0.8 * visible, 24 * 1.08 * visible,
        24 * 0.92 * visible}) {
      p = Math.max(p, PoissonDistribution.of(peMean).survivalProbability(14));
    }
    return p;
  }

  /** Physics parameters reweight the templates' events: no floors (neither configured nor scanned). */
  @Test
  void noFloorsWhereTheTemplatesAreReweighted() {
    SimulationSetup s = setup(load("neon.yaml"));
    AnalysisConfig a = AnalysisConfig.of(s.model().config());
    AnalysisJob.Options o = new AnalysisJob.Options(1, 1, Optional.empty(), 1000, x -> { });
    assertTrue(AnalysisJob.recoilFloors(s, a, o).applied());
    assertFalse(AnalysisJob.recoilFloors(s, a, o.withoutRecoilFloors()).applied());
    assertFalse(AnalysisJob.recoilFloors(s, a.withParameters(List.of("sin2_theta_w")), o).applied());
    // coherent-csi-2017's CEvNS recoils are 8.5 % of its template simulation: not applied, its templates stay those of all recoils
    SimulationSetup csi = setup(load("coherent-csi-2017.yaml"));
    TemplateRecoilFloors.Decision d = AnalysisJob.recoilFloors(csi, AnalysisConfig.of(csi.model().config()), o);
    assertFalse(d.applied(), d.log());
  }
}
