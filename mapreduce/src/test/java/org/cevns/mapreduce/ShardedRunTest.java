package org.cevns.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.ParquetMetadataReader;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.EventCount;
import org.cevns.generator.run.GenerateJob;
import org.cevns.generator.run.RunMetadata;
import org.cevns.generator.run.TruthGenerator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mapreduce generate} with Hadoop's local job runner. */
@Tag("slow")
class ShardedRunTest {
  @TempDir Path tmp;

  static final long SEED = 20211;

  private ShardedRun.Request request(Path config, int shards, Path out, Long events, boolean overwrite,
      Map<String, String> props) {
    return new ShardedRun.Request(ShardedRun.Stage.GENERATE, config, shards, out.toString(), SEED, events, false,
        false, false, "zstd", 2, overwrite, props, java.util.List.of());
  }

  /** The unsharded run written by the same code as {@code cevns generate}. */
  private Path unsharded(Path config, long events) throws Exception {
    ExperimentConfig cfg = ConfigLoader.load(config);
    ExperimentModel model = ExperimentModel.build(cfg);
    EventCount n = EventCount.fixed(events, model.totalExpectedEvents());
    Path file = tmp.resolve("whole.parquet");
    TruthParquetSink sink = TruthParquetSink.open(file.toString(), model.dictionary(),
        RunMetadata.of(model, SEED, n, false).toMap(), WriteOptions.defaults());
    GenerateJob.run(TruthGenerator.of(model, cfg.generator(), SEED, events, 2), 2, sink, null);
    return file;
  }

  /** N = 3 over 4 full blocks and a partial one: the job's shards hold exactly the unsharded events. */
  @Test
  void threeMapTasksWriteExactlyTheUnshardedEvents() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    long events = 4L * EventBlock.CAPACITY + 1234;
    Path out = tmp.resolve("out");
    Configuration conf = LocalJobs.conf(tmp);
    ShardedRun.Plan plan = ShardedRun.plan(request(config, 3, out, events, false, Map.of()), conf);
    List<String> status = new java.util.ArrayList<>();
    ShardedRun.Result result = ShardedRun.run(plan, status::add);
    assertTrue(result.success(), result.failure());
    assertEquals(events, result.events());
    assertEquals(5, result.blocks());
    assertProgressNeverFalls(status);
    assertEquals(List.of("_SUCCESS", "part-m-00000.parquet", "part-m-00001.parquet", "part-m-00002.parquet"),
        LocalJobs.visible(out), "one Parquet file per shard and the success marker, nothing else");
    assertEquals(List.of("._SUCCESS.crc"), LocalJobs.hidden(out), "Hadoop's local checksum of _SUCCESS only");

