package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: inputs that would be counted twice, are incomplete, or are not what they claim: one line, exit 2. */
class InputSafetyTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir static Path data;
  static Path sim;
  static Path shards;

  @BeforeAll
  static void files() {
    sim = data.resolve("sim.parquet");
    assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", sim.toString(), "--seed", "3", "--quiet").exitCode());
    shards = data.resolve("shards");
    for (int i = 0; i < 3; i++) {
      CliRunner.Result r = CliRunner.run("generate", CONFIG, "-o", shards.resolve("s" + i + ".parquet").toString(),
          "--seed", "1", "--events", "30000", "--shard", i + "/3", "--quiet");
      assertEquals(0, r.exitCode(), r.err());
    }
  }

  private static CliRunner.Result analyze(Path out, String... inputs) {
    String[] args = new String[inputs.length + 6];
    args[0] = "analyze";
    args[1] = CONFIG;
    args[2] = "-o";
    args[3] = out.toString();
    args[4] = "--quiet";
    args[5] = "-i";
    System.arraycopy(inputs, 0, args, 6, inputs.length);
    return CliRunner.run(args);
  }

  @Test
  void analyzeRefusesTheSameFileTwice(@TempDir Path tmp) {
    Path out = tmp.resolve("a");
    CliRunner.Result r = analyze(out, sim.toString(), sim.toString());
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("given twice"), r.err());
  }

  @Test
  void analyzeRefusesACopyOfARun(@TempDir Path tmp) throws Exception {
    Path copy = Files.copy(sim, tmp.resolve("copy.parquet"));
    Path out = tmp.resolve("a");
    CliRunner.Result r = analyze(out, sim.toString(), copy.toString());
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("hold the same run"), r.err());
  }

  @Test
  void analyzeRefusesAShardGivenInItsDirectoryAndAsAFile(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("sim"));
    for (int i = 0; i < 2; i++) {
      assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", dir.resolve("s" + i + ".parquet").toString(), "--seed",
          "4", "--shard", i + "/2", "--quiet").exitCode());
    }
    Path out = tmp.resolve("a");
    CliRunner.Result r = analyze(out, dir.toString(), dir.resolve("s1.parquet").toString());
    Failures.assertClean(2, r, out);
    Files.delete(dir.resolve("s1.parquet"));
    r = analyze(out, dir.toString());
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("incomplete shard set") && r.err().contains("missing shard [1]"), r.err());
  }

  @Test
  void detsimRefusesMixedDuplicatedOrIncompleteShardDirectories(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("d.parquet");
    Path dir = Files.createDirectory(tmp.resolve("mixed"));
    for (int i = 0; i < 3; i++) {
      Files.copy(shards.resolve("s" + i + ".parquet"), dir.resolve("s" + i + ".parquet"));
    }
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", dir.resolve("t.parquet").toString(), "--seed", "2",
        "--events", "100", "--quiet").exitCode());
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("mixes the files of 2 different runs"), r.err());
    Files.delete(dir.resolve("t.parquet"));
    Files.copy(dir.resolve("s1.parquet"), dir.resolve("s1-copy.parquet"));
    r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("both hold shard 1/3"), r.err());
    Files.delete(dir.resolve("s1-copy.parquet"));
    Files.delete(dir.resolve("s2.parquet"));
    r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("missing shard [2]"), r.err());
  }

  @Test
  void mapReduceDirectoryWithoutSuccessIsRefused(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("mr"));
    for (int i = 0; i < 3; i++) {
      Files.copy(shards.resolve("s" + i + ".parquet"), dir.resolve(String.format("part-m-%05d.parquet", i)));
    }
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("no _SUCCESS"), r.err());
    Files.createFile(dir.resolve("_SUCCESS"));
    r = CliRunner.run("detsim", CONFIG, "-i", dir.toString(), "-o", out.toString(), "--quiet");
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void detectorLevelFileAsTruthIsRefused(@TempDir Path tmp) {
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", sim.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    assertTrue(r.err().contains("is a detector-level file"), r.err());
  }

  @Test
  void corruptPagesAreInputErrors(@TempDir Path tmp) throws Exception {
    // 4 kB of noise in the middle of the compressed column chunks: the ZSTD frames no longer decode
    Path truth = tmp.resolve("t.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", truth.toString(), "--seed", "5", "--events", "200000",
        "--quiet").exitCode());
    byte[] b = Files.readAllBytes(truth);
    byte[] noise = new byte[2048];
    RandomSource.XO_RO_SHI_RO_128_PP.create(16L).nextBytes(noise);
    for (int k = 1; k <= 9; k++) {
      System.arraycopy(noise, 0, b, b.length * k / 12, noise.length);
    }
    Path bad = Files.write(tmp.resolve("bad.parquet"), b);
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", bad.toString(), "-o", out.toString(), "--quiet",
        "--no-backgrounds");
    Failures.assertClean(2, r, out);
    byte[] s = Files.readAllBytes(sim);
    for (int k = 1; k <= 9; k++) { // every column analyze reads is hit (it skips the others)
      System.arraycopy(noise, 0, s, s.length * k / 12, noise.length);
    }
    Path badSim = Files.write(tmp.resolve("bad-sim.parquet"), s);
    Path dir = tmp.resolve("a");
    r = analyze(dir, badSim.toString());
    Failures.assertClean(2, r, dir);
  }

  /** A Parquet file written by another tool: cevns column names with other types, no cevns metadata. */
  private static Path foreignFile(Path file) throws Exception {
    org.apache.parquet.schema.MessageType schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
        "message other { required binary detector (UTF8); required binary event_id (UTF8); required double"
            + " observed_kevee; required double time_ns; }");
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> w =
        org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
            .withType(schema).build()) {
      org.apache.parquet.example.data.simple.SimpleGroupFactory f =
          new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
      for (int i = 0; i < 100; i++) {
        w.write(f.newGroup().append("detector", "csi").append("event_id", "e" + i)
            .append("observed_kevee", i % 7 == 0 ? Double.NaN : i).append("time_ns", -1.0 * i));
      }
    }
    return file;
  }

  @Test
  void filesOfOtherToolsAreInputErrors(@TempDir Path tmp) throws Exception {
    Path foreign = foreignFile(tmp.resolve("other.parquet"));
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", foreign.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    Path dir = tmp.resolve("a");
    r = analyze(dir, foreign.toString());
    Failures.assertClean(2, r, dir);
  }
}
