package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --shard I/N} and {@code mapreduce simulate}: exactly the events of the unsharded run. */
@Tag("slow")
class SimulateShardTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  static final int EVENTS = 4 * EventBlock.CAPACITY + 1234;
  @TempDir Path tmp;

  private List<String> unsharded(boolean drop) throws Exception {
    Path whole = tmp.resolve("whole.parquet");
    List<String> args = new ArrayList<>(List.of("simulate", CONFIG, "-o", whole.toString(), "--events", "" + EVENTS,
        "--seed", "13", "--quiet"));
    if (drop) {
      args.add("--drop-undetected");
    }
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return ParquetRows.read(whole);
  }

  /** N = 3 over 4 full blocks and a partial one, with and without --drop-undetected, every column compared. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void threeShardsConcatenatedEqualTheUnshardedFile(boolean drop) throws Exception {
    List<String> expected = unsharded(drop);
    Path dir = tmp.resolve("shards");
    for (int i = 0; i < 3; i++) {
      Path shard = dir.resolve("part-" + i + ".parquet");
      List<String> args = new ArrayList<>(List.of("simulate", CONFIG, "-o", shard.toString(), "--events",
          "" + EVENTS, "--seed", "13", "--shard", i + "/3", "--threads", i == 1 ? "1" : "2"));
      if (drop) {
        args.add("--drop-undetected");
      }
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.err().contains("(shard " + i + "/3)"), r.err());
      Map<String, String> meta = ParquetMetadataReader.read(shard.toString());
      assertEquals(i + "/3", meta.get(TruthMetadata.SHARD));
      assertEquals("" + EVENTS, meta.get(TruthMetadata.RUN_EVENTS));
    }
    List<String> actual = ParquetRows.read(dir);
    assertEquals(expected.size(), actual.size());
    assertEquals(expected, actual);
    if (!drop) {
      assertEquals(EVENTS, actual.size());
    }
  }

  @Test
  void mapReduceSimulateEqualsSimulate() throws Exception {
    List<String> expected = unsharded(true);
    Path dir = tmp.resolve("mr");
    CliRunner.Result r = CliRunner.run("mapreduce", "simulate", CONFIG, "--shards", "3", "-o", dir.toString(),
        "--events", "" + EVENTS, "--seed", "13", "--drop-undetected", "--threads-per-task", "2",
        "-D", "mapreduce.framework.name=local", "-D", "hadoop.tmp.dir=" + tmp.resolve("hadoop"));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("_SUCCESS")));
    assertEquals(expected, ParquetRows.read(dir));
    Map<String, String> whole = ParquetMetadataReader.read(tmp.resolve("whole.parquet").toString());
    Map<String, String> part = ParquetMetadataReader.read(dir.resolve("part-m-00001.parquet").toString());
    for (String key : List.of(TruthMetadata.CONFIG, TruthMetadata.SEED, "cevns.response", "cevns.backgrounds",
        "cevns.stage", "cevns.drop_undetected")) {
      assertEquals(whole.get(key), part.get(key), key);
    }
  }

  /** {@code cevns analyze} reads a MapReduce output directory as the run it is: same counts and fit as the file. */
  @Test
  void analyzeReadsTheMapReduceDirectoryLikeTheFile() throws Exception {
    Path whole = tmp.resolve("toy.parquet");
    assertEquals(0, CliRunner.run("simulate", CONFIG, "-o", whole.toString(), "--seed", "21", "--quiet").exitCode());
    Path dir = tmp.resolve("mr");
    CliRunner.Result r = CliRunner.run("mapreduce", "simulate", CONFIG, "--shards", "3", "-o", dir.toString(),
        "--seed", "21", "--quiet", "-D", "mapreduce.framework.name=local", "-D",
        "hadoop.tmp.dir=" + tmp.resolve("hadoop"));
    assertEquals(0, r.exitCode(), r.err());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> summaries = new ArrayList<>();
    for (Path in : List.of(whole, dir)) {
      Path out = tmp.resolve("analysis-" + in.getFileName());
      CliRunner.Result a = CliRunner.run("analyze", CONFIG, "-i", in.toString(), "-o", out.toString(), "--seed", "3");
      assertEquals(0, a.exitCode(), a.err());
      summaries.add(json.readTree(out.resolve("summary.json").toFile()));
    }
    for (String key : List.of("exposure", "counts", "subtraction", "fit")) {
      assertEquals(summaries.get(0).get(key), summaries.get(1).get(key), key);
    }
  }
}
