package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: {@code cevns run configs/coherent-lar.yaml} fits its own toy. The fit's templates are the CENNS-10
 * release's PDFs, while the toy is simulated by detsim; until 2026-12-04 the simulated steady state was flat in
 * energy and normalised for a 6 us window (2526 events in the coincidence window against the templates' 3154), and
 * the fit returned mu = -5.4 with chi2 = 1160 for 119 ndf (p = 1e-170). With the release's spectra and best-fit
 * counts (configs/coherent-lar.yaml, scripts/coherent_lar_background_spectra.py) seeds 1 and 7 give mu = 1.5 and
 * 1.0 (sigma_mu ~ 0.4) and chi2 = 115 and 109.
 *
 * <p>Bounds: mu within 1 +- 4 sigma_mu (sigma_mu ~ 0.4: [-0.6, 2.6]) and a goodness-of-fit p-value above 1e-4; for
 * a correct model each fails with probability ~1e-4 per seed, and the seeds are fixed.
 */
class CoherentLarToyFitTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 7})
  void runFitsItsOwnToy(int seed) throws Exception {
    Path out = tmp.resolve("lar");
    CliRunner.Result r = CliRunner.run("run", GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml").toString(),
        "-o", out.toString(), "--seed", Integer.toString(seed), "--threads", "1", "--quiet",
        "--set", "analysis.parameters=[]"); // the toy fit only (the physics POIs: ShippedConfigsRunTest)
    assertEquals(0, r.exitCode(), r.err());
    JsonNode fit = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("fit");
    double mu = fit.get("mu_hat").asDouble();
    assertTrue(mu > -0.6 && mu < 2.6, "mu_hat " + mu);
    double p = fit.get("goodness_of_fit").get("p_value").asDouble();
    assertTrue(p > 1e-4, "goodness-of-fit p-value " + p + ", chi2 " + fit.get("goodness_of_fit").get("chi2"));
  }
}
