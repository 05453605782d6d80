package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cevns mapreduce generate} with Hadoop's local job runner. */
@Tag("slow")
class MapReduceCommandTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  @TempDir Path tmp;

  @Test
  void outputDirectoryHoldsTheEventsOfGenerate() throws Exception {
    int events = 2 * EventBlock.CAPACITY + 77;
    Path whole = tmp.resolve("whole.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", whole.toString(), "--events", "" + events, "--seed", "9",
        "--quiet").exitCode());
    Path dir = tmp.resolve("mr");
    CliRunner.Result r = CliRunner.run("mapreduce", "generate", CONFIG, "--shards", "2", "-o", dir.toString(),
        "--events", "" + events, "--seed", "9", "--threads-per-task", "2",
        "-D", "mapreduce.framework.name=local", "-D", "hadoop.tmp.dir=" + tmp.resolve("hadoop"));
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("cevns: wrote " + events + " events in 2 shards"), r.err());
    assertTrue(Files.exists(dir.resolve("_SUCCESS")));
    List<double[]> expected = GenerateShardTest.read(whole);
    List<double[]> actual = GenerateShardTest.read(dir);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "event " + i);
    }
  }

  /**
   * {@code mapreduce simulate --drop-undetected}: the closing line names the events simulated and the rows written
   * (it said "wrote 20000 events" of part files holding the detected ones only), and {@code cevns merge} accepts the
   * output.
   */
  @Test
  void droppedUndetectedRunSaysWhatItWrote() throws Exception {
    Path dir = tmp.resolve("mr");
    CliRunner.Result r = CliRunner.run("mapreduce", "simulate", CONFIG, "--shards", "2", "-o", dir.toString(),
        "--events", "20000", "--seed", "9", "--drop-undetected", "--threads-per-task", "1",
        "-D", "mapreduce.framework.name=local", "-D", "hadoop.tmp.dir=" + tmp.resolve("hadoop"));
    assertEquals(0, r.exitCode(), r.err());
    long rows = 0;
    for (String part : List.of("part-m-00000.parquet", "part-m-00001.parquet")) {
      rows += Long.parseLong(org.cevns.events.io.ParquetMetadataReader.read(dir.resolve(part).toString())
          .get("cevns.events"));
    }
    assertTrue(rows > 0 && rows < 20000, "rows " + rows);
    assertTrue(r.err().contains("cevns: simulated 20000 events, wrote " + rows + " in 2 shards"), r.err());
    CliRunner.Result m = CliRunner.run("merge", dir.toString());
    assertEquals(0, m.exitCode(), m.err());
  }

  @Test
  void userErrorsExitTwoBeforeAnyJob() {
    Path dir = tmp.resolve("mr");
    CliRunner.Result r = CliRunner.run("mapreduce", "generate", CONFIG, "--shards", "0", "-o", dir.toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertEquals("cevns: --shards: must be >= 1, got 0\n", r.err());
    r = CliRunner.run("mapreduce", "generate", tmp.resolve("nope.yaml").toString(), "--shards", "2", "-o",
        dir.toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().contains("file not found"), r.err());
    assertFalse(Files.exists(dir));
    CliRunner.Result h = CliRunner.run("mapreduce", "generate", "--help");
    assertEquals(0, h.exitCode());
    assertTrue(h.out().contains("--shards"), h.out());
  }

  @Test
  void outputAppearsOnlyAtJobCommitAndAKilledClientDoesNotBlockTheReRun() throws Exception {
    Path dir = tmp.resolve("mr");
    // what a killed client leaves (issue 16): its hidden staging directory with the committer's _temporary
    Path leftover = Files.createDirectories(tmp.resolve(".mr.0123456789abcdef.inprogress/_temporary/0"));
    String[] args = {"mapreduce", "generate", CONFIG, "--shards", "2", "-o", dir.toString(), "--events", "1000",
        "--seed", "9", "--quiet", "-D", "mapreduce.framework.name=local", "-D",
        "hadoop.tmp.dir=" + tmp.resolve("hadoop")};
    CliRunner.Result r = CliRunner.run(args);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("_SUCCESS")) && Files.exists(dir.resolve("part-m-00001.parquet")));
    assertFalse(Files.exists(dir.resolve("_temporary")));
    assertEquals(List.of(tmp.resolve(".mr.0123456789abcdef.inprogress")), Failures.temporaries(tmp),
        "only the other run's staging directory is left, untouched");
    assertTrue(Files.isDirectory(leftover));
    // a second run refuses without --overwrite, replaces with it (only after its job succeeded)
    r = CliRunner.run(args);
    Failures.assertClean(2, r, null);
    String[] overwrite = java.util.Arrays.copyOf(args, args.length + 1);
    overwrite[args.length] = "--overwrite";
    r = CliRunner.run(overwrite);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("_SUCCESS")));
    assertEquals(1, Failures.temporaries(tmp).size());
  }
}
