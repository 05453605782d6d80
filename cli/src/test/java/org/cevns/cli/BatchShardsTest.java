package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns shards} and {@code cevns merge}: the generated HTCondor and Slurm files are run locally, as the
 * batch systems would run them (the condor executable with {@code $(Process)}, the Slurm array script with
 * {@code SLURM_ARRAY_TASK_ID}, then the merge node), and the merged shards equal the unsharded run.
 */
class BatchShardsTest {
  static final String CONFIG = GenerateCommandTest.CONFIGS.resolve("coherent-csi.yaml").toString();
  static final int EVENTS = 2 * EventBlock.CAPACITY + 777;
  @TempDir Path tmp;

  /** Runs {@code bash FILE ARGS} with extra environment; returns exit code and output. */
  static CliRunner.Result bash(Path file, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", file.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new CliRunner.Result(p.exitValue(), out, out);
  }

  static String line(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertTrue(m.find(), regex + " in\n" + text);
    return m.group(1).strip();
  }

  @Test
  void generatedCondorAndSlurmJobsMakeTheRunAndTheMergeNodeChecksIt() throws Exception {
    Path batch = tmp.resolve("batch");
    CliRunner.Result r = CliRunner.run("shards", CONFIG, "--shards", "3", "--events", "" + EVENTS, "--seed", "5",
        "--threads", "2", "-o", batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("condor_submit_dag " + batch.resolve("condor/run.dag")), r.err());

    String sub = Files.readString(batch.resolve("condor/shards.sub"));
    assertEquals("3", line(sub, "^queue (\\d+)$"));
    assertEquals("2", line(sub, "^request_cpus\\s*=\\s*(\\d+)$"));
    // one DAG node per shard, retried on its own (a failed shard no longer reruns every shard), then the merge
    String dag = Files.readString(batch.resolve("condor/run.dag"));
    assertTrue(dag.contains("JOB shard00001 " + batch.resolve("condor/shard.sub") + "\nVARS shard00001 shard=\"1\"\n"
        + "RETRY shard00001 2\n"), dag);
    assertTrue(dag.endsWith("PARENT shard00000 shard00001 shard00002 CHILD merge\n"), dag);
    String node = Files.readString(batch.resolve("condor/shard.sub"));
    assertEquals("$(shard)", line(node, "^arguments\\s*=\\s*(.+)$"));
    assertEquals("1", line(node, "^queue (\\d+)$"));
    String sbatch = Files.readString(batch.resolve("slurm/shards.sbatch"));
    assertEquals("0-2", line(sbatch, "^#SBATCH --array=(\\S+)$"));
    assertTrue(Files.readString(batch.resolve("slurm/submit.sh")).contains("--dependency=afterok:"));

    // HTCondor runs the executable with arguments = $(Process): process 0
    Path executable = Path.of(line(sub, "^executable\\s*=\\s*(.+)$"));
    assertEquals("$(Process)", line(sub, "^arguments\\s*=\\s*(.+)$"));
    CliRunner.Result s0 = bash(executable, Map.of(), "0");
    assertEquals(0, s0.exitCode(), s0.out());
    // Slurm runs the array script with SLURM_ARRAY_TASK_ID: tasks 1 and 2 (the #SBATCH lines are comments)
    for (String task : List.of("2", "1")) {
      CliRunner.Result s = bash(batch.resolve("slurm/shards.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", task));
      assertEquals(0, s.exitCode(), s.out());
    }
    // the merge node (condor merge.sub's executable = the Slurm merge job's script)
    String mergeSub = Files.readString(batch.resolve("condor/merge.sub"));
    CliRunner.Result m = bash(Path.of(line(mergeSub, "^executable\\s*=\\s*(.+)$")), Map.of());
    assertEquals(0, m.exitCode(), m.out());
    assertTrue(m.out().contains("3 shards of one run, " + EVENTS + " events"), m.out());
    Path shards = batch.resolve("shards");
    String json = Files.readString(shards.resolve(MergeCommand.RUN_FILE));
    assertTrue(json.contains("\"events\" : " + EVENTS), json);
    assertTrue(json.contains("\"cevns.seed\" : \"5\""), json);
    assertTrue(json.contains("\"file\" : \"part-00002.parquet\""), json);

    Path whole = tmp.resolve("whole.parquet");
    CliRunner.Result w = CliRunner.run("generate", CONFIG, "-o", whole.toString(), "--events", "" + EVENTS,
        "--seed", "5", "--quiet");
    assertEquals(0, w.exitCode(), w.err());
    assertEquals(ParquetRows.read(whole), ParquetRows.read(shards));

    // a missing shard fails the merge node with one line naming it
    Files.move(shards.resolve("part-00001.parquet"), tmp.resolve("part-00001.parquet"));
    CliRunner.Result missing = CliRunner.run("merge", shards.toString());
    assertEquals(2, missing.exitCode(), missing.err());
    assertEquals("cevns: " + shards + ": shard 1/3 missing (2 of 3 present)", missing.err().strip());
    // a shard of another run (other seed) in its place
    CliRunner.Result other = CliRunner.run("generate", CONFIG, "-o", shards.resolve("part-00001.parquet").toString(),
        "--events", "" + EVENTS, "--seed", "6", "--shard", "1/3", "--quiet");
    assertEquals(0, other.exitCode(), other.err());
    CliRunner.Result mixed = CliRunner.run("merge", shards.toString());
    assertEquals(2, mixed.exitCode(), mixed.err());
    assertTrue(mixed.err().contains("part-00001.parquet: cevns."), mixed.err());
    assertTrue(mixed.err().contains("differs from part-00000.parquet"), mixed.err());
  }

