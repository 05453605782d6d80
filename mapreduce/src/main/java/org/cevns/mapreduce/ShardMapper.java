package org.cevns.mapreduce;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.run.Shard;

/**
 * A map task of a sharded run: rebuilds the run from the job configuration (the {@link ConfigBundle}, the
 * seed and event total chosen by the client) and makes shard I/N through the same code as {@code --shard I/N},
 * handing each block to the output format as one record. Reports progress and the counters
 * {@code cevns: EVENTS, BLOCKS}, so a long shard is not taken for a hung task.
 *
 * @param <B> block type
 */
public abstract class ShardMapper<B> extends Mapper<IntWritable, NullWritable, NullWritable, B> {
  /** Counter group. */
  public static final String COUNTERS = "cevns";

  /** Hands blocks to the output. */
  @FunctionalInterface
  protected interface BlockOutput<B> {
    void write(long blockIndex, B block) throws IOException;
  }

  /** Builds the run of this task from its validated configuration; called once per task. */
  protected abstract void prepare(ExperimentConfig config, Configuration conf) throws IOException;

  /** The dictionary of the prepared run (must equal the client's). */
  protected abstract EventDictionary dictionary();

  /** Runs {@code shard} with {@code threads} workers into {@code out}, reporting events done to {@code progress}. */
  protected abstract void run(Shard shard, int threads, BlockOutput<B> out, LongConsumer progress) throws Exception;

  /** Events of {@code shard}. */
  protected abstract long events(Shard shard);

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    ConfigBundle bundle = ConfigBundle.load(conf);
    Path dir = Files.createTempDirectory("cevns-config");
    try {
      ExperimentConfig config = ConfigLoader.load(bundle.materialize(dir));
      prepare(config, conf);
    } catch (IOException | RuntimeException e) {
      LocalTaskFailures.record(context.getTaskAttemptID(), e); // the local runner's job reports no cause
      throw e;
    } finally {
      deleteTree(dir);
    }
    EventDictionary expected = JobKeys.dictionary(conf);
    if (!expected.equals(dictionary())) {
      throw new IllegalStateException("the task's event dictionary " + dictionary() + " differs from the client's "
          + expected + ": the configuration was read differently");
    }
  }

  @Override
  protected void map(IntWritable key, NullWritable value, Context context) throws IOException, InterruptedException {
    Configuration conf = context.getConfiguration();
    Shard shard = new Shard(key.get(), JobKeys.requiredInt(conf, JobKeys.SHARDS));
    int task = context.getTaskAttemptID().getTaskID().getId();
    if (task != shard.index()) {
      throw new IllegalStateException("map task " + task + " received shard " + shard
          + ": the output file names would not follow the shard order");
    }
    int threads = Math.max(1, conf.getInt(JobKeys.THREADS, 1));
    long failAfter = afterBlocks(conf, JobKeys.FAIL_SHARD_AFTER_BLOCKS, shard, context.getTaskAttemptID().getId());
    long haltAfter = afterBlocks(conf, JobKeys.HALT_SHARD_AFTER_BLOCKS, shard, context.getTaskAttemptID().getId());
    long total = events(shard);
    long[] blocks = {0};
    NullWritable none = NullWritable.get();
    BlockOutput<B> out = (k, block) -> {
      if (blocks[0] == failAfter) {
        throw new IOException("injected failure of shard " + shard + " after " + failAfter + " blocks ("
            + JobKeys.FAIL_SHARD_AFTER_BLOCKS + ")");
      }
      if (blocks[0] == haltAfter) {
        Runtime.getRuntime().halt(137); // test hook: a killed container (see JobKeys.HALT_SHARD_AFTER_BLOCKS)
      }
      try {
        context.write(none, block);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing block " + k);
      }
      blocks[0]++;
      context.getCounter(COUNTERS, "BLOCKS").increment(1);
    };
    long[] reported = {0};
    LongConsumer progress = done -> {
      context.getCounter(COUNTERS, "EVENTS").increment(done - reported[0]);
      reported[0] = done;
      context.setStatus(String.format(Locale.ROOT, "shard %s: %d of %d events", shard, done, total));
      context.progress();
    };
    try {
      run(shard, threads, out, progress);
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static long afterBlocks(Configuration conf, String key, Shard shard, int attempt) {
    String spec = conf.get(key);
    if (spec == null || attempt != 0) {
      return -1;
    }
    String[] parts = spec.trim().split(":");
    return Integer.parseInt(parts[0]) == shard.index() ? Long.parseLong(parts[1]) : -1;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