    Path whole = unsharded(config, events);
    List<double[]> expected = LocalJobs.read(whole);
    List<double[]> actual = LocalJobs.read(out);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "event " + i);
    }
    Map<String, String> wholeMeta = ParquetMetadataReader.read(whole.toString());
    long[] sizes = {EventBlock.CAPACITY, 2L * EventBlock.CAPACITY, EventBlock.CAPACITY + 1234};
    for (int i = 0; i < 3; i++) {
      Map<String, String> meta = ParquetMetadataReader.read(out.resolve("part-m-0000" + i + ".parquet").toString());
      assertEquals(i + "/3", meta.get(TruthMetadata.SHARD));
      assertEquals(Long.toString(events), meta.get(TruthMetadata.RUN_EVENTS));
      assertEquals(Long.toString(sizes[i]), meta.get(TruthMetadata.EVENTS));
      assertEquals(LocalJobs.common(wholeMeta), LocalJobs.common(meta), "same run metadata as the unsharded file");
    }
    // another reader: Parquet's own record API (parquet-hadoop example Group model), file by file
    long first = 0;
    for (int i = 0; i < 3; i++) {
      org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(out.resolve("part-m-0000" + i + ".parquet").toUri());
      long rows = 0;
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part).build()) {
        Group g;
        while ((g = reader.read()) != null) {
          assertEquals(first + rows, g.getLong("event_id", 0));
          assertEquals("csi", g.getString("detector", 0));
          rows++;
        }
      }
      assertEquals(sizes[i], rows);
      first += rows;
    }
  }

  /**
   * The progress lines' percentages and counts never fall. Before, the line carried Hadoop's map progress, which
   * the local job runner averages over the tasks started so far: "map 100%, 3997696 of 8000000 events" was
   * followed by "map 75%, 8000000 of 8000000 events" (mapreduce generate coherent-lar, 4 shards).
   */
  private static void assertProgressNeverFalls(List<String> lines) {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(": (\\d+)%, (\\d+) of (\\d+) events$");
    long[] last = {-1, -1};
    for (String line : lines) {
      java.util.regex.Matcher m = p.matcher(line);
      assertTrue(m.find(), line);
      long percent = Long.parseLong(m.group(1));
      long done = Long.parseLong(m.group(2));
      assertTrue(percent >= last[0] && done >= last[1], lines.toString());
      assertEquals(100 * done / Long.parseLong(m.group(3)), percent, line);
      last[0] = percent;
      last[1] = done;
    }
  }

  @Test
  void statusLineIsTheShareOfTheCounter() {
    assertEquals("job_1: 0%, 0 of 8 events", JobProgress.line("job_1", 0, 8, "events"));
    assertEquals("job_1: 87%, 7 of 8 toys", JobProgress.line("job_1", 7, 8, "toys"));
    assertEquals("job_1: 100%, 8 of 8 events", JobProgress.line("job_1", 8, 8, "events"));
    assertEquals("job_1: 0%, 0 of 0 toys", JobProgress.line("job_1", 0, 0, "toys"));
  }

  /** More shards than blocks: the extra shards are empty files, and the directory still reads as the run. */
  @Test
  void moreShardsThanBlocksGivesEmptyShards() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    long events = 1000;
    Path out = tmp.resolve("out");
    ShardedRun.Result result = ShardedRun.run(ShardedRun.plan(request(config, 3, out, events, false, Map.of()),
        LocalJobs.conf(tmp)), null);
    assertTrue(result.success(), result.failure());
    List<double[]> expected = LocalJobs.read(unsharded(config, events));
    List<double[]> actual = LocalJobs.read(out);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "event " + i);
    }
    assertEquals("0", ParquetMetadataReader.read(out.resolve("part-m-00000.parquet").toString())
        .get(TruthMetadata.EVENTS));
    assertEquals("1000", ParquetMetadataReader.read(out.resolve("part-m-00002.parquet").toString())
        .get(TruthMetadata.EVENTS));
  }

  /**
   * A map task that fails half-way (after writing 1 of its 2 blocks): the job fails, and the output directory
   * holds no shard at all (no half shard, no shard of the tasks that succeeded, no {@code _SUCCESS}). The
   * local job runner does not retry; {@link CommitProtocolTest} covers a retried attempt.
   */
  @Test
  void failedTaskLeavesNoPartialShard() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    long events = 4L * EventBlock.CAPACITY + 1234;
    Path out = tmp.resolve("out");
    ShardedRun.Plan plan = ShardedRun.plan(request(config, 3, out, events, false,
        Map.of(JobKeys.FAIL_SHARD_AFTER_BLOCKS, "1:1")), LocalJobs.conf(tmp));
    ShardedRun.Result result = ShardedRun.run(plan, null);
    assertFalse(result.success());
    assertTrue(result.failure().startsWith("job FAILED"), result.failure());
    assertEquals(List.of(), LocalJobs.tree(out), "nothing under the output directory");

    // the empty directory left by the failed job is no obstacle to a new run
    ShardedRun.Result again = ShardedRun.run(ShardedRun.plan(request(config, 3, out, events, false, Map.of()),
        LocalJobs.conf(tmp)), null);
    assertTrue(again.success(), again.failure());
    assertEquals(events, LocalJobs.read(out).size());
  }

  /**
   * A task that fails in its set-up (here: a configuration the task cannot load) names the cause in the job's
   * one-line failure: before, the local runner's job said only "job FAILED" (e.g. every {@code mapreduce toys} task
   * of {@code configs/coherent-lar.yaml}, whose template variant files were not shipped).
   */
  @Test
  void taskSetupFailureIsNamedInTheJobFailure() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    Path out = tmp.resolve("setup");
    ShardedRun.Plan plan = ShardedRun.plan(request(config, 2, out, 1000L, false, Map.of()), LocalJobs.conf(tmp));
    plan.job().getConfiguration().set("cevns.mr.config.yaml",
        ConfigBundle.encode("name: broken\nsources: 3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    ShardedRun.Result result = ShardedRun.run(plan, null);
    assertFalse(result.success());
    assertTrue(result.failure().matches("attempt_\\S+_m_00000\\d_0: .*sources.*\\(job FAILED\\)"), result.failure());
    assertEquals(List.of(), LocalJobs.tree(out), "nothing under the output directory");
  }

  /** A configuration with a data file: tasks read the copy shipped in the job configuration. */
  @Test
  void spectrumFileConfigurationRunsFromItsBundle() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cfg/spectra"));
    Files.copy(LocalJobs.CONFIGS.resolve("spectra/example-triangle.csv"), dir.resolve("tri.csv"));
    Path config = tmp.resolve("cfg/custom.yaml");
    Files.writeString(config, """
        name: custom
        sources:
          - name: custom
            type: spectrum-file
            file: spectra/tri.csv
            flavor: numu
            flux_per_cm2_s: 1.0e7
            exposure: {live_days: 10}
        detectors:
          - name: det
            target: {formula: ArXe}
            mass_kg: 10
        """);
    long events = EventBlock.CAPACITY + 10;
    Path out = tmp.resolve("out");
    ShardedRun.Result result = ShardedRun.run(ShardedRun.plan(request(config, 2, out, events, false, Map.of()),
        LocalJobs.conf(tmp)), null);
    assertTrue(result.success(), result.failure());
    List<double[]> expected = LocalJobs.read(unsharded(config, events));
    List<double[]> actual = LocalJobs.read(out);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "event " + i);
    }
    assertEquals(ParquetMetadataReader.read(out.resolve("part-m-00000.parquet").toString()).get(TruthMetadata.CONFIG),
        ParquetMetadataReader.read(tmp.resolve("whole.parquet").toString()).get(TruthMetadata.CONFIG),
        "the recorded configuration names the user's file, not the task's copy");
  }

  @Test
  void existingOutputNeedsOverwriteAndOverwriteOnlyReplacesShardOutputs() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    Path out = tmp.resolve("out");
    Configuration conf = LocalJobs.conf(tmp);
    assertTrue(ShardedRun.run(ShardedRun.plan(request(config, 2, out, 100L, false, Map.of()), conf), null).success());
    RunSetupException e = assertThrows(RunSetupException.class,
        () -> ShardedRun.plan(request(config, 2, out, 100L, false, Map.of()), conf));
    assertTrue(e.getMessage().endsWith(": exists; use --overwrite to replace it"), e.getMessage());
    assertTrue(ShardedRun.run(ShardedRun.plan(request(config, 2, out, 200L, true, Map.of()), conf), null).success());
    assertEquals(200, LocalJobs.read(out).size());

    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("thesis.tex"), "keep");
    e = assertThrows(RunSetupException.class,
        () -> ShardedRun.plan(request(config, 2, other, 100L, true, Map.of()), conf));
    assertTrue(e.getMessage().contains("holds 'thesis.tex'"), e.getMessage());
    assertTrue(Files.exists(other.resolve("thesis.tex")));
  }

  @Test
  void badArgumentsAreSetupErrors() {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    Path out = tmp.resolve("out");
    assertEquals("--shards: must be >= 1, got 0", assertThrows(RunSetupException.class,
        () -> ShardedRun.plan(request(config, 0, out, 10L, false, Map.of()), LocalJobs.conf(tmp))).getMessage());
    assertEquals("--events: must be in [0, 1000000000000] (10^12), got -1", assertThrows(RunSetupException.class,
        () -> ShardedRun.plan(request(config, 2, out, -1L, false, Map.of()), LocalJobs.conf(tmp))).getMessage());
    assertFalse(Files.exists(out));
  }
}