  /**
   * Regression (walk32): 3 shards of 3000 events (one block of 65,536) wrote two empty shards without a word; now a
   * warning says so and how many shards at most avoid it. Runs of as many blocks as shards, exposure runs (count drawn)
   * and 0-event runs say nothing.
   */
  @Test
  void fewerBlocksThanShardsIsWarned() throws IOException {
    CliRunner.Result r = CliRunner.run("shards", CONFIG, "--shards", "3", "--events", "3000", "--seed", "5", "-o",
        tmp.resolve("b").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("\ncevns: warning: 3000 events are 1 block of 65536 events, and a shard holds whole"
        + " blocks: 2 of the 3 shards will be empty (valid files with 0 rows; docs/scale.md); fewer shards, at most 1,"
        + " avoid it"), r.err());
    long c = EventBlock.CAPACITY;
    assertNull(ShardsCommand.emptyShards(3 * c, 3));
    assertNull(ShardsCommand.emptyShards(2 * c + 1, 3));
    assertTrue(ShardsCommand.emptyShards(2 * c, 3).startsWith((2 * c) + " events are 2 blocks of "));
    assertTrue(ShardsCommand.emptyShards(2 * c, 3).contains(": 1 of the 3 shards will be empty"));
    assertNull(ShardsCommand.emptyShards(null, 100));
    assertNull(ShardsCommand.emptyShards(0L, 3));
    assertNull(ShardsCommand.emptyShards(1L, 1));
  }

