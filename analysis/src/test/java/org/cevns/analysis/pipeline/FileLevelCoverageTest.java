package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injected signal recovered at the file level: toy event files with a known signal strength are read,
 * histogrammed and fitted by the same code as {@code cevns analyze}; the 68.27 % interval must cover the true μ in
 * 68 % ± 5 % of the toys and μ̂ must be unbiased.
 */
@Tag("slow")
class FileLevelCoverageTest {
  @TempDir Path tmp;

  @Test
  void injectedSignalIsRecoveredWithNominalCoverage() throws Exception {
    int toys = 400;
    double muTrue = 0.8;
    AnalysisConfig config = ConfigFixtures.beam("fit: {backgrounds: {steady: free, brn: 0.25}}\n");
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20250101L);
    int covered = 0;
    double sum = 0;
    double sum2 = 0;
    for (int t = 0; t < toys; t++) {
      String file = tmp.resolve("toy-" + t + ".parquet").toString();
      BeamToys.write(file, muTrue, rng, t);
      var read = EventFileHistogrammer.histogram(List.of(file), BeamToys.binning(), 1);
      AnalysisResult r = AnalysisResult.of(BeamToys.inputs(config, read.spectra(), read.exposure().orElseThrow(), t));
      var fit = r.fit().orElseThrow();
      assertTrue(fit.best().converged(), "toy " + t);
      double mu = fit.best().mu();
      sum += mu;
      sum2 += mu * mu;
      if (fit.interval68().orElseThrow().contains(muTrue)) {
        covered++;
      }
      java.nio.file.Files.delete(Path.of(file));
    }
    double coverage = (double) covered / toys;
    double mean = sum / toys;
    double sd = Math.sqrt((sum2 - toys * mean * mean) / (toys - 1));
    // binomial sd of the coverage with 400 toys: 2.3 %; the +-5 % band is +-2.1 sd (false-failure rate ~3.5 %;
    // deterministic for this seed)
    assertEquals(0.6827, coverage, 0.05, "coverage of the 68.27 % interval");
    // bias: |mean - mu| < 3 standard errors of the mean (false-failure rate 0.3 %)
    assertEquals(muTrue, mean, 3 * sd / Math.sqrt(toys), "mean of mu-hat");
  }
}
