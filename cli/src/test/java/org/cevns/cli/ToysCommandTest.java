package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cevns.analysis.report.ToyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns toys}: one row per toy, the same rows for any thread count and any split into shards. */
class ToysCommandTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  @TempDir Path tmp;

  @Test
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
    for (String n : a.names()) {
      assertArrayEquals(a.get(n), b.get(n), n);
    }
    // the summary of cevns sensitivity --toy-results
    Path summary = tmp.resolve("summary");
    r = CliRunner.run("sensitivity", CONFIG, "--toy-results", mr.toString(), "-o", summary.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("30 toy experiments"), r.out());
    assertTrue(r.out().contains("median expected significance"), r.out());
    for (String f : new String[] {"toys.json", "plots/toys-mu.png", "plots/toys-z.svg"}) {
      assertTrue(java.nio.file.Files.size(summary.resolve(f)) > 0, f);
    }
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
}
