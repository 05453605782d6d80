package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    for (List<String> args : List.of(List.of("analyze", CONFIG), List.of("fit", CONFIG, "--poi", "mu"),
        List.of("scan", CONFIG, "--poi", "mu=0:2:3"))) {
      Path out = tmp.resolve("out-" + args.get(0));
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("-i", sample.toString(), "-o", out.toString(), "--quiet"));
      CliRunner.Result r = CliRunner.run(all.toArray(new String[0]));
      assertEquals(2, r.exitCode(), args + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: " + sample + ": a weighted sample (--weighted; its weights sum to the"
          + " expected count), not a dataset: "), r.err());
      assertTrue(r.err().contains("as data give a toy experiment (simulate without --weighted and --events)"),
          r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(Files.notExists(out), args.toString());
    }
  }
}
