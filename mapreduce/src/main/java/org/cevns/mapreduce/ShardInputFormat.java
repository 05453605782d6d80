package org.cevns.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.cevns.events.run.Shard;

/**
 * Synthetic input without files: {@value JobKeys#SHARDS} splits, split I holding the single record
 * (I, null), so map task I runs shard I/N.
 *
 * <p>All splits report the same length. The job client sorts splits by decreasing length with a stable sort
 * before numbering the map tasks, so equal lengths keep split I as task I; the output file
 * {@code part-m-0000I.parquet} then holds shard I, and the files sorted by name hold the run's events in order
 * ({@link ShardMapper} checks this in every task).
 */
public final class ShardInputFormat extends InputFormat<IntWritable, NullWritable> {
  @Override
  public List<InputSplit> getSplits(JobContext context) {
    int n = JobKeys.requiredInt(context.getConfiguration(), JobKeys.SHARDS);
    if (n < 1) {
      throw new IllegalArgumentException(JobKeys.SHARDS + " must be >= 1, got " + n);
    }
    List<InputSplit> splits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      splits.add(new ShardSplit(i, n));
    }
    return splits;
  }

  @Override
  public RecordReader<IntWritable, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new OneRecord();
  }

  /** Shard I of N as an input split. */
  public static final class ShardSplit extends InputSplit implements Writable {
    private int index;
    private int count;

    /** For deserialisation. */
    public ShardSplit() {}

    ShardSplit(int index, int count) {
      this.index = index;
      this.count = count;
    }

    /** The shard. */
    public Shard shard() {
      return new Shard(index, count);
    }

    /** The same for every split (see the class comment of {@link ShardInputFormat}). */
    @Override
    public long getLength() {
      return 1;
    }

    @Override
    public String[] getLocations() {
      return new String[0];
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeInt(index);
      out.writeInt(count);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
      index = in.readInt();
      count = in.readInt();
    }

    @Override
    public String toString() {
      return "shard " + index + "/" + count;
    }
  }

  /** Yields (shard index, null) once. */
  private static final class OneRecord extends RecordReader<IntWritable, NullWritable> {
    private final IntWritable key = new IntWritable();
    private boolean delivered;
    private boolean done;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
      key.set(((ShardSplit) split).index);
    }

    @Override
    public boolean nextKeyValue() {
      if (delivered) {
        done = true;
        return false;
      }
      delivered = true;
      return true;
    }

    @Override
    public IntWritable getCurrentKey() {
      return key;
    }

    @Override
    public NullWritable getCurrentValue() {
      return NullWritable.get();
    }

    @Override
    public float getProgress() {
      return done ? 1f : 0f;
    }

    @Override
    public void close() {}
  }
}
