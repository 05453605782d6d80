package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.fit.Interval;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SensitivityRanges;
import org.cevns.analysis.sim.SimulationSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default range of a new-physics POI without a grid ({@link SensitivityRanges}) follows the configuration's
 * expected sensitivity: it holds the expected 90 % CL limit of an Asimov scan on an explicit grid, and is at most
 * 100 × it. Regression: the fixed group scale (1e-9 μ_B) was ~150 × the xenon-solar-er limit (10⁷ template events)
 * and did not hold the coherent-csi one (the interval ended at the range). Deterministic (fixed seed, Asimov).
 */
class SensitivityRangesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // xenon-solar-er: the grid of the config's comment; Asimov 90 % CL ~6e-12 mu_B
    "xenon-solar-er.yaml|magnetic_moment_mub.all|0|3e-11|200000",
    // coherent-csi: mu_nu on Cs and I (and on electrons, the eves component); 90 % CL ~2.7e-9 mu_B
    "coherent-csi.yaml|magnetic_moment_mub.all|0|1.5e-8|300000",
  })
  void defaultRangeHoldsTheScanLimit(String config, String name, double lower, double upper, long maxEvents)
      throws Exception {
    SimulationSetup sm = NewPhysicsScanTest.setup(Files.readString(NewPhysicsScanTest.configsDir().resolve(config)));
    AnalysisConfig a = AnalysisConfig.of(sm.model().config());
    AnalysisJob.Options o = new AnalysisJob.Options(2, 1, Optional.empty(), maxEvents, s -> { });
    var point = AnalysisJob.family(sm).simulationPoint(Map.of(name, new double[] {lower, upper}));
    AnalysisJob.Prepared p = AnalysisJob.prepare(sm, a, o, point);
    PoiScan s = PoiScan.run(a, p.templates().expected(), null, p.systematics(), List.of(name),
        List.of(new PoiScan.Grid(name, lower, upper, 31)), true);
    Interval i90 = s.intervals().get(0).orElseThrow(() -> new AssertionError("no interval"))[1];
    assertEquals(0.90, i90.cl(), 1e-9);
    double limit = i90.upper();
    assertTrue(limit > lower && limit < upper, "the scan's 90 % CL limit inside its grid: " + limit);
    SensitivityRanges.Choice c = SensitivityRanges.choose(sm, a, AnalysisJob.family(sm), List.of(name)).get(0);
    assertTrue(c.upper() > limit && c.lower() < -limit, c.reason() + "; limit " + limit);
    assertTrue(c.upper() < 100 * limit && c.lower() > -100 * limit, c.reason() + "; limit " + limit);
  }
}