  @Test
  void outputDirectoryMustBeEmptyAndArgumentsValid() throws IOException {
    Path batch = Files.createDirectories(tmp.resolve("batch"));
    Files.writeString(batch.resolve("notes.txt"), "keep");
    CliRunner.Result r = CliRunner.run("shards", CONFIG, "--shards", "3", "--seed", "5", "-o", batch.toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: " + batch + ": exists and is not an empty directory", r.err().strip());
    r = CliRunner.run("shards", CONFIG, "--shards", "0", "--seed", "5", "-o", tmp.resolve("b").toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: --shards: must be >= 1, got 0", r.err().strip());
    r = CliRunner.run("shards", CONFIG, "--shards", "2", "--stage", "detsim", "-o", tmp.resolve("b").toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: --stage: must be generate, simulate or toys, got detsim", r.err().strip());
    r = CliRunner.run("shards", CONFIG, "--shards", "2", "--stage", "toys", "-o", tmp.resolve("b").toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: --toys: --stage toys needs --toys N >= 1, got null", r.err().strip());
    r = CliRunner.run("shards", CONFIG, "--shards", "2", "--toys", "10", "-o", tmp.resolve("b").toString());
    assertEquals(2, r.exitCode());
    assertEquals("cevns: --toys: only with --stage toys", r.err().strip());
    r = CliRunner.run("shards", CONFIG, "--shards", "2", "--stage", "toys", "--toys", "10", "--events", "5", "-o",
        tmp.resolve("b").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("cevns: --stage toys: --events"), r.err());
    assertTrue(Files.notExists(tmp.resolve("b")));
  }

  /**
   * A toy-study job run again after it succeeded (DAGMan's {@code RETRY} resubmits every job of the {@code shards}
   * node when one failed; a Slurm array resubmitted whole) makes the same part again and succeeds: before, it stopped
   * at its own earlier part with exit 2, so one failed job failed the whole DAG.
   */
  @Test
  void aToyJobRunAgainAfterSuccessMakesTheSamePart() throws Exception {
    Path batch = tmp.resolve("retry");
    CliRunner.Result r = CliRunner.run("shards", CONFIG, "--stage", "toys", "--toys", "2", "--shards", "2",
        "--threads", "1", "--seed", "5", "--max-template-events", "20000", "-o", batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path part = batch.resolve("shards/part-00001.parquet");
    CliRunner.Result first = bash(batch.resolve("slurm/shards.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", "1"));
    assertEquals(0, first.exitCode(), first.out());
    byte[] bytes = Files.readAllBytes(part);
    CliRunner.Result again = bash(batch.resolve("slurm/shards.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", "1"));
    assertEquals(0, again.exitCode(), again.out());
    org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Files.readAllBytes(part));
  }

  /**
   * A toy study: the HTCondor and Slurm shard jobs run locally, the final node checks that every toy is present
   * once and summarises them; the rows equal an unsharded {@code cevns toys}; a missing or foreign shard fails the
   * final node with one line.
   */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  void toyStudyJobsMakeTheToysAndTheFinalNodeChecksAndSummarisesThem() throws Exception {
    Path batch = tmp.resolve("toys");
    String[] common = {"--seed", "5", "--max-template-events", "100000"};
    List<String> args = new ArrayList<>(List.of("shards", CONFIG, "--stage", "toys", "--toys", "24", "--shards", "3",
        "--threads", "1", "-o", batch.toString()));
    args.addAll(List.of(common));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    String sub = Files.readString(batch.resolve("condor/shards.sub"));
    assertEquals("3", line(sub, "^queue (\\d+)$"));
    assertTrue(Files.readString(batch.resolve("shard.sh")).contains(" toys "), Files.readString(batch.resolve("shard.sh")));
    CliRunner.Result s0 = bash(Path.of(line(sub, "^executable\\s*=\\s*(.+)$")), Map.of(), "0");
    assertEquals(0, s0.exitCode(), s0.out());
    for (String task : List.of("2", "1")) {
      CliRunner.Result s = bash(batch.resolve("slurm/shards.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", task));
      assertEquals(0, s.exitCode(), s.out());
    }
    Path merge = Path.of(line(Files.readString(batch.resolve("condor/merge.sub")), "^executable\\s*=\\s*(.+)$"));
    CliRunner.Result m = bash(merge, Map.of());
    assertEquals(0, m.exitCode(), m.out());
    assertTrue(m.out().contains("24 toy experiments"), m.out());
    assertTrue(Files.size(batch.resolve("summary/toys.json")) > 0);
    assertTrue(Files.size(batch.resolve("summary/plots/toys-z.png")) > 0);

    Path whole = tmp.resolve("whole");
    List<String> one = new ArrayList<>(List.of("toys", CONFIG, "--toys", "24", "--threads", "2", "--quiet", "-o",
        whole.toString()));
    one.addAll(List.of(common));
    CliRunner.Result w = CliRunner.run(one.toArray(String[]::new));
    assertEquals(0, w.exitCode(), w.err());
    org.cevns.analysis.report.ToyTable.Columns a = org.cevns.analysis.report.ToyTable.read(whole.toString());
    org.cevns.analysis.report.ToyTable.Columns b = org.cevns.analysis.report.ToyTable.read(batch.resolve("shards").toString());
    assertEquals(a.names(), b.names());
    for (String n : a.names()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(n), b.get(n), n);
    }

    // a missing shard: the final node names the missing toys
    Path shards = batch.resolve("shards");
    Files.move(shards.resolve("part-00001.parquet"), tmp.resolve("part-00001.parquet"));
    CliRunner.Result missing = bash(merge, Map.of());
    assertEquals(2, missing.exitCode(), missing.out());
    assertEquals("cevns: --toy-results: " + shards + ": toys [8, 16) of 24 missing", missing.out().strip());
    // a shard of another study (other seed) in its place
    CliRunner.Result other = CliRunner.run("toys", CONFIG, "--toys", "24", "--seed", "6", "--shard", "1/3",
        "--max-template-events", "100000", "--quiet", "-o", shards.toString());
    assertEquals(0, other.exitCode(), other.err());
    CliRunner.Result mixed = bash(merge, Map.of());
    assertEquals(2, mixed.exitCode(), mixed.out());
    assertEquals("cevns: --toy-results: part-00001.parquet: cevns.seed 6 vs 5 differs from part-00000.parquet (toys"
        + " of another study)", mixed.out().strip());
  }
}
