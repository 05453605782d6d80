package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, with real processes ({@code java -cp <test class path> org.cevns.cli.Main}): a killed run leaves
 * nothing under its final name and can be re-run; two concurrent runs on one output give one complete file and
 * one exit 2; a full file system gives one line and exit 1; the same configuration and seed give the same
 * bytes in different processes and with different thread counts.
 */
@Tag("slow")
class ProcessFaultTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  record Run(int exitCode, String err) {}

  private static ProcessBuilder cevns(List<String> prefix, String... args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  private Run run(List<String> prefix, String... args) throws Exception {
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = cevns(prefix, args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
    return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run run(String... args) throws Exception {
    return run(List.of(), args);
  }

  /** Waits until a hidden staging file or directory of this run appears in {@code dir}. */
  private static void awaitTemporary(Path dir, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (Failures.temporaries(dir).isEmpty()) {
      assertTrue(p.isAlive(), "the run is still working");
      assertTrue(System.nanoTime() < deadline, "a staging name appeared");
      Thread.sleep(50);
    }
    Thread.sleep(300);
  }

  @Test
  void killedRunLeavesNoDirectoryAndReRunWorks() throws Exception {
    Path out = tmp.resolve("run-out");
    Process p = cevns(List.of(), "run", CONFIG, "-o", out.toString(), "--seed", "1", "--quiet", "--threads", "1")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitTemporary(tmp, p);
    p.destroyForcibly(); // SIGKILL: no cleanup can run
    p.waitFor();
    assertFalse(Files.exists(out), "no partial directory under the final name");
    Run again = run("run", CONFIG, "-o", out.toString(), "--seed", "1", "--quiet");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve("events.parquet")));
  }

  /** A killed MapReduce job (local runner) leaves only its staging directory; a re-run works (issue 16). */
  @Test
  void killedMapReduceJobLeavesNoDirectoryAndReRunWorks() throws Exception {
    Path out = tmp.resolve("mr-out");
    Process p = cevns(List.of(), "mapreduce", "generate", CONFIG, "-o", out.toString(), "--shards", "2", "--events",
        "2000000000", "--seed", "1", "--quiet", "--threads-per-task", "1")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitTemporary(tmp, p);
    p.destroyForcibly();
    p.waitFor();
    assertFalse(Files.exists(out), "no partial directory under the final name");
    Run again = run("mapreduce", "generate", CONFIG, "-o", out.toString(), "--shards", "2", "--events", "20000",
        "--seed", "1", "--quiet", "--threads-per-task", "1");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(Files.exists(out.resolve("_SUCCESS")) && Files.exists(out.resolve("part-m-00001.parquet")));
    // the toy table of `mapreduce toys` is staged the same way
    Path toys = tmp.resolve("toys-out");
    Process t = cevns(List.of(), "mapreduce", "toys", CONFIG, "-o", toys.toString(), "--shards", "2", "--toys",
        "1000000", "--seed", "1", "--quiet", "--threads-per-task", "1", "--max-template-events", "100000")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitTemporary(tmp, t);
    t.destroyForcibly();
    t.waitFor();
    assertFalse(Files.exists(toys), "no partial toy table under the final name");
  }

  @Test
  void terminatedGenerateRemovesItsTemporaryFile() throws Exception {
    Path out = tmp.resolve("big.parquet");
    Process p = cevns(List.of(), "generate", CONFIG, "-o", out.toString(), "--events", "2000000000", "--seed", "1",
        "--quiet", "--threads", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitTemporary(tmp, p);
    p.destroy(); // SIGTERM: the shutdown hook deletes the temporary file
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertFalse(Files.exists(out));
    assertEquals(List.of(), Failures.temporaries(tmp));
  }

  @Test
  void concurrentRunsOnOneOutputGiveOneCompleteFileAndOneExit2() throws Exception {
    Path out = tmp.resolve("same.parquet");
    List<Process> ps = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path err = tmp.resolve("err" + i + ".txt");
      errs.add(err);
      ps.add(cevns(List.of(), "generate", CONFIG, "-o", out.toString(), "--events", "300000", "--seed", "" + (i + 1),
          "--quiet", "--threads", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile()).start());
    }
    List<Integer> codes = new ArrayList<>();
    for (Process p : ps) {
      assertTrue(p.waitFor(5, TimeUnit.MINUTES));
      codes.add(p.exitValue());
    }
    int winner = codes.indexOf(0);
    assertTrue(winner >= 0 && codes.get(1 - winner) == 2, "one winner, one exit 2: " + codes);
    Failures.assertClean(2, codes.get(1 - winner), Files.readString(errs.get(1 - winner)), null);
    assertEquals(List.of(), Failures.temporaries(tmp));
    // the file is the winner's complete run: detsim reads all of it
    Path d = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", out.toString(), "-o", d.toString(), "--quiet",
        "--no-backgrounds");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(300000, ParquetRows.read(d).size());
  }

  @Test
  void fullFileSystemIsOneLineExit1WithNothingLeft() throws Exception {
    Path small = Files.createDirectory(tmp.resolve("small"));
    boolean mounted = mountTmpfs(small, "256k");
    try {
      if (mounted) {
        Path out = small.resolve("run-out");
        Run r = run("run", CONFIG, "-o", out.toString(), "--seed", "1", "--quiet");
        Failures.assertClean(1, r.exitCode(), r.err(), out);
        assertTrue(r.err().contains("No space left on device"), r.err());
        Path g = small.resolve("g.parquet");
        r = run("generate", CONFIG, "-o", g.toString(), "--events", "300000", "--seed", "1", "--quiet");
        Failures.assertClean(1, r.exitCode(), r.err(), g);
        // a MapReduce job (local runner) on a full disk: the failed task's file and cause in one line, no stack
        // trace from the runner's log, the staged directory removed (regression, issue 16)
        Path mr = small.resolve("mr-out");
        r = run("mapreduce", "generate", CONFIG, "-o", mr.toString(), "--shards", "2", "--events", "300000",
            "--seed", "1", "--quiet", "--threads-per-task", "1");
        Failures.assertClean(1, r.exitCode(), r.err(), mr);
        assertTrue(r.err().contains("No space left on device") && r.err().contains("part-m-0000"), r.err());
      }
      // without mount privileges (and also with them): a file size limit makes writes fail with EFBIG
      Path g = tmp.resolve("limited.parquet");
      Run r = run(List.of("bash", "-c", "ulimit -f 3000 && exec \"$@\"", "cevns"), "generate", CONFIG, "-o",
          g.toString(), "--events", "3000000", "--seed", "1", "--quiet");
      Failures.assertClean(1, r.exitCode(), r.err(), g);
      assertTrue(r.err().contains("File too large"), r.err());
    } finally {
      if (mounted) {
        new ProcessBuilder("umount", small.toString()).start().waitFor();
      }
    }
  }

  private static boolean mountTmpfs(Path dir, String size) {
    try {
      Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Regression: toy tables of the same config and seed differed in a few footer bytes between processes (the
   * encoding lists' order, apache/parquet-java#3215); now equal byte for byte in any process and thread count.
   */
  @Test
  void toyTablesAreTheSameBytesInAnyProcessAndThreadCount() throws Exception {
    List<byte[]> outs = new ArrayList<>();
    String[] threads = {"1", "2", "1"};
    for (int i = 0; i < threads.length; i++) {
      Path d = tmp.resolve("toys" + i);
      // 12 toys: each is fitted in mu and in the config's three physics POIs (about 0.2 s of CPU per toy)
      Run r = run("toys", ToysCommandTest.CONFIG, "--toys", "12", "--seed", "4", "--threads", threads[i],
          "--max-template-events", "100000", "-o", d.toString(), "--quiet");
      assertEquals(0, r.exitCode(), r.err());
      outs.add(Files.readAllBytes(d.resolve("part-00000.parquet")));
    }
    for (byte[] o : outs) {
      assertArrayEquals(outs.get(0), o, "toy table bytes equal across processes and thread counts");
    }
  }

  @Test
  void sameConfigAndSeedGiveTheSameBytesInAnyProcessAndThreadCount() throws Exception {
    Path truth = tmp.resolve("truth.parquet");
    assertEquals(0, run("generate", CONFIG, "-o", truth.toString(), "--events", "200000", "--seed", "9",
        "--quiet").exitCode());
    List<byte[]> outs = new ArrayList<>();
    String[] threads = {"1", "2", "1"};
    for (int i = 0; i < threads.length; i++) {
      Path d = tmp.resolve("d" + i + ".parquet");
      Run r = run("detsim", CONFIG, "-i", truth.toString(), "-o", d.toString(), "--threads", threads[i], "--quiet");
      assertEquals(0, r.exitCode(), r.err());
      outs.add(Files.readAllBytes(d));
    }
    for (byte[] o : outs) {
      assertArrayEquals(outs.get(0), o, "detsim bytes equal across processes and thread counts");
    }
    // MapReduce part files too (local runner): footers sorted like local files (apache/parquet-java#3215)
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path mr = tmp.resolve("mr" + i);
      Run r = run("mapreduce", "generate", CONFIG, "-o", mr.toString(), "--shards", "2", "--events", "20000",
          "--seed", "4", "--quiet", "--threads-per-task", "1");
      assertEquals(0, r.exitCode(), r.err());
      parts.add(Files.readAllBytes(mr.resolve("part-m-00001.parquet")));
    }
    assertArrayEquals(parts.get(0), parts.get(1), "MapReduce part files equal across processes");
    List<List<String>> runs = new ArrayList<>();
    for (String t : new String[] {"1", "2"}) {
      Path dir = tmp.resolve("run" + t);
      Run r = run("run", CONFIG, "-o", dir.toString(), "--seed", "5", "--threads", t, "--quiet");
      assertEquals(0, r.exitCode(), r.err());
      List<String> digest = new ArrayList<>();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          digest.add(dir.relativize(f) + " " + java.util.Arrays.hashCode(Files.readAllBytes(f)));
        }
      }
      runs.add(digest);
    }
    assertEquals(runs.get(0), runs.get(1), "run outputs equal byte for byte");
    assertFalse(runs.get(0).isEmpty());
    assertTrue(new File(tmp.toFile(), "run1").isDirectory());
  }
}
