package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.junit.jupiter.api.Test;

/**
 * A new-physics parameter of {@code analysis.parameters} with a constraint width
 * ({@link org.cevns.analysis.config.Systematics#withPhysicsSigmas}) is a Gaussian-constrained physics nuisance of
 * the fit: on the Asimov dataset of COHERENT CsI its Hesse error is the free error and the
 * constraint combined in quadrature (1/σ² = 1/σ_free² + 1/S², to 10 %: the profile is not exactly parabolic),
 * and it stays at the configured value.
 */
class ConstrainedPhysicsNuisanceTest {
  @Test
  void sigmaEntryConstrainsTheNewPhysicsParameter() throws Exception {
    String yaml = Files.readString(NewPhysicsScanTest.configsDir().resolve("coherent-csi.yaml"));
    String name = "nsi.u.ee";
    double[] errors = new double[2];
    double sigma = 0.02;
    for (int k = 0; k < 2; k++) {
      String withParameter = yaml.replaceFirst("(?m)^  parameters: \\[.*$", "  parameters: [" + name + "]");
      SimulationSetup sm = NewPhysicsScanTest.setup(withParameter);
      AnalysisConfig a = AnalysisConfig.of(sm.model().config());
      if (k == 1) {
        a = a.withSystematics(a.systematics().withPhysicsSigmas(java.util.Map.of(name, sigma)));
      }
      assertEquals(List.of(name), a.parameters());
      AnalysisJob.Options o = new AnalysisJob.Options(2, 1, Optional.empty(), 100000, s -> { });
      AnalysisJob.Prepared p = AnalysisJob.prepare(sm, a, o);
      var built = PoiScan.model(a, p.templates().expected(), null, p.systematics(), List.of(name));
      PhysicsParameter par = built.model().physics().get(0);
      assertEquals(name, par.name());
      assertEquals(k == 0 ? 0.0 : sigma, par.sigma(), 0.0);
      var m = built.model();
      var obs = org.cevns.analysis.stat.Asimov.dataset(m, m.nominalParameters(1.0));
      ProfileLikelihood pl = ProfileLikelihood.of(m, obs, a.fit().fitOptions(), name, false);
      int i = m.parameterIndex(name);
      assertEquals(0.0, pl.bestFit().parameters()[i], 1e-3, "Asimov best fit at the configured value");
      errors[k] = pl.bestFit().hesseErrors()[i];
    }
    double combined = 1 / Math.sqrt(1 / (errors[0] * errors[0]) + 1 / (sigma * sigma));
    assertTrue(errors[0] > sigma, "the constraint must matter: free error " + errors[0]);
    assertEquals(combined, errors[1], 0.1 * combined, "free " + errors[0] + ", constrained " + errors[1]);
  }
}
