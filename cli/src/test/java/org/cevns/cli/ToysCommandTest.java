package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.report.ToyTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns toys}: one row per toy, the same rows for any thread count and any split into shards. */
class ToysCommandTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  @TempDir Path tmp;

  /** Tagged slow: 90 toys of the full CsI likelihood with 3 POIs and a local MapReduce job (~2 min idle). */
  @Test
  @Tag("slow")
  void rowsAreTheSameForAnyThreadCountShardSplitAndMapReduceJob() throws Exception {
    Path one = tmp.resolve("one");
    CliRunner.Result r = CliRunner.run("toys", CONFIG, "--toys", "30", "--seed", "3", "--threads", "1", "-o",
        one.toString(), "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    Path split = tmp.resolve("split");
    for (String s : new String[] {"1/3", "0/3", "2/3"}) {
      r = CliRunner.run("toys", CONFIG, "--toys", "30", "--seed", "3", "--threads", "2", "--shard", s, "-o",
          split.toString(), "--max-template-events", "100000", "--quiet");
      assertEquals(0, r.exitCode(), r.err());
    }
    // the same toys as a MapReduce job (Hadoop's local job runner), 3 map tasks
    Path mr = tmp.resolve("mr");
    r = CliRunner.run("mapreduce", "toys", CONFIG, "--toys", "30", "--shards", "3", "--seed", "3", "-o",
        mr.toString(), "--max-template-events", "100000", "--threads-per-task", "2", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    ToyTable.Columns a = ToyTable.read(one.toString());
    ToyTable.Columns b = ToyTable.read(split.toString());
    ToyTable.Columns c = ToyTable.read(mr.toString());
    assertEquals(a.names(), c.names());
    for (String n : a.names()) {
      assertArrayEquals(a.get(n), c.get(n), "mapreduce " + n);
    }
    assertEquals(30, a.rows());
    assertEquals(a.names(), b.names());
    assertTrue(a.names().contains("fit.mu") || a.names().stream().anyMatch(n -> n.startsWith("fit.")), a.names().toString());
    // the run's likelihood: the configured systematics are fit parameters with pulls, and each analysis.parameters
    // entry of the CsI config is fitted to every toy
    assertTrue(a.names().containsAll(List.of("fit.sns.flux", "pull.sns.flux", "fit.csi.efficiency",
        "sin2_theta_w_true", "sin2_theta_w_hat", "sin2_theta_w_lower_68", "sin2_theta_w_upper_68",
        "sin2_theta_w_covered_68", "sin2_theta_w_converged", "rn_fm.Cs133_hat", "rn_fm.I127_covered_68")),
        a.names().toString());
    double[] hat = a.get("sin2_theta_w_hat");
    double[] lo = a.get("sin2_theta_w_lower_68");
    double[] hi = a.get("sin2_theta_w_upper_68");
    double[] conv = a.get("sin2_theta_w_converged");
    int converged = 0;
    for (int i = 0; i < hat.length; i++) {
      if (conv[i] == 1) {
        converged++;
        assertTrue(lo[i] < hat[i] && hat[i] < hi[i], "toy " + i + ": " + lo[i] + " " + hat[i] + " " + hi[i]);
      }
    }
    assertTrue(converged >= 27, "sin2_theta_w converged in " + converged + " of 30 toys");
    for (String n : a.names()) {
      assertArrayEquals(a.get(n), b.get(n), n);
    }
    // the summary of cevns sensitivity --toy-results
    Path summary = tmp.resolve("summary");
    r = CliRunner.run("sensitivity", CONFIG, "--toy-results", mr.toString(), "-o", summary.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("30 toy experiments"), r.out());
    assertTrue(r.out().contains("median expected significance"), r.out());
    assertTrue(r.out().contains("sin2_theta_w (true 0.2"), r.out());
    assertTrue(r.out().contains("rn_fm.Cs133 (true "), r.out());
    for (String f : new String[] {"toys.json", "plots/toys-mu.png", "plots/toys-z.svg", "plots/toys-sin2_theta_w.png",
        "plots/toys-rn_fm.I127.svg"}) {
      assertTrue(java.nio.file.Files.size(summary.resolve(f)) > 0, f);
    }
    var toyJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary.resolve("toys.json").toFile());
    var params = toyJson.get("parameters");
    assertEquals(3, params.size(), params.toString());
    assertEquals("sin2_theta_w", params.get(0).get("name").asText());
    double cov = params.get(0).get("coverage_68").asDouble();
    assertTrue(cov >= 0 && cov <= 1 && params.get(0).get("median_minus_68").asDouble() > 0, params.toString());
    // the summary is staged like every directory output, and never written inside its input table
    assertEquals(List.of(), Failures.temporaries(tmp));
    r = CliRunner.run("sensitivity", CONFIG, "--toy-results", mr.toString(), "-o", mr.resolve("s").toString());
    Failures.assertClean(2, r, mr.resolve("s"));
    assertTrue(r.err().contains("inside the input"), r.err());
    double[] toy = a.get("toy");
    for (int i = 0; i < toy.length; i++) {
      assertEquals(i, toy[i]);
    }
  }

  /** {@code analyze --toy-results}: the toy summary beside the analysis, the observed μ̂ and Z placed among the toys. */
  @Test
  @Tag("slow")
  void analyzeSummarisesTheToysAndPlacesTheObservedResultAmongThem() throws Exception {
    Path run = tmp.resolve("run");
    CliRunner.Result r = CliRunner.run("run", CONFIG, "-o", run.toString(), "--seed", "7", "--threads", "2",
        "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    Path toys = tmp.resolve("toys");
    r = CliRunner.run("toys", CONFIG, "--toys", "40", "--seed", "7", "-o", toys.toString(),
        "--max-template-events", "100000", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    Path out = tmp.resolve("analysis");
    r = CliRunner.run("analyze", CONFIG, "-i", run.resolve("events.parquet").toString(), "-o", out.toString(),
        "--seed", "7", "--max-template-events", "100000", "--toy-results", toys.toString(), "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("40 toy experiments"), r.out());
    assertTrue(r.out().contains("observed: mu_hat = "), r.out());
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var summary = json.readTree(out.resolve("summary.json").toFile());
    var toyJson = json.readTree(out.resolve("toys.json").toFile());
    assertEquals(40, toyJson.get("toys").asInt());
    assertEquals(summary.get("fit").get("mu_hat").asDouble(), toyJson.get("observed").get("mu_hat").asDouble(), 0);
    assertEquals(summary.get("fit").get("significance").get("z").asDouble(),
        toyJson.get("observed").get("z").asDouble(), 0);
    // the quantile is the fraction of the toys' Z below the observed one (ties half)
    double[] z = ToyTable.read(toys.toString()).get("z");
    double zObs = toyJson.get("observed").get("z").asDouble();
    double below = 0;
    for (double v : z) {
      below += v < zObs ? 1 : v == zObs ? 0.5 : 0;
    }
    assertEquals(below / z.length, toyJson.get("observed").get("z_quantile").asDouble(), 1e-12);
    for (String f : new String[] {"plots/toys-mu.png", "plots/toys-z.svg", "summary.txt"}) {
      assertTrue(java.nio.file.Files.size(out.resolve(f)) > 0, f);
    }
    // a missing toy table: one line, exit 2, nothing written
    Path out2 = tmp.resolve("analysis2");
    r = CliRunner.run("analyze", CONFIG, "-i", run.resolve("events.parquet").toString(), "-o", out2.toString(),
        "--toy-results", tmp.resolve("nope").toString(), "--quiet");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("cevns: --toy-results: "), r.err());
    assertTrue(java.nio.file.Files.notExists(out2));
  }
}
