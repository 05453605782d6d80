package org.cevns.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.Shard;
import org.cevns.generator.run.TruthGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output protocol under task retries, driven by hand the way the MapReduce framework drives it (the local
 * job runner never retries a task): {@link TruthOutputFormat}'s record writers with the job's
 * {@code FileOutputCommitter}.
 */
class CommitProtocolTest {
  @TempDir Path tmp;

  /**
   * Shard 1: attempt 0 fails after one of its two blocks and is aborted (a failed task); shard 2: attempt 0 is
   * killed without any clean-up (a lost container) while attempt 1 completes. The committed directory holds
   * exactly one complete file per shard, and the events of the unsharded run.
   */
  @Test
  void failedAndKilledAttemptsLeaveNoPartialShard() throws Exception {
    Path config = LocalJobs.CONFIGS.resolve("coherent-csi.yaml");
    long events = 4L * EventBlock.CAPACITY + 1234;
    Path out = tmp.resolve("out");
    ShardedRun.Plan plan = ShardedRun.plan(new ShardedRun.Request(ShardedRun.Stage.GENERATE, config, 3,
        out.toString(), 5L, events, false, false, false, "zstd", 1, false, Map.of(), java.util.List.of()), LocalJobs.conf(tmp));
    Configuration conf = plan.job().getConfiguration();
    // the job writes into the run's hidden staging directory; ShardedRun.run renames it to `out` after success
    Path staging = Path.of(plan.staging().toUri());
    ExperimentConfig cfg = ConfigLoader.load(config);
    TruthGenerator gen = TruthGenerator.of(ExperimentModel.build(cfg), cfg.generator(), 5L, events, 1);

    JobID jobId = new JobID("cevnstest", 1);
    JobContext job = new JobContextImpl(conf, jobId);
    // as in the framework: one output format (and committer) per task attempt, one for the job
    OutputCommitter committer = new TruthOutputFormat().getOutputCommitter(attempt(conf, jobId, 0, 0));
    committer.setupJob(job);

    write(attempt(conf, jobId, 0, 0), gen, new Shard(0, 3), Long.MAX_VALUE, true);
    // shard 1, attempt 0: one block of two, then the task fails: the framework aborts the attempt
    TaskAttemptContext failed = attempt(conf, jobId, 1, 0);
    OutputCommitter failedCommitter = write(failed, gen, new Shard(1, 3), 1, false);
    assertTrue(LocalJobs.tree(staging).stream().anyMatch(f -> f.contains(failed.getTaskAttemptID().toString())),

        "the failed attempt wrote into its own work directory");
    failedCommitter.abortTask(failed);
    assertFalse(LocalJobs.tree(staging).stream().anyMatch(f -> f.contains(failed.getTaskAttemptID().toString())),
        "aborting the attempt deletes its work directory");
    write(attempt(conf, jobId, 1, 1), gen, new Shard(1, 3), Long.MAX_VALUE, true);
    // shard 2, attempt 0: killed mid-write, nothing runs after that (no close, no abort)
    TaskAttemptContext killed = attempt(conf, jobId, 2, 0);
    write(killed, gen, new Shard(2, 3), 1, false);
    write(attempt(conf, jobId, 2, 1), gen, new Shard(2, 3), Long.MAX_VALUE, true);
    assertTrue(LocalJobs.tree(staging).stream().anyMatch(f -> f.contains(killed.getTaskAttemptID().toString())));
    assertFalse(Files.exists(staging.resolve("part-m-00000.parquet")), "nothing in the output before the job commits");

    committer.commitJob(job);
    assertEquals(List.of("_SUCCESS", "part-m-00000.parquet", "part-m-00001.parquet", "part-m-00002.parquet"),
        LocalJobs.visible(staging));
    List<double[]> actual = LocalJobs.read(staging);
    assertEquals(events, actual.size());
    EventBlock expected = new EventBlock();
    int row = 0;
    for (long k = 0; k < gen.blockCount(); k++) {
      gen.fill(k, expected);
      for (int i = 0; i < expected.size(); i++, row++) {
        double[] e = actual.get(row);
        assertEquals(expected.eventId[i], (long) e[0]);
        assertArrayEquals(new double[] {expected.enuMeV[i], expected.recoilKeV[i], expected.timeNs[i]},
            new double[] {e[5], e[8], e[9]}, "event " + row);
      }
    }
  }

  private static TaskAttemptContext attempt(Configuration conf, JobID job, int task, int attempt) {
    return new TaskAttemptContextImpl(conf, new TaskAttemptID(job.getJtIdentifier(), job.getId(), TaskType.MAP,
        task, attempt));
  }

  /**
   * Writes up to {@code maxBlocks} blocks of {@code shard} through a new output format; with {@code commit}
   * closes the writer and commits the attempt. Returns the attempt's committer.
   */
  private static OutputCommitter write(TaskAttemptContext ctx, TruthGenerator gen, Shard shard, long maxBlocks,
      boolean commit) throws Exception {
    TruthOutputFormat format = new TruthOutputFormat();
    OutputCommitter committer = format.getOutputCommitter(ctx);
    committer.setupTask(ctx);
    RecordWriter<NullWritable, EventBlock> w = format.getRecordWriter(ctx);
    EventBlock b = new EventBlock();
    long first = shard.firstBlock(gen.blockCount());
    long end = first + Math.min(shard.blockCount(gen.blockCount()), maxBlocks);
    for (long k = first; k < end; k++) {
      gen.fill(k, b);
      w.write(NullWritable.get(), b);
    }
    if (commit) {
      w.close(ctx);
      assertTrue(committer.needsTaskCommit(ctx));
      committer.commitTask(ctx);
    }
    return committer;
  }
}
