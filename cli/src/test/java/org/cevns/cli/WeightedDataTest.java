package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weighted file ({@code simulate --weighted}) given as data is refused (exit 2, one line, nothing written): its
 * weights sum to the expected count, so {@code analyze}, {@code fit} and {@code scan} histogrammed an expectation
 * with the sampling noise of the weights as observed counts and reported μ̂, a goodness of fit and a significance
 * as if of an experiment (reduced coherent-csi: 118.0 "observed" coincidence events, μ̂ = 1.9 +0.9 −0.7, 3.5σ,
 * χ² p = 0.15, without a word). Exit 0 on the old code.
 */
class WeightedDataTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  @Test
  void aWeightedFileIsNotData() throws Exception {
    Path sample = tmp.resolve("weighted.parquet");
    assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", sample.toString(), "--weighted", "--seed", "3",
        "--quiet").exitCode());
    FixedCountDataTest.assertRefusedAsData(tmp, sample, "a weighted sample (--weighted; its weights sum to the"
        + " expected count), not a dataset: ", "as data give a toy experiment (simulate without --weighted and"
        + " --events)");
  }
}
