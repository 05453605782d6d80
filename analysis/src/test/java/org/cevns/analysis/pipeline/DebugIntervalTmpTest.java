package org.cevns.analysis.pipeline;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.TemplateMaker;
import org.junit.jupiter.api.Test;

class DebugIntervalTmpTest {
  @Test
  void conus() throws Exception {
    String name = "magnetic_moment_mub.nue";
    double lower = 0;
    double upper = 2e-10;
    long maxEvents = 200000;
    String yaml = Files.readString(NewPhysicsScanTest.configsDir().resolve("conus-plus.yaml"));
    SimulationSetup sm = NewPhysicsScanTest.setup(yaml);
    SimulationSetup np = NewPhysicsScanTest.setup(yaml.replaceFirst("(?m)^sources:",
        "physics:\n  magnetic_moment_mub: {nue: 1.0e-10}\nsources:"));
    AnalysisConfig a = AnalysisConfig.of(sm.model().config());
    AnalysisJob.Options o = new AnalysisJob.Options(2, 1, Optional.empty(), maxEvents, s -> { });
    var grid = new PoiScan.Grid(name, lower, upper, 21);
    var point = AnalysisJob.family(sm).simulationPoint(java.util.Map.of(name, new double[] {lower, upper}));
    AnalysisJob.Prepared p = AnalysisJob.prepare(sm, a, o, point);
    SpectrumSet data = TemplateMaker.simulate(np, np.model().config().generator(), a.fit(), p.binning(), 77, 2,
        maxEvents, null).expected();
    var b = PoiScan.model(a, p.templates().expected(), data, PoiScan.withGridRanges(p.systematics(), List.of(grid)),
        List.of(name));
    var m = b.model();
    var obs = b.observations(data, a.fit().observable());
    ProfileLikelihood pl = ProfileLikelihood.of(m, obs, a.fit().fitOptions(), name, false);
    var best = pl.bestFit();
    int i = m.parameterIndex(name);
    System.err.println("DEBUG best " + best.parameters()[i] + " hesse " + best.hesseErrors()[i] + " dev "
        + best.deviance() + " range " + java.util.Arrays.toString(m.parameterNames().toArray()));
    for (double x = -2e-11; x <= 2.2e-10; x += 1e-11) {
      System.err.println("DEBUG q(" + x + ") = " + pl.q(x));
    }
    try {
      System.err.println("DEBUG i68 " + pl.interval68());
    } catch (RuntimeException e) {
      System.err.println("DEBUG i68 failed: " + e);
      e.printStackTrace();
    }
  }
}
